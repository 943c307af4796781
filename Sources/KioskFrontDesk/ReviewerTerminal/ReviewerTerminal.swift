import Foundation
import KioskAPI
import KioskCore

/// The reviewer's terminal (审核岗, 即审) as a state machine, the window terminal's pattern:
/// single keys become the review routes, the daemon's answers become the screen.
///
/// `n`/Enter takes the next case, `a` approves it, `r` asks what is missing (typed, or a digit
/// for one of the common reasons) and returns it; `q` quits.
public struct ReviewerTerminal: Sendable {
    /// The reasons a digit stands for at the return prompt: what reviewers most often send back.
    public static let commonReasons = ["缺身份证复印件", "材料不全", "表格填写有误", "需本人签字"]

    public enum Mode: Sendable, Equatable {
        case keys
        /// Typing the reason of a return.
        case reason(entry: String)
    }

    public let window: String
    public let supervisor: Bool
    /// Seconds between refreshes of the window view (the queue grows while nobody presses a key).
    public var refreshInterval: TimeInterval

    public private(set) var mode: Mode = .keys
    private var track = WindowCommandTrack()
    private var lastRefresh: Date?

    public var view: WindowView? { track.view }
    public var outcome: WindowTerminal.Outcome? { track.outcome }
    public var busy: Bool { track.busy }

    public init(window: String, supervisor: Bool = false, refreshInterval: TimeInterval = 2) {
        self.window = window
        self.supervisor = supervisor
        self.refreshInterval = refreshInterval
    }

    public mutating func begin(at now: Date) -> [WindowTerminal.Effect] {
        lastRefresh = now
        return [.refresh]
    }

    public mutating func handle(_ input: WindowTerminal.Input, at now: Date) -> [WindowTerminal.Effect] {
        switch input {
        case .tick:
            guard !busy, now.timeIntervalSince(lastRefresh ?? .distantPast) >= refreshInterval else { return [] }
            lastRefresh = now
            return [.refresh]
        case .services, .advice:
            return []   // the reviewer's terminal shows neither
        case .view, .done, .refused, .unreachable:
            return track.answer(input) ?? []
        case let .key(key):
            switch mode {
            case .keys: return press(key)
            case let .reason(entry): return answer(entry: entry, key: key)
            }
        }
    }

    private func post(_ action: String, _ label: String, body: CommandBody? = nil) -> WindowTerminal.Request {
        WindowTerminal.Request(path: WindowAction.path(window: window, action: action), body: body, supervisor: supervisor, label: label)
    }

    private mutating func send(_ request: WindowTerminal.Request) -> [WindowTerminal.Effect] { track.send(request) }

    private mutating func press(_ key: Key) -> [WindowTerminal.Effect] {
        let c: Character
        switch key {
        case .enter: c = "n"
        case .interrupt: return [.quit]
        case let .char(ch): c = Character(ch.lowercased())
        default: return []
        }
        switch c {
        case "n": return send(post("review/next", "取件 took the next case"))
        case "a": return send(post("review/approve", "审核通过 approved: the citizen is called back"))
        case "r":
            mode = .reason(entry: "")
            track.outcome = nil
            return []
        case "q": return [.quit]
        default: return []
        }
    }

    private mutating func answer(entry: String, key: Key) -> [WindowTerminal.Effect] {
        switch key {
        case .escape, .interrupt:
            mode = .keys
            return []
        case .backspace:
            mode = entry.isEmpty ? .keys : .reason(entry: String(entry.dropLast()))
            return []
        case let .digit(c), let .char(c):
            guard entry.utf16.count < ReviewReason.maxLength, c.unicodeScalars.allSatisfy({ $0.value >= 0x20 }) else { return [] }
            mode = .reason(entry: entry + String(c))
            return []
        case .enter:
            break
        }
        // A lone digit picks one of the common reasons.
        var reason = entry
        if let n = Int(entry), (1...Self.commonReasons.count).contains(n) { reason = Self.commonReasons[n - 1] }
        guard let checked = ReviewReason.checked(reason) else { return [] }
        mode = .keys
        return send(post("review/return", "退回 returned: \(checked)", body: .reviewReturn(ReviewReturnRequest(reason: checked))))
    }
}

extension ReviewerTerminal: TerminalMachine {}
