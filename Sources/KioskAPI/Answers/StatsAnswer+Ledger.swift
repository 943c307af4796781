import KioskCore

extension StatsAnswer {
    /// The answer for a ledger's summary: the daemon's `GET /v1/stats` and `kiosk stats
    /// --data-dir` both say it this way. Two decimals; a figure with nothing behind it yet reads 0.
    /// `summary`'s figures, and today's replies (`replies`) when given.
    public init(_ summary: AccuracyLedger.Summary, replies: ReplyFigures = ReplyFigures(), reviews: ReviewFigures = ReviewFigures()) {
        func round2(_ x: Double) -> Double { x.isFinite ? (x * 100).rounded() / 100 : 0 }
        self.init(
            calledWithEstimate: summary.called, maeMin: round2(summary.maeMinutes), biasMin: round2(summary.biasMinutes),
            under5Share: round2(summary.under5), recentMAEMin: round2(summary.recentMAEMinutes),
            headsUp: .init(
                scored: summary.headsUpScored, onTimeShare: round2(summary.headsUpOnTime),
                earlyShare: round2(summary.headsUpEarly), lateShare: round2(summary.headsUpLate)
            ),
            replies: Replies(
                received: replies.received, acknowledged: replies.acknowledged, cancelled: replies.cancelled, help: replies.helpRequests,
                escalated: replies.escalated, noShowsAvoided: replies.noShowsAvoided
            ),
            reviews: ReviewStats(reviews)
        )
    }
}
