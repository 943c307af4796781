import Foundation

/// A 差评 (score 1 or 2) that must be followed up and put right by `due`.
public struct FollowUp: Sendable, Equatable {
    /// Working days a hall has to put a 差评 right.
    public static let workingDaysAllowed = 15

    public var rating: Rating
    /// The last working day to close it (inclusive).
    public var due: BusinessDate
    public var closedAt: Date?
    public var note: String?
    public var closedBy: String?

    public var id: String { rating.followUpID }
    public var isClosed: Bool { closedAt != nil }

    /// Open and past its due date on `today`.
    public func isOverdue(on today: BusinessDate) -> Bool {
        !isClosed && today > due
    }

    public static func id(date: BusinessDate, ticket: TicketNumber) -> String {
        date.description.replacingOccurrences(of: "-", with: "") + "-" + ticket
    }

    /// `20261201-A023` → (2026-12-01, A023); nil for anything else.
    public static func parseID(_ text: String) -> (date: BusinessDate, ticket: TicketNumber)? {
        let parts = text.uppercased().split(separator: "-")
        guard parts.count == 2, parts[0].count == 8, parts[0].allSatisfy(\.isNumber),
              parts[1].count == 4, parts[1].first.map({ ("A"..."Z").contains($0) }) == true,
              parts[1].dropFirst().allSatisfy(\.isNumber) else { return nil }
        let d = parts[0]
        guard let date = BusinessDate("\(d.prefix(4))-\(d.dropFirst(4).prefix(2))-\(d.suffix(2))") else { return nil }
        return (date, String(parts[1]))
    }
}

/// Every 差评 and whether it has been followed up: a fold over rating and follow-up events,
/// across days (a follow-up closes on a later day than its rating).
public struct FollowUpBook: Sendable, Equatable {
    public private(set) var items: [FollowUp] = []
    private var index: [String: Int] = [:]
    private let workingDays: WorkingDays

    public init(holidays: [BusinessDate]) {
        workingDays = WorkingDays(holidays: holidays)
    }

    public static func == (a: FollowUpBook, b: FollowUpBook) -> Bool { a.items == b.items }

    /// Folds one committed event of `date`.
    public mutating func fold(_ event: HallEvent, on date: BusinessDate) {
        switch event.kind {
        case .rated:
            guard let rating = Rating(event, on: date), RatingScale.isBad(rating.score), index[rating.followUpID] == nil else { return }
            index[rating.followUpID] = items.count
            items.append(FollowUp(rating: rating, due: workingDays.adding(FollowUp.workingDaysAllowed, after: date)))
        case let .followUpClosed(ratedOn, ticket, note, audit):
            guard let i = index[FollowUp.id(date: ratedOn, ticket: ticket)], items[i].closedAt == nil else { return }
            items[i].closedAt = event.at
            items[i].note = note
            items[i].closedBy = audit
        default:
            break
        }
    }

    public func followUp(_ id: String) -> FollowUp? {
        index[id].map { items[$0] }
    }

    /// Open follow-ups, the earliest due first.
    public var open: [FollowUp] {
        items.filter { !$0.isClosed }.sorted { ($0.due, $0.rating.at) < ($1.due, $1.rating.at) }
    }
}
