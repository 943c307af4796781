import Foundation

/// One waiting ticket's predicted call, as of `computedAt`.
public struct WaitEstimate: Sendable, Equatable {
    public var ticket: TicketNumber
    public var computedAt: Date
    /// The figure to print or show: seconds from `computedAt` until the call, rounded to the
    /// minute (a quantile slightly above the median of the projection).
    public var wait: TimeInterval
    /// The likely range, seconds from `computedAt` (20th and 80th percentile by default).
    public var low: TimeInterval
    public var high: TimeInterval
    /// When to send "your turn is near" (never before `computedAt`).
    public var headsUpAt: Date
    public var explanation: WaitExplanation

    public init(
        ticket: TicketNumber, computedAt: Date, wait: TimeInterval, low: TimeInterval, high: TimeInterval,
        headsUpAt: Date, explanation: WaitExplanation
    ) {
        self.ticket = ticket
        self.computedAt = computedAt
        self.wait = wait
        self.low = low
        self.high = high
        self.headsUpAt = headsUpAt
        self.explanation = explanation
    }

    /// The predicted moment of the call.
    public var callAt: Date { computedAt.addingTimeInterval(wait) }

    /// The remaining wait to report to a countdown-style notifier so that it fires at
    /// `headsUpAt` when its rule is "remaining ≤ `threshold`" (the wait-eval updates stream).
    public func headsUpRemaining(threshold: TimeInterval = 600) -> TimeInterval {
        max(0, headsUpAt.timeIntervalSince(computedAt)) + threshold
    }
}

/// Why the estimate is what it is, in words a citizen can check against the hall.
public struct WaitExplanation: Sendable, Equatable {
    /// Tickets ahead that the windows serving this service will take first.
    public var ahead: Int
    /// Windows that serve the ticket's service and are open now, and those on a break.
    public var windowsOpen: Int
    public var windowsAway: Int
    /// About how many minutes each person ahead adds (occupancy ÷ open windows), this hour.
    public var minutesPerPerson: Int
    public var serviceName: String
    public var serviceNameEN: String

    public init(ahead: Int, windowsOpen: Int, windowsAway: Int, minutesPerPerson: Int, serviceName: String, serviceNameEN: String) {
        self.ahead = ahead
        self.windowsOpen = windowsOpen
        self.windowsAway = windowsAway
        self.minutesPerPerson = minutesPerPerson
        self.serviceName = serviceName
        self.serviceNameEN = serviceNameEN
    }

    /// e.g. 前面 5 人；3 个窗口办理「社保」，本时段约 7 分钟/人（1 个窗口暂离）
    public var chinese: String {
        var s = "前面 \(ahead) 人；\(windowsOpen) 个窗口办理「\(serviceName)」，本时段约 \(minutesPerPerson) 分钟/人"
        if windowsAway > 0 { s += "（\(windowsAway) 个窗口暂离）" }
        return s
    }

    /// e.g. 5 ahead; 3 windows serve Social insurance, ~7 min per person this hour (1 away)
    public var english: String {
        let name = serviceNameEN.isEmpty ? serviceName : serviceNameEN
        var s = "\(ahead) ahead; \(windowsOpen) window\(windowsOpen == 1 ? "" : "s") serve\(windowsOpen == 1 ? "s" : "") \(name), ~\(minutesPerPerson) min per person this hour"
        if windowsAway > 0 { s += " (\(windowsAway) away)" }
        return s
    }
}
