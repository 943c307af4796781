import Foundation

/// The line as one projection sees it: what an advice compares before and after a move.
public struct LineOutlook: Sendable, Equatable {
    /// Every waiting ticket's projected wait from now to its first call, whole minutes (the
    /// printed-estimate quantile; the horizon for a ticket not called within it).
    public var waits: [TicketNumber: Int]
    /// The longest of `waits`: the longest wait still ahead of someone in line.
    public var longestWaitMinutes: Int
    /// Waiting tickets whose whole wait (issue → projected call) passes their service's target.
    public var pastTarget: Int
    /// Minutes past target, summed over those tickets.
    public var minutesPastTarget: Int

    public init(waits: [TicketNumber: Int], longestWaitMinutes: Int, pastTarget: Int, minutesPastTarget: Int) {
        self.waits = waits
        self.longestWaitMinutes = longestWaitMinutes
        self.pastTarget = pastTarget
        self.minutesPastTarget = minutesPastTarget
    }

    /// Minutes past target of the average citizen past it (0: nobody is).
    public var averagePastTarget: Int {
        pastTarget == 0 ? 0 : Int((Double(minutesPastTarget) / Double(pastTarget)).rounded())
    }

    /// The outlook of `estimates` (one projection of `state` at `now`) against `targets`.
    init(estimates: [WaitEstimate], state: HallState, targets: WaitTargets, at now: Date) {
        var waits: [TicketNumber: Int] = [:]
        var longest = 0, past = 0, pastMinutes = 0
        for estimate in estimates {
            let minutes = Int((estimate.wait / 60).rounded())
            waits[estimate.ticket] = minutes
            longest = max(longest, minutes)
            guard let ticket = state.tickets[estimate.ticket] else { continue }
            let whole = now.timeIntervalSince(ticket.issuedAt) / 60 + Double(minutes)
            let over = whole - Double(targets.minutes(for: ticket.service))
            if over > 0 {
                past += 1
                pastMinutes += Int(over.rounded())
            }
        }
        self.init(waits: waits, longestWaitMinutes: longest, pastTarget: past, minutesPastTarget: pastMinutes)
    }
}
