import KioskCore

/// One document a service's guide asks for (schema `GuideMaterial`): in `GET
/// /v1/services/{code}/guide` and on the issued ticket, so the slip can say original or copy
/// and how many.
public struct GuideMaterialView: Codable, Sendable, Equatable {
    public var name: String
    /// `original`, `copy` or `original_and_copy`.
    public var form: String
    public var count: Int
    public var notes: String?

    public init(name: String, form: String, count: Int, notes: String? = nil) {
        self.name = name
        self.form = form
        self.count = count
        self.notes = notes
    }

    public init(_ material: GuideMaterial) {
        self.init(name: material.name, form: material.form.rawValue, count: material.count, notes: material.notes)
    }

    /// The engine's value; nil when `form` is none the daemon writes (a client never guesses).
    public var material: GuideMaterial? {
        guard let form = GuideMaterial.Form(rawValue: form), (1...99).contains(count) else { return nil }
        return GuideMaterial(name: name, form: form, count: count, notes: notes)
    }
}
