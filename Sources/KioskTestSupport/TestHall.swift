import Foundation
import KioskCore

/// A hall driven by hand in tests: the engine, the state built by folding every accepted
/// command's events, and those events in order. Time is whatever the test says it is.
public struct TestHall: Sendable {
    /// A Monday; the hall's business dates are in Asia/Shanghai.
    public static let monday = BusinessDate(year: 2026, month: 3, day: 2)

    /// Three services and three windows, small enough to reason about by hand:
    ///
    /// - A 求职登记, B 职业介绍: all day (the hall's sessions 08:00–12:00, 14:00–17:00);
    /// - C 失业登记/失业证: mornings 08:00–10:00 only, at most 3 tickets a day;
    /// - window 1 serves A, B (`fifo`); window 2 serves B, A (`service_order`); window 3 serves C.
    ///
    /// Interleave one priority after every 3 normal calls (hall scope), recall every 60 s up
    /// to 2 times (automatic), no-shows reactivatable for 30 minutes, numbers 1…999.
    public static var config: HallConfig {
        HallConfig(
            name: "测试大厅", nameEN: "Test hall", timeZoneID: "Asia/Shanghai",
            sessions: [span("08:00", "12:00"), span("14:00", "17:00")],
            numbering: NumberRange(first: 1, last: 999),
            priority: PriorityRule(everyNNormal: 3, scope: .hall),
            recall: RecallRule(intervalSeconds: 60, maxRecalls: 2, automatic: true),
            noShowReactivationMinutes: 30,
            services: [
                ServiceConfig(code: "A", name: "求职登记", nameEN: "Job-seeker registration", documents: ["身份证"]),
                ServiceConfig(code: "B", name: "职业介绍", nameEN: "Job referral"),
                ServiceConfig(
                    code: "C", name: "失业登记/失业证", nameEN: "Unemployment registration",
                    documents: ["身份证", "解除劳动合同书"], dailyQuota: 3, hours: [span("08:00", "10:00")]
                ),
            ],
            counters: [
                CounterConfig(id: "1", services: ["A", "B"], policy: .fifo),
                CounterConfig(id: "2", services: ["B", "A"], policy: .serviceOrder),
                CounterConfig(id: "3", services: ["C"], policy: .fifo),
            ]
        )
    }

    /// `span("08:00", "12:00")`; traps on a malformed time (a typo in a test).
    public static func span(_ start: String, _ end: String) -> TimeSpan {
        TimeSpan(ClockTime(start)!, ClockTime(end)!)
    }

    public let engine: QueueEngine
    /// The business date that `at(_:)` times refer to; tests may move it.
    public var date: BusinessDate
    public private(set) var state: HallState
    /// Every event committed so far, in order (what a journal would hold).
    public private(set) var events: [HallEvent] = []

    public init(config: HallConfig = TestHall.config, date: BusinessDate = TestHall.monday) {
        engine = QueueEngine(config: config)
        self.date = date
        state = engine.initialState()
    }

    /// Where most of a ticket's story starts: the day's first ticket, A001, issued at 09:00
    /// and called at window 1 at `clock`.
    public static func a001Called(at clock: String) throws(QueueError) -> TestHall {
        var hall = TestHall()
        try hall.issue("A", at: "09:00")
        try hall.callNext("1", at: clock)
        return hall
    }

    public var config: HallConfig { engine.config }

    /// The instant `clock` (`"09:30"`) plus `seconds` on the hall's current test date.
    public func at(_ clock: String, plus seconds: Double = 0) -> Date {
        engine.calendar.instant(on: date, at: ClockTime(clock)!).addingTimeInterval(seconds)
    }

    /// Applies `command` and folds its events, like the daemon would; throws and changes
    /// nothing when the engine refuses.
    @discardableResult
    public mutating func run(_ command: Command, at instant: Date) throws(QueueError) -> [HallEvent] {
        let new = try engine.apply(command, to: state, at: instant)
        for event in new { engine.fold(event, into: &state) }
        events += new
        return new
    }

    @discardableResult
    public mutating func run(_ command: Command, at clock: String, plus seconds: Double = 0) throws(QueueError) -> [HallEvent] {
        try run(command, at: at(clock, plus: seconds))
    }

    /// Issues a ticket and returns its number.
    @discardableResult
    public mutating func issue(
        _ service: ServiceCode, priority: Bool = false, override: String? = nil, at clock: String, plus seconds: Double = 0
    ) throws(QueueError) -> TicketNumber {
        let new = try run(.issue(service: service, priority: priority, override: override), at: clock, plus: seconds)
        return new.compactMap(\.issuedTicket).last!
    }

    /// Lets `counter` call by the rule and returns the number it called.
    @discardableResult
    public mutating func callNext(_ counter: CounterID, at clock: String, plus seconds: Double = 0) throws(QueueError) -> TicketNumber {
        try callNext(counter, at: at(clock, plus: seconds))
    }

    @discardableResult
    public mutating func callNext(_ counter: CounterID, at instant: Date) throws(QueueError) -> TicketNumber {
        let new = try run(.callNext(counter: counter), at: instant)
        guard case let .called(number, _, _) = new.last!.kind else { preconditionFailure("callNext did not call") }
        return number
    }

    /// Calls, starts and finishes the next ticket at `counter` in one instant; returns its number.
    @discardableResult
    public mutating func serveNext(_ counter: CounterID, at clock: String, plus seconds: Double = 0) throws(QueueError) -> TicketNumber {
        let number = try callNext(counter, at: clock, plus: seconds)
        try run(.start(counter: counter), at: clock, plus: seconds)
        try run(.finish(counter: counter), at: clock, plus: seconds)
        return number
    }

    public func ticket(_ number: TicketNumber) -> Ticket? {
        state.tickets[number]
    }

    /// The state a restart would rebuild from the committed events.
    public func replayed() -> HallState {
        engine.replay(events)
    }
}
