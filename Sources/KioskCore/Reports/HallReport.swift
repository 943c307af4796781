import Foundation

/// A hall's figures for a day or a period: what `ReportBuilder` folds events into. The JSON
/// names (`jsonValue`) are fixed: tools and tests depend on them.
public struct HallReport: Sendable, Equatable {
    public var hallName: String
    public var from: BusinessDate
    public var to: BusinessDate
    /// Days of the period that had events.
    public var days: [BusinessDate]
    public var hall: Figures
    public var services: [ServiceRow]
    public var windows: [WindowRow]
    public var halfHours: [HalfHour]
    public var hours: [HourWaits]
    public var estimates: AccuracyLedger.Summary
    /// SMS outcomes: trigger → state → messages.
    public var sms: [String: [String: Int]]
    public var ratings: Ratings
    /// Citizens' SMS replies and escalations.
    public var replies = ReplyFigures()
    /// Staffing advice given to the supervisor and taken.
    public var advice = AdviceLedger()
    /// 即审: cases handed to review, decisions, waits and review times (per service: `services`).
    public var reviews = ReviewFigures.Scope()
    /// Appointments (预约): nil when the period had none (a hall without them reports as before).
    public var appointments: AppointmentReportFigures?
    /// The newest day's window timelines.
    public var timelineDate: BusinessDate?
    public var timeline: [(window: CounterID, segments: [WindowSegment])]
    public var targetWaitMinutes: Int

    public static func == (a: HallReport, b: HallReport) -> Bool {
        a.jsonValue == b.jsonValue
    }

    /// Counts and times of one scope. Times in seconds; nil when there is nothing to measure.
    public struct Figures: Sendable, Equatable {
        public var issued: Int
        public var served: Int
        public var noShow: Int
        public var cancelled: Int
        public var transferred: Int
        public var called: Int
        public var waitP50: Double?
        public var waitP90: Double?
        public var waitMax: Double?
        public var serveP50: Double?
        public var serveP90: Double?
        public var withinTargetShare: Double?

        init(_ f: ReportFigures) {
            issued = f.issued; served = f.served; noShow = f.noShow; cancelled = f.cancelled; transferred = f.transferred
            called = f.waits.count
            waitP50 = f.waitP50; waitP90 = f.waitP90; waitMax = f.waitMax
            serveP50 = f.serveP50; serveP90 = f.serveP90
            withinTargetShare = f.withinTargetShare
        }

        var members: [(key: String, value: JSONValue)] {
            [
                ("issued", .int(issued)), ("served", .int(served)), ("no_show", .int(noShow)), ("cancelled", .int(cancelled)),
                ("transferred", .int(transferred)), ("called", .int(called)),
                ("wait_p50_s", .optional(waitP50)), ("wait_p90_s", .optional(waitP90)), ("wait_max_s", .optional(waitMax)),
                ("serve_p50_s", .optional(serveP50)), ("serve_p90_s", .optional(serveP90)),
                ("within_target_share", .optional(withinTargetShare)),
            ]
        }
    }

    public struct ServiceRow: Sendable, Equatable {
        public var code: ServiceCode
        public var name: String
        public var targetWaitMinutes: Int
        public var figures: Figures
        /// Replies about the tickets issued for it.
        public var replies = ReplyFigures()
        /// 即审 cases of this service (its service at the hand-off).
        public var reviews = ReviewFigures.Scope()
    }

    public struct WindowRow: Sendable, Equatable {
        public var id: CounterID
        public var name: String
        public var served: Int
        public var serveP50: Double?
        public var time: WindowTime
    }

    public struct HalfHour: Sendable, Equatable {
        /// Seconds since local midnight.
        public var start: Int
        public var issued: Int
        public var served: Int

        public init(start: Int, issued: Int, served: Int) {
            self.start = start
            self.issued = issued
            self.served = served
        }
    }

    public struct HourWaits: Sendable, Equatable {
        public var hour: Int
        public var tickets: Int
        public var waitP50: Double?
        public var waitP90: Double?
    }

    public struct Ratings: Sendable, Equatable {
        /// Score → ratings, every score 1…5 present.
        public var counts: [Int: Int]
        public var all: [Rating]
        /// The period's 差评 with their follow-up as the journal has it now.
        public var bad: [FollowUp]
        /// Follow-ups open and past due on the report's `today`.
        public var overdue: Int

        public var total: Int { counts.values.reduce(0, +) }
        public var mean: Double? { total == 0 ? nil : Double(counts.reduce(0) { $0 + $1.key * $1.value }) / Double(total) }
        /// 满意率: the share of ratings 4 or 5.
        public var satisfiedShare: Double? { total == 0 ? nil : Double((counts[4] ?? 0) + (counts[5] ?? 0)) / Double(total) }
    }
}

extension JSONValue {
    static func int(_ n: Int) -> JSONValue { .number(Double(n)) }
    static func optional(_ x: Double?) -> JSONValue { x.map { .number($0) } ?? .null }
}
