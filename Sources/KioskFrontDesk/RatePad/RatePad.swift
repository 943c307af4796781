import Foundation
import KioskAPI
import KioskCore

/// The rating pad at a window (评价器) as a state machine: it follows the window, asks the
/// citizen whose ticket was just finished to rate it 1–5 with one key (and, for a 差评, why),
/// thanks them and goes back to idle. The daemon decides what may be rated; the pad only asks.
public struct RatePad: Sendable {
    /// The ticket the window may have rated now: the API's `rating` in `GET /v1/windows/N`.
    public typealias Rateable = RateableTicket

    public enum Phase: Sendable, Equatable {
        case idle
        case asking(Rateable)
        /// A 差评: which reason (one key), before it is sent.
        case reason(Rateable, score: Int)
        case sending(Rateable, score: Int)
        case thanks(score: Int, until: Date)
        case problem(String, until: Date)
    }

    public enum Input: Sendable, Equatable {
        case key(Key)
        case tick
        /// The window as the daemon has it: what it may have rated, if anything.
        case view(Rateable?)
        /// The window's name, for the screen.
        case windowName(String)
        case rated(ticket: String)
        case refused(code: String, message: String)
        case unreachable(String)
    }

    public enum Effect: Sendable, Equatable {
        /// `GET /v1/windows/N`, answered with `.view`.
        case refresh
        /// `POST /v1/windows/N/rating`.
        case send(score: Int, reason: String?)
        case quit
    }

    /// Preset reasons for a 差评, keys 1–5 (a pad has no keyboard for free text).
    public static let reasons = ["等候时间长 waited too long", "服务态度差 unfriendly", "办事效率低 slow", "材料要求不清楚 unclear requirements", "其他 other"]

    public let window: String
    /// Seconds between looks at the window.
    public var refreshInterval: TimeInterval
    /// Seconds the thanks (or a problem) stays on screen.
    public var messageSeconds: TimeInterval

    public private(set) var phase: Phase = .idle
    /// The last ticket rated here: never asked again, even if the daemon is slow to say so.
    public private(set) var lastRated: String?
    /// The window's name as the daemon last said it.
    public private(set) var windowName: String?
    private var lastRefresh: Date?

    public init(window: String, refreshInterval: TimeInterval = 1, messageSeconds: TimeInterval = 5) {
        self.window = window
        self.refreshInterval = refreshInterval
        self.messageSeconds = messageSeconds
    }

    public mutating func begin(at now: Date) -> [Effect] {
        lastRefresh = now
        return [.refresh]
    }

    public mutating func handle(_ input: Input, at now: Date) -> [Effect] {
        switch input {
        case .tick:
            switch phase {
            case let .thanks(_, until), let .problem(_, until):
                if now >= until { phase = .idle }
            default: break
            }
            if case .sending = phase { return [] }
            guard lastRefresh.map({ now.timeIntervalSince($0) >= refreshInterval }) ?? true else { return [] }
            lastRefresh = now
            return [.refresh]

        case let .view(rateable):
            switch phase {
            case .idle:
                if let rateable, rateable.ticket != lastRated { phase = .asking(rateable) }
            case let .asking(current), let .reason(current, _):
                // The window moved on (another ticket finished) or the ten minutes ran out.
                if let rateable, rateable.ticket != lastRated {
                    if rateable != current { phase = .asking(rateable) }
                } else {
                    phase = .idle
                }
            case .sending, .thanks, .problem:
                break
            }
            return []

        case let .key(key):
            if key == .interrupt { return [.quit] }
            switch phase {
            case let .asking(rateable):
                guard case let .digit(d) = key, let score = Int(String(d)), RatingScale.scores.contains(score) else { return [] }
                if RatingScale.isBad(score) {
                    phase = .reason(rateable, score: score)
                    return []
                }
                phase = .sending(rateable, score: score)
                return [.send(score: score, reason: nil)]
            case let .reason(rateable, score):
                switch key {
                case .escape, .backspace:
                    phase = .asking(rateable)
                    return []
                case .enter, .digit("0"):
                    phase = .sending(rateable, score: score)
                    return [.send(score: score, reason: nil)]
                case let .digit(d):
                    guard let k = Int(String(d)), (1...Self.reasons.count).contains(k) else { return [] }
                    phase = .sending(rateable, score: score)
                    return [.send(score: score, reason: Self.reasons[k - 1])]
                default:
                    return []
                }
            default:
                return []
            }

        case let .windowName(name):
            windowName = name
            return []

        case let .rated(ticket):
            guard case let .sending(_, score) = phase else { return [] }
            lastRated = ticket
            phase = .thanks(score: score, until: now.addingTimeInterval(messageSeconds))
            return []

        case let .refused(code, message):
            if case let .sending(rateable, _) = phase { lastRated = rateable.ticket }
            phase = .problem(code == "already_rated" ? "已评价 Already rated" : message, until: now.addingTimeInterval(messageSeconds))
            return []

        case let .unreachable(why):
            if case .sending = phase {
                phase = .problem("网络故障,请稍后再试 Cannot reach the hall system (\(why.prefix(60)))", until: now.addingTimeInterval(messageSeconds))
            }
            return []
        }
    }
}

extension RatePad: TerminalMachine {}
extension RatePad.Input: TerminalInput {}
