import Foundation
import KioskAPI
import KioskCore

/// The clerk's window terminal (叫号器) as a state machine: single keys become API calls, the
/// daemon's answers become the screen. The daemon decides; a refusal is shown in its words.
public struct WindowTerminal: Sendable {
    /// One call to the daemon.
    public struct Request: Sendable, Equatable {
        public var path: String
        /// The typed body of a POST (nil: none).
        public var body: CommandBody?
        /// Whether it needs the supervisor's token.
        public var supervisor: Bool
        /// What the clerk asked for, in words, for the result line.
        public var label: String
    }

    /// A key that asks for more (a service, a time, a window, a ticket) before it acts.
    public enum Prompt: Sendable, Equatable {
        case transfer, pauseUntil, unpark, noShowAwaiting, reviewNote, cover, uncover, reactivate, callTicket

        var question: String {
            switch self {
            case .transfer: return "转办到哪项业务?输入业务字母后按Enter  Transfer to which service? Letter, then Enter"
            case .pauseUntil: return "暂停服务,几点回来?输入HHMM后按Enter(直接Enter不定时)  Pause: back at HHMM, Enter (Enter alone: no time)"
            case .unpark: return "取回哪个挂起的号?输入号码后按Enter  Unpark which ticket? Number, then Enter"
            case .reviewNote: return "送审:给审核岗的备注?输入后按Enter,直接Enter不写  Hand to review: a note for the reviewer? Enter alone: none"
            case .noShowAwaiting: return "哪个未确认的号按过号处理?输入号码后按Enter  Which set-aside ticket is a no-show? Number, then Enter"
            case .cover: return "顶替哪个窗口(AB角)?输入窗口号后按Enter  Cover which absent window? Id, then Enter"
            case .uncover: return "结束顶替哪个窗口?输入窗口号,直接Enter结束全部  Stop covering which window? Enter alone: all"
            case .reactivate: return "恢复哪个过号?输入号码后按Enter  Reactivate which no-show? Number, then Enter"
            case .callTicket: return "指定叫哪个号?输入号码后按Enter  Call which ticket? Number, then Enter"
            }
        }
    }

    public enum Mode: Sendable, Equatable {
        case keys
        case prompt(Prompt, entry: String)
    }

    public enum Outcome: Sendable, Equatable {
        case done(String)
        case refused(code: String, message: String)
        case problem(String)
    }

    public enum Input: Sendable, Equatable {
        case key(Key)
        case tick
        case view(WindowView)
        case services([ServiceOption])
        /// The hall's staffing advice (supervisor mode only).
        case advice(AdviceAnswer)
        /// A command's answer: the window after it.
        case done(Request, WindowView?)
        case refused(Request?, code: String, message: String)
        case unreachable(String)
    }

    public enum Effect: Sendable, Equatable {
        /// `GET /v1/windows/N`, answered with `.view`.
        case refresh
        case loadServices
        /// `GET /v1/advice` (supervisor mode), answered with `.advice`.
        case loadAdvice
        case send(Request)
        case quit
    }

    public let window: String
    public let supervisor: Bool
    /// Seconds between refreshes of the window view.
    public var refreshInterval: TimeInterval

    public private(set) var mode: Mode = .keys
    public private(set) var services: [ServiceOption] = []
    /// The hall's staffing advice as last loaded (supervisor mode).
    public private(set) var advice: AdviceAnswer?
    private var track = WindowCommandTrack()
    private var lastRefresh: Date?

    public var view: WindowView? { track.view }
    public var outcome: Outcome? { track.outcome }
    /// A command is on its way: further commands wait.
    public var busy: Bool { track.busy }

    public init(window: String, supervisor: Bool = false, refreshInterval: TimeInterval = 2) {
        self.window = window
        self.supervisor = supervisor
        self.refreshInterval = refreshInterval
    }

    public mutating func begin(at now: Date) -> [Effect] {
        lastRefresh = now
        return [.refresh, .loadServices] + (supervisor ? [.loadAdvice] : [])
    }

    public mutating func handle(_ input: Input, at now: Date) -> [Effect] {
        switch input {
        case .tick:
            if !busy, now.timeIntervalSince(lastRefresh ?? .distantPast) >= refreshInterval {
                lastRefresh = now
                // The services too: a live config change renames them or adds new ones.
                return [.refresh, .loadServices] + (supervisor ? [.loadAdvice] : [])
            }
            return []
        case let .services(list):
            services = list
            return []
        case let .advice(answer):
            advice = answer
            return []
        case .view, .done, .refused, .unreachable:
            return track.answer(input) ?? []
        case let .key(key):
            switch mode {
            case .keys: return press(key)
            case let .prompt(prompt, entry): return answer(prompt, entry: entry, key: key)
            }
        }
    }

    private func post(_ action: String, _ label: String, body: CommandBody? = nil, supervisor: Bool = false) -> Request {
        Request(path: WindowAction.path(window: window, action: action), body: body, supervisor: supervisor, label: label)
    }

    private func post(_ action: WindowAction, _ label: String) -> Request { post(action.rawValue, label) }

    private mutating func send(_ request: Request) -> [Effect] { track.send(request) }

