import KioskCore

/// The answer to `GET /v1/stats`: today's printed estimates against the actual waits, and the
/// heads-up SMS against the calls. Minutes and shares (0–1), two decimals.
public struct StatsAnswer: Codable, Sendable, Equatable {
    public var calledWithEstimate: Int
    public var maeMin: Double
    public var biasMin: Double
    /// Share of tickets whose wait was under-estimated by more than 5 minutes.
    public var under5Share: Double
    public var recentMAEMin: Double
    public var headsUp: HeadsUp
    /// Today's SMS replies and escalations (issue 22).
    public var replies: Replies
    /// Today's 即审 cases (issue 23), the hall's and per service.
    public var reviews: ReviewStats
    /// Today's appointments (预约), in a hall that takes them.
    public var appointments: Appointments?

    public init(
        calledWithEstimate: Int, maeMin: Double, biasMin: Double, under5Share: Double, recentMAEMin: Double, headsUp: HeadsUp,
        replies: Replies = Replies(), reviews: ReviewStats = ReviewStats(services: [:])
    ) {
        self.reviews = reviews
        self.calledWithEstimate = calledWithEstimate
        self.maeMin = maeMin
        self.biasMin = biasMin
        self.under5Share = under5Share
        self.recentMAEMin = recentMAEMin
        self.headsUp = headsUp
        self.replies = replies
    }

    /// Replies matched to a ticket, what they did, and the unanswered priority calls set aside
    /// (and of those, how many were served after all).
    public struct Replies: Codable, Sendable, Equatable {
        public var received: Int
        public var acknowledged: Int
        public var cancelled: Int
        /// Replies read as neither "1" nor "2" (the citizen was sent the help text).
        public var help: Int
        public var escalated: Int
        public var noShowsAvoided: Int

        public init(received: Int = 0, acknowledged: Int = 0, cancelled: Int = 0, help: Int = 0, escalated: Int = 0, noShowsAvoided: Int = 0) {
            self.received = received
            self.acknowledged = acknowledged
            self.cancelled = cancelled
            self.help = help
            self.escalated = escalated
            self.noShowsAvoided = noShowsAvoided
        }

        enum CodingKeys: String, CodingKey {
            case received, acknowledged, cancelled, help, escalated, noShowsAvoided = "no_shows_avoided"
        }
    }

    /// Today's appointments: booked (all states), checked in on time, released as no-shows,
    /// cancelled, and the wait from the slot to the first call (seconds) of those called.
    public struct Appointments: Codable, Sendable, Equatable {
        public var booked: Int
        public var checkedIn: Int
        public var noShow: Int
        public var cancelled: Int
        public var called: Int
        public var waitMeanS: Double
        public var waitMaxS: Double

        public init(_ figures: AppointmentFigures) {
            booked = figures.booked
            checkedIn = figures.checkedIn
            noShow = figures.noShow
            cancelled = figures.cancelled
            called = figures.called
            waitMeanS = (figures.waitMeanSeconds * 10).rounded() / 10
            waitMaxS = (figures.waitMaxSeconds * 10).rounded() / 10
        }

        enum CodingKeys: String, CodingKey {
            case booked, checkedIn = "checked_in", noShow = "no_show", cancelled, called, waitMeanS = "wait_mean_s", waitMaxS = "wait_max_s"
        }
    }

    /// When each heads-up fell due against the call (waits of 15 minutes or more).
    public struct HeadsUp: Codable, Sendable, Equatable {
        public var scored: Int
        public var onTimeShare: Double
        public var earlyShare: Double
        public var lateShare: Double

        public init(scored: Int, onTimeShare: Double, earlyShare: Double, lateShare: Double) {
            self.scored = scored
            self.onTimeShare = onTimeShare
            self.earlyShare = earlyShare
            self.lateShare = lateShare
        }

        enum CodingKeys: String, CodingKey {
            case scored, onTimeShare = "on_time_share", earlyShare = "early_share", lateShare = "late_share"
        }
    }

    enum CodingKeys: String, CodingKey {
        case calledWithEstimate = "called_with_estimate", maeMin = "mae_min", biasMin = "bias_min", under5Share = "under5_share"
        case recentMAEMin = "recent_mae_min", headsUp = "heads_up", replies, reviews, appointments
    }
}
