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

    public init(calledWithEstimate: Int, maeMin: Double, biasMin: Double, under5Share: Double, recentMAEMin: Double, headsUp: HeadsUp) {
        self.calledWithEstimate = calledWithEstimate
        self.maeMin = maeMin
        self.biasMin = biasMin
        self.under5Share = under5Share
        self.recentMAEMin = recentMAEMin
        self.headsUp = headsUp
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
        case recentMAEMin = "recent_mae_min", headsUp = "heads_up"
    }
}