    private mutating func press(_ key: Key) -> [Effect] {
        let c: Character
        switch key {
        case .enter: c = "n"
        case .interrupt: return [.quit]
        case let .char(ch): c = Character(ch.lowercased())
        case let .digit(ch): c = ch   // 1–3: a supervisor takes that advice
        default: return []
        }
        switch c {
        case "n": return send(post(.call, "叫号 call next"))
        case "r": return send(post(.recall, "重呼 recall"))
        case "s": return send(post(.start, "开始办理 start"))
        case "f": return send(post(.finish, "办结 finish"))
        case "x":
            // Nothing at the window but tickets set aside unanswered: the no-show is for one of them.
            if let view, view.current == nil, !(view.awaiting ?? []).isEmpty {
                mode = .prompt(.noShowAwaiting, entry: "")
            } else {
                return send(post(.noshow, "过号 no-show"))
            }
        case "k": return send(post(.park, "挂起 park"))
        case "g": return send(post(.resume, "恢复服务 resume"))
        case "t": mode = .prompt(.transfer, entry: "")
        case "p": mode = .prompt(.pauseUntil, entry: "")
        case "u": mode = .prompt(.unpark, entry: "")
        case "v": mode = .prompt(.reviewNote, entry: "")
        case "q": return [.quit]
        case "c" where supervisor: mode = .prompt(.cover, entry: "")
        case "e" where supervisor: mode = .prompt(.uncover, entry: "")
        case "a" where supervisor: mode = .prompt(.reactivate, entry: "")
        case "j" where supervisor: mode = .prompt(.callTicket, entry: "")
        case "1", "2", "3":
            // The supervisor takes advice N: the one call it names (a config change is an admin's: shown only).
            guard supervisor, let index = Int(String(c)), let item = advice?.advice.dropFirst(index - 1).first,
                  let request = Self.request(taking: item)
            else { return [] }
            return send(request)
        default: return []
        }
        track.outcome = nil
        return []
    }

    /// The call that takes `item`: its API call, for the moves a supervisor makes (nil for a
    /// config change, an admin's).
    static func request(taking item: AdviceAnswer.Item) -> Request? {
        guard item.api.method == "POST" else { return nil }
        let body = item.api.body?["covered"].map { CommandBody.cover(CoverRequest(covered: $0)) }
        return Request(path: item.api.path, body: body, supervisor: true, label: "采纳建议 advice taken: \(item.command)")
    }

    private mutating func answer(_ prompt: Prompt, entry: String, key: Key) -> [Effect] {
        switch key {
        case .escape, .interrupt:
            mode = .keys
            return []
        case .backspace:
            if entry.isEmpty { mode = .keys } else { mode = .prompt(prompt, entry: String(entry.dropLast())) }
            return []
        case let .digit(c), let .char(c):
            if prompt == .reviewNote {
                // Free text (Chinese too), as typed, up to the route's 100 characters.
                guard entry.count < 100, !c.isNewline, c.unicodeScalars.allSatisfy({ !$0.properties.isNoncharacterCodePoint && $0.value >= 0x20 }) else { return [] }
                mode = .prompt(prompt, entry: entry + String(c))
                return []
            }
            guard entry.count < 8, c.isASCII, c.isLetter || c.isNumber else { return [] }
            mode = .prompt(prompt, entry: entry + c.uppercased())
            return []
        case .enter:
            break
        }
        mode = .keys
        switch prompt {
        case .transfer:
            guard !entry.isEmpty else { return [] }
            return send(post("transfer", "转办到 \(entry) transfer to \(entry)", body: .transfer(TransferRequest(service: entry))))
        case .pauseUntil:
            if entry.isEmpty { return send(post("pause", "暂停服务 pause")) }
            let digits = entry.filter(\.isNumber)
            let padded = digits.count == 3 ? "0" + digits : digits
            guard padded.count == 4, let time = ClockTime(String(padded.prefix(2)) + ":" + String(padded.suffix(2))) else {
                track.outcome = .refused(code: "invalid_time", message: "时间格式不对,请输入如 1030 Type a time like 1030 for 10:30")
                mode = .prompt(.pauseUntil, entry: "")
                return []
            }
            return send(post("pause", "暂停服务至 \(time) paused, back at \(time)", body: .pause(PauseRequest(until: time.description))))
        case .unpark:
            guard !entry.isEmpty else { return [] }
            return send(post("unpark", "取回 \(entry) unpark", body: .ticket(TicketChoiceRequest(ticket: entry))))
        case .reviewNote:
            let note = entry.trimmingCharacters(in: .whitespaces)
            let body = CommandBody.reviewHandOff(ReviewHandOffRequest(note: note.isEmpty ? nil : note))
            return send(post("review", "送审 handed to review" + (note.isEmpty ? "" : ": \(note)"), body: body))
        case .noShowAwaiting:
            guard !entry.isEmpty else { return [] }
            return send(post("noshow-awaiting", "过号 \(entry) no-show (未确认 set aside)", body: .ticket(TicketChoiceRequest(ticket: entry))))
        case .cover:
            guard !entry.isEmpty else { return [] }
            return send(post("cover", "顶替 \(entry) 号窗口 now covering window \(entry)", body: .cover(CoverRequest(covered: entry)), supervisor: true))
        case .uncover:
            let body = CommandBody.cover(CoverRequest(covered: entry.isEmpty ? nil : entry))
            return send(post("uncover", "结束顶替 stopped covering \(entry.isEmpty ? "all" : entry)", body: body, supervisor: true))
        case .reactivate:
            guard !entry.isEmpty else { return [] }
            return send(Request(path: "/v1/tickets/\(entry)/reactivate", body: nil, supervisor: true, label: "恢复过号 \(entry) reactivated"))
        case .callTicket:
            guard !entry.isEmpty else { return [] }
            return send(post("call-ticket", "指定叫号 \(entry) called", body: .ticket(TicketChoiceRequest(ticket: entry)), supervisor: true))
        }
    }
}

extension WindowTerminal: TerminalMachine {}
extension WindowTerminal.Input: TerminalInput {}
