import Foundation

/// How good today's printed estimates were: each ticket's printed wait against its actual
/// wait (issue → first call), and whether its heads-up fell 5–15 min before the call — the
/// moment the daemon's heads-up pass found it due (what a citizen with a phone number got);
/// a ticket called before that counts as a heads-up at the call (late).
/// Pure; the daemon records printed estimates and heads-ups (durably, in the journal, so a
/// restart rebuilds the day) and folds committed events into it.
public struct AccuracyLedger: Sendable, Equatable {
    /// One ticket whose call has come: the error is printed − actual (positive = over-estimate).
    public struct Outcome: Sendable, Equatable {
        public var ticket: TicketNumber
        public var error: TimeInterval
        /// Seconds between the heads-up moment and the call (negative: after the call).
        public var headsUpLead: TimeInterval
        /// Whether the actual wait was long enough (≥ 15 min) for a heads-up to be judged.
        public var headsUpScored: Bool
    }

    private var printed: [TicketNumber: PrintedEstimate] = [:]
    public private(set) var outcomes: [Outcome] = []
    private var date: BusinessDate?

    public init() {}

    /// Remembers what was printed on a ticket.
    public mutating func recordPrinted(_ estimate: PrintedEstimate) {
        printed[estimate.ticket] = estimate
    }

    public mutating func recordPrinted(_ estimate: WaitEstimate, issuedAt: Date) {
        recordPrinted(PrintedEstimate(estimate, issuedAt: issuedAt))
    }

    /// Notes that the heads-up for a waiting ticket fell due at `at`. Only the first counts;
    /// returns whether this one did.
    @discardableResult
    public mutating func recordHeadsUp(_ ticket: TicketNumber, at: Date) -> Bool {
        guard printed[ticket] != nil, printed[ticket]?.headsUpDueAt == nil else { return false }
        printed[ticket]?.headsUpDueAt = Date(millisecondsSince1970: at.millisecondsSince1970)
        return true
    }

    /// Whether a waiting ticket's heads-up has fallen due already.
    public func headsUpRecorded(_ ticket: TicketNumber) -> Bool {
        printed[ticket]?.headsUpDueAt != nil
    }

    /// Folds a committed event: a first call settles that ticket's error; a new day resets.
    public mutating func fold(_ event: HallEvent) {
        switch event.kind {
        case let .dayStarted(day):
            if day != date { self = AccuracyLedger(); date = day }
        case let .called(ticket, _, _):
            guard let p = printed.removeValue(forKey: ticket) else { return }
            let actual = event.at.timeIntervalSince(p.issuedAt)
            outcomes.append(Outcome(
                ticket: ticket, error: p.wait - actual, headsUpLead: event.at.timeIntervalSince(p.headsUpDueAt ?? event.at),
                headsUpScored: actual >= 900
            ))
        case let .cancelled(ticket):
            printed[ticket] = nil
        default:
            break
        }
    }

    /// Today's figures. `recent` = the last `recentCount` outcomes.
    public func summary(recentCount: Int = 20) -> Summary {
        Summary(outcomes, recent: Array(outcomes.suffix(recentCount)))
    }

    /// Seconds to widen each side of a printed range by: how much the recent error exceeds the
    /// range's own half-width, so a day going worse than the model expects says so on the ticket.
    public func rangeWidening(forHalfWidth halfWidth: TimeInterval, recentCount: Int = 20) -> TimeInterval {
        let recent = outcomes.suffix(recentCount)
        guard recent.count >= 5 else { return 0 }
        let mae = recent.reduce(0) { $0 + abs($1.error) } / Double(recent.count)
        return max(0, mae - halfWidth)
    }

    public struct Summary: Sendable, Equatable {
        public var called: Int
        /// Mean absolute error, minutes.
        public var maeMinutes: Double
        /// Mean error, minutes (positive = over-estimates).
        public var biasMinutes: Double
        /// Share under-estimated by more than 5 minutes.
        public var under5: Double
        public var recentMAEMinutes: Double
        /// Heads-ups judged (actual wait ≥ 15 min), and shares on time (5–15 min before the
        /// call), early (> 15 min) and late (< 5 min, or after the call).
        public var headsUpScored: Int
        public var headsUpOnTime: Double
        public var headsUpEarly: Double
        public var headsUpLate: Double

        init(_ all: [Outcome], recent: [Outcome]) {
            func mean(_ xs: [Double]) -> Double { xs.isEmpty ? 0 : xs.reduce(0, +) / Double(xs.count) }
            called = all.count
            maeMinutes = mean(all.map { abs($0.error) }) / 60
            biasMinutes = mean(all.map(\.error)) / 60
            under5 = all.isEmpty ? 0 : Double(all.filter { $0.error < -300 }.count) / Double(all.count)
            recentMAEMinutes = mean(recent.map { abs($0.error) }) / 60
            let scored = all.filter(\.headsUpScored)
            headsUpScored = scored.count
            func share(_ p: (Outcome) -> Bool) -> Double { scored.isEmpty ? 0 : Double(scored.filter(p).count) / Double(scored.count) }
            headsUpOnTime = share { (300...900).contains($0.headsUpLead) }
            headsUpEarly = share { $0.headsUpLead > 900 }
            headsUpLate = share { $0.headsUpLead < 300 }
        }
    }
}

/// What the kiosk printed on a ticket, as the accuracy ledger keeps it (no personal data).
public struct PrintedEstimate: Sendable, Equatable {
    public var ticket: TicketNumber
    public var issuedAt: Date
    /// The printed wait, seconds.
    public var wait: TimeInterval
    /// The heads-up moment as estimated at issue.
    public var headsUpAt: Date
    /// When the daemon's heads-up pass found it due, once it has.
    public var headsUpDueAt: Date?

    /// Times are kept to the millisecond, as the journal keeps them.
    public init(ticket: TicketNumber, issuedAt: Date, wait: TimeInterval, headsUpAt: Date, headsUpDueAt: Date? = nil) {
        func ms(_ d: Date) -> Date { Date(millisecondsSince1970: d.millisecondsSince1970) }
        self.ticket = ticket
        self.issuedAt = ms(issuedAt)
        self.wait = wait
        self.headsUpAt = ms(headsUpAt)
        self.headsUpDueAt = headsUpDueAt.map(ms)
    }

    public init(_ estimate: WaitEstimate, issuedAt: Date) {
        self.init(ticket: estimate.ticket, issuedAt: issuedAt, wait: estimate.wait, headsUpAt: estimate.headsUpAt)
    }
}
