/// A 差评's follow-up, as `GET /v1/ratings/followups` lists it and a close answers it.
public struct FollowUpStatus: Codable, Sendable, Equatable {
    /// `YYYYMMDD-TICKET`, e.g. `20261201-A023`.
    public var id: String
    public var date: String
    public var ticket: String
    public var service: String
    public var window: String
    public var score: Int
    public var label: String
    public var reason: String?
    /// The last working day to put it right.
    public var due: String
    public var closed: Bool
    public var note: String?
    public var closedBy: String?
    /// Open and past due (listings only).
    public var overdue: Bool?

    public init(
        id: String, date: String, ticket: String, service: String, window: String, score: Int, label: String, reason: String?,
        due: String, closed: Bool, note: String?, closedBy: String?, overdue: Bool? = nil
    ) {
        self.id = id; self.date = date; self.ticket = ticket; self.service = service; self.window = window
        self.score = score; self.label = label; self.reason = reason; self.due = due; self.closed = closed
        self.note = note; self.closedBy = closedBy; self.overdue = overdue
    }

    enum CodingKeys: String, CodingKey {
        case id, date, ticket, service, window, score, label, reason, due, closed, note, closedBy = "closed_by", overdue
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(date, forKey: .date)
        try c.encode(ticket, forKey: .ticket)
        try c.encode(service, forKey: .service)
        try c.encode(window, forKey: .window)
        try c.encode(score, forKey: .score)
        try c.encode(label, forKey: .label)
        try c.encode(reason, forKey: .reason)       // `null`, never absent
        try c.encode(due, forKey: .due)
        try c.encode(closed, forKey: .closed)
        try c.encode(note, forKey: .note)
        try c.encode(closedBy, forKey: .closedBy)
        try c.encodeIfPresent(overdue, forKey: .overdue)
    }
}

/// `GET /v1/ratings/followups`.
public struct FollowUpList: Codable, Sendable, Equatable {
    /// The hall's business date the overdue flags are judged on.
    public var today: String
    public var followups: [FollowUpStatus]

    public init(today: String, followups: [FollowUpStatus]) {
        self.today = today
        self.followups = followups
    }
}
