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
    /// `waiting`, `called`, `serving`, `parked`, `in_review`, `reviewed`, `done`, `no_show` or
    /// `cancelled`.
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
    /// 即审: its latest hand-off to review and what came of it (staff views only; the public
    /// status says `in_review` or `reviewed` and no more).
    public var review: Review?
    /// An appointment's ticket (预约): its slot, `09:30`; absent for a walk-in.
    public var appointmentTime: String?

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

    /// A case handed to review (即审).
    public struct Review: Codable, Sendable, Equatable {
        /// The window that handed it over (and calls it back).
        public var handedBy: String
        /// Hall time of the hand-off, `HH:MM:SS`.
        public var handedAt: String
        public var note: String?
        /// The reviewer's window, once taken.
        public var reviewer: String?
        /// `approved` or `returned`, once decided.
        public var decision: String?
        /// What is missing, when returned.
        public var reason: String?

        public init(handedBy: String, handedAt: String, note: String? = nil, reviewer: String? = nil, decision: String? = nil, reason: String? = nil) {
            self.handedBy = handedBy
            self.handedAt = handedAt
            self.note = note
            self.reviewer = reviewer
            self.decision = decision
            self.reason = reason
        }

        enum CodingKeys: String, CodingKey {
            case handedBy = "handed_by", handedAt = "handed_at", note, reviewer, decision, reason
        }
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
        case explanation, explanationEN = "explanation_en", review, appointmentTime = "appointment_time"
    }
}
