import Foundation

/// Staffing advice given and taken, folded from the journal's events: the daily report's
/// "advice given / taken", and what the daemon needs to journal an advice only the first time
/// it is shown while it stands.
///
/// An advice stands from when it is given (`adviceGiven`) for `standing` seconds, until it is
/// taken: the supervisor's command that makes its move (`resumed`, `counterOpened`,
/// `coverStarted`, `coverEnded` of the same windows) is committed within that time. Shown again
/// after it stopped standing, it is given again.
public struct AdviceLedger: Sendable, Equatable {
    /// Seconds an advice stands once given.
    public static let standing: TimeInterval = 1800

    public private(set) var given = 0
    public private(set) var taken = 0
    /// Advice standing: id → when it was given.
    private var open: [String: Date] = [:]

    public init() {}

    /// Folds one event. `config` is the config in force after it (needed only for a live config
    /// change, which takes an `add_service` advice when the window now serves the service).
    public mutating func fold(_ event: HallEvent, config: HallConfig? = nil) {
        switch event.kind {
        case .dayStarted:
            open = [:]
        case let .adviceGiven(note):
            given += 1
            open[note.id] = event.at
        default:
            for (id, since) in open.sorted(by: { $0.key < $1.key }) {
                guard event.at.timeIntervalSince(since) <= Self.standing else {
                    open[id] = nil
                    continue
                }
                guard let move = StaffingMove(id: id) else { continue }
                let made = if case .configChanged = event.kind { config.map(move.isMade(in:)) ?? false } else { move.isMade(by: event.kind) }
                if made {
                    taken += 1
                    open[id] = nil
                }
            }
        }
    }

    /// Whether advice `id` stands at `now` (given, not taken, not yet lapsed): shown again, it
    /// is not given again.
    public func stands(_ id: String, at now: Date) -> Bool {
        guard let since = open[id] else { return false }
        return now.timeIntervalSince(since) <= Self.standing
    }

    /// The figures as JSON (reports).
    public var jsonValue: JSONValue {
        ["given": .int(given), "taken": .int(taken)]
    }
}

extension AdviceLedger {
    /// The daily report's line: "调度建议 advice given 3 / taken 2".
    public var textLine: String {
        "调度建议 staffing advice: 给出 given \(given) / 采纳 taken \(taken)"
    }
}
