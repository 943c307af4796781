import Foundation

/// One change of the hall's staffing a supervisor can make with one command: what the advisor
/// tries as a what-if, and what an advice tells the supervisor to do.
public struct StaffingMove: Sendable, Equatable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        /// A paused window back now.
        case resume
        /// A closed window opened (only inside the hall's sessions).
        case open
        /// `window` also serves the services of the absent `fromWindow` (AB角).
        case cover
        /// `window` stops covering `fromWindow`.
        case endCover = "end_cover"
        /// `window` also serves `service`, by a live config change (only a service the window's
        /// config lists in `may_serve`).
        case addService = "add_service"
    }

    public var kind: Kind
    public var window: CounterID
    public var service: ServiceCode?
    public var fromWindow: CounterID?

    public init(kind: Kind, window: CounterID, service: ServiceCode? = nil, fromWindow: CounterID? = nil) {
        self.kind = kind
        self.window = window
        self.service = service
        self.fromWindow = fromWindow
    }

    /// A stable name of the move (`resume:5`, `cover:2:5`, `add_service:5:B`): the same move
    /// advised twice is the same advice (the report counts it given once while it stands).
    public var id: String {
        [kind.rawValue, window, fromWindow ?? service].compactMap { $0 }.joined(separator: ":")
    }

    /// Reads `id` back (nil when it is not one).
    public init?(id: String) {
        let parts = id.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2, let kind = Kind(rawValue: parts[0]), !parts[1].isEmpty else { return nil }
        switch kind {
        case .resume, .open:
            guard parts.count == 2 else { return nil }
            self.init(kind: kind, window: parts[1])
        case .cover, .endCover:
            guard parts.count == 3, !parts[2].isEmpty else { return nil }
            self.init(kind: kind, window: parts[1], fromWindow: parts[2])
        case .addService:
            guard parts.count == 3, !parts[2].isEmpty else { return nil }
            self.init(kind: kind, window: parts[1], service: parts[2])
        }
    }

    /// The engine command that makes this move (nil for `addService`: a config change).
    public func command(by audit: String) -> Command? {
        switch kind {
        case .resume: .resume(counter: window)
        case .open: .openCounter(counter: window)
        case .cover: fromWindow.map { .cover(counter: window, covered: $0, by: audit) }
        case .endCover: fromWindow.map { .uncover(counter: window, covered: $0, by: audit) }
        case .addService: nil
        }
    }

    /// The config with this move's service added to its window (nil when it is no `addService`
    /// or the config does not allow it).
    public func config(from config: HallConfig) -> HallConfig? {
        guard kind == .addService, let service, let i = config.counters.firstIndex(where: { $0.id == window }),
              config.counters[i].mayServe.contains(service), !config.counters[i].services.contains(service)
        else { return nil }
        var changed = config
        changed.counters[i].services.append(service)
        return changed
    }

    /// Whether `event` is this move made (the supervisor took the advice). For `addService`, a
    /// config change is matched by `isTaken(afterConfig:)`.
    public func isMade(by event: HallEvent.Kind) -> Bool {
        switch (kind, event) {
        case let (.resume, .resumed(counter)): counter == window
        case let (.open, .counterOpened(counter)): counter == window
        case let (.cover, .coverStarted(counter, covered, _)): counter == window && covered == fromWindow
        case let (.endCover, .coverEnded(counter, covered, _)): counter == window && covered == fromWindow
        default: false
        }
    }

    /// Whether `config` (in force after a live change) has this `addService` move made.
    public func isMade(in config: HallConfig) -> Bool {
        guard kind == .addService, let service else { return false }
        return config.counter(window)?.services.contains(service) ?? false
    }
}
