import Foundation

/// 不让百姓跑第二趟: a ticket whose estimated call falls after the end of the session it is
/// issued in is refused, and the citizen is told when to come back instead of waiting in vain.
///
/// The hall actor applies it inside the issue command, on the state every earlier command left
/// and with the estimate it prints, so parallel kiosks at the limit cannot all slip past it. A
/// supervisor's override skips it, like the engine's other capacity rules (quota, hours).
public struct ClosingTimeRule: Sendable {
    public let config: HallConfig
    public let calendar: HallCalendar

    public init(engine: QueueEngine) {
        config = engine.config
        calendar = engine.calendar
    }

    /// Why a `service` ticket called at `callAt` cannot be issued at `now`; nil when it can be
    /// served (or when no session of the service is under way: the engine's hours rule speaks then).
    public func refusal(service code: ServiceCode, callAt: Date, in state: HallState, at now: Date) -> TurnAfterClosing? {
        guard let (end, deadline, hours) = session(of: code, in: state, at: now), callAt > deadline else { return nil }
        let secondsOfDay = calendar.secondsOfDay(now)
        return TurnAfterClosing(
            service: code, turnAt: ClockTime(minutes: Int(calendar.secondsOfDay(callAt)) / 60), sessionEnd: end,
            reopensAt: hours.first { $0.start.seconds > secondsOfDay }?.start
        )
    }

    /// The instant after which a `service` ticket's call makes `refusal` refuse it at `now`;
    /// nil when the rule does not apply (no session of the service under way).
    public func deadline(service code: ServiceCode, in state: HallState, at now: Date) -> Date? {
        session(of: code, in: state, at: now)?.deadline
    }

    /// The end of the service's session under way at `now` (its own hours, cut short by the
    /// hall's session when that ends first), that end as an instant, and the service's hours.
    private func session(of code: ServiceCode, in state: HallState, at now: Date) -> (end: ClockTime, deadline: Date, hours: [TimeSpan])? {
        guard let service = config.service(code) else { return nil }
        let hours = service.hours ?? config.sessions
        let secondsOfDay = calendar.secondsOfDay(now)
        guard let session = hours.first(where: { $0.contains(secondsOfDay: secondsOfDay) }) else { return nil }
        var end = session.end
        if let open = state.openSession, open < config.sessions.count, config.sessions[open].end.seconds < end.seconds {
            end = config.sessions[open].end
        }
        return (end, calendar.instant(on: calendar.businessDate(of: now), at: end), hours)
    }
}

/// The refusal of `ClosingTimeRule`: when the turn would come, when the session ends, and when
/// the service issues again today (nil: come back tomorrow).
public struct TurnAfterClosing: Error, Sendable, Equatable {
    public var service: ServiceCode
    public var turnAt: ClockTime
    public var sessionEnd: ClockTime
    public var reopensAt: ClockTime?

    public init(service: ServiceCode, turnAt: ClockTime, sessionEnd: ClockTime, reopensAt: ClockTime?) {
        self.service = service
        self.turnAt = turnAt
        self.sessionEnd = sessionEnd
        self.reopensAt = reopensAt
    }

    /// A stable machine-readable code for APIs and scripts.
    public var code: String { "closes_before_turn" }

    /// A sentence for citizens, Chinese first.
    public var message: String {
        if let next = reopensAt {
            return "预计轮到您约\(turnAt),晚于本时段结束(\(sessionEnd)),今天这个时段办不完,请于\(next)后再来取号 Your turn (about \(turnAt)) would come after this session ends at \(sessionEnd); please come back after \(next)"
        }
        return "预计轮到您约\(turnAt),晚于今日办理结束(\(sessionEnd)),请明日再来 Your turn (about \(turnAt)) would come after closing time (\(sessionEnd)); please come back tomorrow"
    }
}
