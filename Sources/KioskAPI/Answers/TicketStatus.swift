/// One ticket as `GET /v1/tickets/{number}` answers it (schema `Ticket`), and as a window's
/// `current`. Numbers only: no name, no phone.
public struct TicketStatus: Codable, Sendable, Equatable {
    /// `A023`.
    public var ticket: String
    /// The service letter.
    public var service: String
    public var serviceName: String
    /// Elderly, disabled or otherwise entitled to go first. Absent in the public status
    /// (`GET /v1/tickets/{n}`): anyone may read it, and whose ticket is a disabled citizen's
    /// is nobody's business there.
    public var priority: Bool?
    /// `waiting`, `called`, `serving`, `parked`, `done`, `no_show` or `cancelled`.
    public var state: String
    /// Hall time of issue, `HH:MM:SS`.
    public var issuedAt: String
    public var peopleAhead: Int?
    /// The window that has it (called, serving or parked).
    public var counter: String?
    public var counterName: String?
    /// How many times it was called (1 = the first call), while called.
    public var calls: Int?
    /// `true` once the citizen (or their caretaker) answered a message with "1" (on their
    /// way); absent otherwise.
    public var acknowledged: Bool?
    /// Minutes: the predicted wait and its likely range.
    public var estimateMin: Double?
    public var estimateLowMin: Double?
    public var estimateHighMin: Double?
    /// Why the estimate is what it is, Chinese and English.
    public var explanation: String?
    public var explanationEN: String?

    public init(
        ticket: String, service: String, serviceName: String, priority: Bool? = false, state: String = "waiting", issuedAt: String,
        peopleAhead: Int? = nil, counter: String? = nil, counterName: String? = nil, calls: Int? = nil,
        acknowledged: Bool? = nil, estimate: Estimate? = nil
    ) {
        self.ticket = ticket
        self.service = service
        self.serviceName = serviceName
        self.priority = priority
        self.state = state
        self.issuedAt = issuedAt
        self.peopleAhead = peopleAhead
        self.counter = counter
        self.counterName = counterName
        self.calls = calls
        self.acknowledged = acknowledged
        self.estimate = estimate
    }

    /// A printed estimate: whole minutes, the range, and its explanation.
    public struct Estimate: Sendable, Equatable {
        public var minutes: Double
        public var lowMinutes: Double
        public var highMinutes: Double
        public var explanation: String
        public var explanationEN: String

        public init(minutes: Double, lowMinutes: Double, highMinutes: Double, explanation: String, explanationEN: String) {
            self.minutes = minutes
            self.lowMinutes = lowMinutes
            self.highMinutes = highMinutes
            self.explanation = explanation
            self.explanationEN = explanationEN
        }
    }

    /// The five estimate fields together (nil unless all of them are there).
    public var estimate: Estimate? {
        get {
            guard let estimateMin, let estimateLowMin, let estimateHighMin, let explanation, let explanationEN else { return nil }
            return Estimate(minutes: estimateMin, lowMinutes: estimateLowMin, highMinutes: estimateHighMin, explanation: explanation, explanationEN: explanationEN)
        }
        set {
            estimateMin = newValue?.minutes
            estimateLowMin = newValue?.lowMinutes
            estimateHighMin = newValue?.highMinutes
            explanation = newValue?.explanation
            explanationEN = newValue?.explanationEN
        }
    }

    enum CodingKeys: String, CodingKey {
        case ticket, service, serviceName = "service_name", priority, state, issuedAt = "issued_at"
        case peopleAhead = "people_ahead", counter, counterName = "counter_name", calls, acknowledged
        case estimateMin = "estimate_min", estimateLowMin = "estimate_low_min", estimateHighMin = "estimate_high_min"
        case explanation, explanationEN = "explanation_en"
    }
}
