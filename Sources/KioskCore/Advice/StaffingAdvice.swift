import Foundation

/// One move worth making now, with the line's projection before and after it.
public struct StaffingAdvice: Sendable, Equatable {
    public var move: StaffingMove
    public var before: LineOutlook
    public var after: LineOutlook

    public init(move: StaffingMove, before: LineOutlook, after: LineOutlook) {
        self.move = move
        self.before = before
        self.after = after
    }

    /// Minutes the longest wait is cut by.
    public var longestCut: Int { before.longestWaitMinutes - after.longestWaitMinutes }
    /// Citizens no longer projected past their target.
    public var pastTargetCut: Int { before.pastTarget - after.pastTarget }
}

/// The advisor's answer at one instant: the line as it is and the moves worth making, best first.
public struct StaffingAdviceList: Sendable, Equatable {
    public var at: Date
    public var date: BusinessDate
    public var before: LineOutlook
    public var advice: [StaffingAdvice]

    public init(at: Date, date: BusinessDate, before: LineOutlook, advice: [StaffingAdvice]) {
        self.at = at
        self.date = date
        self.before = before
        self.advice = advice
    }
}
