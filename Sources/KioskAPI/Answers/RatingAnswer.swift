/// The answer to a rating: what was rated, and the follow-up a 差评 opened.
public struct RatingAnswer: Codable, Sendable, Equatable {
    public var ticket: String
    public var window: String
    public var service: String
    public var score: Int
    /// The level's name, e.g. 非常满意.
    public var label: String
    public var reason: String?
    /// A 1 or 2 opens a follow-up due 15 working days later.
    public var followUp: FollowUpRef?

    public struct FollowUpRef: Codable, Sendable, Equatable {
        public var id: String
        /// `YYYY-MM-DD`, the last working day to put it right.
        public var due: String

        public init(id: String, due: String) {
            self.id = id
            self.due = due
        }
    }

    public init(ticket: String, window: String, service: String, score: Int, label: String, reason: String?, followUp: FollowUpRef? = nil) {
        self.ticket = ticket
        self.window = window
        self.service = service
        self.score = score
        self.label = label
        self.reason = reason
        self.followUp = followUp
    }

    enum CodingKeys: String, CodingKey {
        case ticket, window, service, score, label, reason, followUp = "follow_up"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(ticket, forKey: .ticket)
        try c.encode(window, forKey: .window)
        try c.encode(service, forKey: .service)
        try c.encode(score, forKey: .score)
        try c.encode(label, forKey: .label)
        try c.encode(reason, forKey: .reason)   // `null`, never absent
        try c.encodeIfPresent(followUp, forKey: .followUp)
    }
}

/// What a window's rating pad may ask the citizen to rate now (`rating` in a window's status).
public struct RateableTicket: Codable, Sendable, Equatable {
    public var ticket: String
    public var service: String
    public var serviceName: String
    /// `HH:MM:SS` hall time: the end of the ten minutes after its finish.
    public var until: String

    public init(ticket: String, service: String, serviceName: String, until: String) {
        self.ticket = ticket
        self.service = service
        self.serviceName = serviceName
        self.until = until
    }

    enum CodingKeys: String, CodingKey {
        case ticket, service, serviceName = "service_name", until
    }
}
