import KioskAPI
import KioskCore

/// The live part of a ticket page (`web/templates/ticket-status.mustache`): where the ticket
/// stands and what the citizen should do now. One flag per state, as mustache has no `if ==`.
public struct TicketStatusPart: Sendable {
    public var state: String
    public var isWaiting = false, isCalled = false, isServing = false, isParked = false
    public var isNoShow = false, isCancelled = false, isDone = false
    /// 即审: handed to review, or reviewed and waiting to be called back.
    public var isInReview = false, isReviewed = false
    public var peopleAhead: Int
    public var peopleAheadEN: String
    public var estimate: EstimatePart?
    public var counterName: String
    /// `Window 3`: the English for `3号窗口`.
    public var counterNameEN: String
    public var calls: Int
    public var isRecall: Bool
    public var reactivateMinutes: Int
    public var rateable: Bool
    public var ratingURL: String
    public var levels: [Level]
    public var rated: Bool
    public var ratedLabel: String
    /// Hall time of the view, `HH:MM:SS`.
    public var updatedAt: String

    public struct EstimatePart: Sendable {
        public var minutes: Int
        public var low: Int
        public var high: Int
        public var explanation: String
        public var explanationEN: String
    }

    /// One 好差评 level as the form offers it.
    public struct Level: Sendable {
        public var score: Int
        public var label: String
        public var labelEN: String
    }

    public init(status: TicketStatus, reactivateMinutes: Int, ratingURL: String, rating: Int?, rateable: Bool, updatedAt: String) {
        state = status.state
        switch status.state {
        case "waiting": isWaiting = true
        case "called": isCalled = true
        case "serving": isServing = true
        case "parked": isParked = true
        case "no_show": isNoShow = true
        case "cancelled": isCancelled = true
        case "done": isDone = true
        case "in_review": isInReview = true
        case "reviewed": isReviewed = true
        default: break
        }
        peopleAhead = status.peopleAhead ?? 0
        peopleAheadEN = peopleAhead == 1 ? "person" : "people"
        estimate = status.estimate.map {
            EstimatePart(
                minutes: Int($0.minutes), low: Int($0.lowMinutes), high: Int($0.highMinutes),
                explanation: $0.explanation, explanationEN: $0.explanationEN
            )
        }
        let name = status.counterName ?? status.counter ?? ""
        counterName = name
        counterNameEN = status.counter.map { Self.englishName(of: $0, named: name) } ?? ""
        calls = status.calls ?? 0
        isRecall = calls > 1
        self.reactivateMinutes = reactivateMinutes
        self.ratingURL = ratingURL
        self.rateable = rateable && rating == nil
        levels = RatingScale.scores.reversed().map { Level(score: $0, label: RatingScale.label($0), labelEN: RatingScale.labelEN($0)) }
        rated = rating != nil
        ratedLabel = rating.map(RatingScale.label) ?? ""
        self.updatedAt = updatedAt
    }

    /// `3号窗口` → `Window 3`; a window with a name of its own (医保窗口) keeps it, with its id.
    static func englishName(of id: String, named name: String) -> String {
        name == "\(id)号窗口" || name.isEmpty ? "Window \(id)" : "\(name) (Window \(id))"
    }
}
