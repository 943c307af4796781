import KioskCore

/// The answer to `GET /v1/services/{code}/guide` (schema `ServiceGuide`, public): the
/// service's 办事指南 with the keys the config writes, and which sections are examples.
public struct ServiceGuideAnswer: Codable, Sendable, Equatable {
    /// The engine's own value: the answer writes the keys the config does.
    public typealias Roles = GuideRoles

    public var service: String
    public var name: String
    public var nameEN: String
    public var basis: [String]
    public var conditions: [String]
    public var materials: [GuideMaterialView]
    public var steps: [String]
    public var timeLimit: String?
    public var roles: Roles?
    public var fee: String?
    public var contact: String?
    /// The sections written as an illustration, not the hall's own rule (`basis`, `fee` …).
    public var example: [String]

    public init(service: ServiceConfig, guide: ServiceGuide) {
        self.service = service.code
        name = service.name
        nameEN = service.nameEN
        basis = guide.basis
        conditions = guide.conditions
        materials = guide.materials.map(GuideMaterialView.init)
        steps = guide.steps
        timeLimit = guide.timeLimit
        roles = guide.roles
        fee = guide.fee
        contact = guide.contact
        example = guide.exampleSections.sorted().map(\.rawValue)
    }

    /// The guide as the engine's value, for the shared text (`ServiceGuideText`). Materials
    /// in a form no daemon writes, and unknown example names, are left out.
    public var guide: ServiceGuide {
        ServiceGuide(
            basis: basis, conditions: conditions, materials: materials.compactMap(\.material), steps: steps, timeLimit: timeLimit,
            roles: roles, fee: fee, contact: contact,
            exampleSections: Set(example.compactMap(GuideSection.init(rawValue:)))
        )
    }

    /// The guide as lines, Chinese first (`kiosk guide`, the ticket machine).
    public var lines: [String] {
        ServiceGuideText.lines(code: service, name: name, nameEN: nameEN, guide: guide)
    }

    enum CodingKeys: String, CodingKey {
        case service, name, nameEN = "name_en", basis, conditions, materials, steps, timeLimit = "time_limit", roles, fee, contact, example
    }
}
