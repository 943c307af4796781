import Foundation

/// A ticket's case as handed to review (即审): who handed it over, who reviews it, what they
/// decided. Kept on the ticket from the hand-off on; a new hand-off replaces it.
public struct ReviewCase: Sendable, Equatable {
    /// The window that handed it over, where it is called back.
    public var handedBy: CounterID
    public var handedAt: Date
    /// The clerk's note to the reviewer.
    public var note: String?
    /// The reviewer's window once taken.
    public var reviewer: CounterID?
    public var takenAt: Date?
    public var decision: ReviewDecision?
    public var decidedAt: Date?

    public init(handedBy: CounterID, handedAt: Date, note: String? = nil) {
        self.handedBy = handedBy
        self.handedAt = handedAt
        self.note = note
    }
}

/// What the reviewer decided.
public enum ReviewDecision: Sendable, Equatable {
    case approved
    /// Something is missing or wrong: `reason` is told to the clerk and the citizen.
    case returned(reason: String)

    /// `approved` or `returned`, for APIs and traces.
    public var name: String {
        switch self {
        case .approved: return "approved"
        case .returned: return "returned"
        }
    }

    public var reason: String? {
        if case let .returned(reason) = self { return reason }
        return nil
    }
}
