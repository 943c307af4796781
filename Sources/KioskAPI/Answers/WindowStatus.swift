/// A window as `GET /v1/windows/{id}`, every window command and the hall snapshot show it
/// (schema `Window`).
public struct WindowStatus: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    /// The services it calls from now (its own, then those of windows it covers).
    public var services: [String]
    /// `open`, `paused` or `closed`.
    public var status: String
    /// A paused window's announced return, `HH:MM` hall time.
    public var backAt: String?
    /// The ticket at the window; written as `null` when there is none.
    public var current: TicketStatus?
    /// Tickets waiting that this window may call.
    public var waiting: Int
    /// Windows whose services it also serves (AB角).
    public var covering: [String]
    /// Tickets it parked, in line order.
    public var parked: [String]
    /// Of `parked`, those set aside because the citizen did not answer the call (未确认):
    /// priority tickets awaiting the citizen instead of a no-show; absent when none.
    public var awaiting: [String]?
    /// 即审: tickets this window handed to review and not yet called back (in review or
    /// reviewed), oldest first; absent when none.
    public var inReview: [String]?
    /// A reviewer's window: the case it has taken and not yet decided (with the clerk's note);
    /// absent when none.
    public var reviewing: TicketStatus?
    /// A reviewer's window: cases waiting for it; absent for a window that reviews nothing.
    public var reviewQueue: Int?
    /// The current ticket's your-turn SMS (`pending`, `sending`, `accepted`, `delivered`,
    /// `failed`, `dropped`); absent when it has none.
    public var sms: String?
    /// What the window's rating pad may ask to be rated now; `null` when nothing.
    public var rating: RateableTicket?
    /// `warning` while the hall's clock warning stands (the PC's clock stepped; a supervisor
    /// should check it); absent otherwise, and in the hall snapshot's list.
    public var clock: String?

    public init(
        id: String, name: String, services: [String] = [], status: String = "open", backAt: String? = nil, current: TicketStatus? = nil,
        waiting: Int = 0, covering: [String] = [], parked: [String] = [], sms: String? = nil
    ) {
        self.id = id
        self.name = name
        self.services = services
        self.status = status
        self.backAt = backAt
        self.current = current
        self.waiting = waiting
        self.covering = covering
        self.parked = parked
        self.sms = sms
        self.rating = nil
        self.clock = nil
    }

    enum CodingKeys: String, CodingKey {
        case id, name, services, status, backAt = "back_at", current, waiting, covering, parked, awaiting, sms, rating, clock
        case inReview = "in_review", reviewing, reviewQueue = "review_queue"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(services, forKey: .services)
        try c.encode(status, forKey: .status)
        try c.encodeIfPresent(backAt, forKey: .backAt)
        try c.encode(current, forKey: .current)   // `null`, never absent: the schema requires it
        try c.encode(waiting, forKey: .waiting)
        try c.encode(covering, forKey: .covering)
        try c.encode(parked, forKey: .parked)
        try c.encodeIfPresent(awaiting, forKey: .awaiting)
        try c.encodeIfPresent(inReview, forKey: .inReview)
        try c.encodeIfPresent(reviewing, forKey: .reviewing)
        try c.encodeIfPresent(reviewQueue, forKey: .reviewQueue)
        try c.encodeIfPresent(sms, forKey: .sms)
        try c.encode(rating, forKey: .rating)   // `null`, never absent: the schema requires it
        try c.encodeIfPresent(clock, forKey: .clock)
    }
}
