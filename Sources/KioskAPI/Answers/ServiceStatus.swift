/// One service as `GET /v1/services` and the hall snapshot list it (schema `Service`).
public struct ServiceStatus: Codable, Sendable, Equatable {
    /// One letter, `A`–`Z`.
    public var code: String
    public var name: String
    public var nameEN: String
    /// What to bring.
    public var documents: [String]
    /// People waiting in this line now.
    public var waiting: Int
    /// `open`, or the refusal code taking a ticket would get (`outside_hours`, `quota_reached`…).
    public var status: String
    /// The refusal's sentence, Chinese first.
    public var statusMessage: String?
    /// Minutes the last ticket in the line is expected to wait.
    public var estimateMin: Double?
    public var dailyQuota: Int?
    public var issuedToday: Int?
    /// Whether `GET /v1/services/{code}/guide` has a 办事指南 for it (the ticket machine
    /// offers 查看办事指南 only then).
    public var hasGuide: Bool?
    /// Whether it takes appointments (预约): the ticket machine offers check-in when any does.
    public var appointments: Bool?

    public init(
        code: String, name: String, nameEN: String = "", documents: [String] = [], waiting: Int = 0, status: String = "open",
        statusMessage: String? = nil, estimateMin: Double? = nil, dailyQuota: Int? = nil, issuedToday: Int? = nil, hasGuide: Bool? = nil
    ) {
        self.hasGuide = hasGuide
        self.code = code
        self.name = name
        self.nameEN = nameEN
        self.documents = documents
        self.waiting = waiting
        self.status = status
        self.statusMessage = statusMessage
        self.estimateMin = estimateMin
        self.dailyQuota = dailyQuota
        self.issuedToday = issuedToday
    }

    enum CodingKeys: String, CodingKey {
        case code, name, nameEN = "name_en", documents, waiting, status, statusMessage = "status_message"
        case estimateMin = "estimate_min", dailyQuota = "daily_quota", issuedToday = "issued_today", hasGuide = "has_guide", appointments
    }
}
