/// What the journal keeps of an advice given (`HallEvent.Kind.adviceGiven`): which move, and
/// the projection's longest wait and citizens past target before and after it.
public struct AdviceNote: Sendable, Equatable {
    /// `StaffingMove.id`.
    public var id: String
    public var longestBefore: Int
    public var longestAfter: Int
    public var pastTargetBefore: Int
    public var pastTargetAfter: Int

    public init(id: String, longestBefore: Int, longestAfter: Int, pastTargetBefore: Int, pastTargetAfter: Int) {
        self.id = id
        self.longestBefore = longestBefore
        self.longestAfter = longestAfter
        self.pastTargetBefore = pastTargetBefore
        self.pastTargetAfter = pastTargetAfter
    }

    public init(_ advice: StaffingAdvice) {
        self.init(
            id: advice.move.id, longestBefore: advice.before.longestWaitMinutes, longestAfter: advice.after.longestWaitMinutes,
            pastTargetBefore: advice.before.pastTarget, pastTargetAfter: advice.after.pastTarget
        )
    }
}
