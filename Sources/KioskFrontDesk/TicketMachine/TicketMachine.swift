import Foundation
import KioskAPI
import KioskCore

/// The ticket machine as a state machine: an input (a key, a tick of the clock, the daemon's
/// answer) moves it to its next step and returns what the owner must do next. No I/O here;
/// `TicketMachineScreen` draws a step, `TicketMachineLoop` runs it on a terminal.
///
/// The flow: choose a service → the documents to bring (1 确认 / 0 返回) → normal or
/// elderly/disabled priority → optional mobile number → optional caretaker number → the ticket.
/// A citizen who walks away is sent back to the start after `idleTimeout`.
public struct TicketMachine: Sendable {
    /// A ticket being put together.
    public struct Draft: Sendable, Equatable {
        public var service: ServiceOption
        public var priority: Bool = false
        public var phone: PhoneNumber?
        public var caretaker: PhoneNumber?

        public var request: TicketRequest {
            TicketRequest(service: service.code, priority: priority, phone: phone, caretaker: caretaker)
        }
    }

    /// Which mobile number a phone step asks for.
    public enum PhoneRole: Sendable, Equatable {
        case citizen, caretaker
    }

    public enum Step: Sendable, Equatable {
        /// The menu; `entry` holds digits typed so far, `notice` a line about the last key.
        case start(entry: String, notice: String?)
        case documents(Draft)
        case priority(Draft)
        /// Digits typed so far; `error` after a number that does not validate.
        case phone(Draft, role: PhoneRole, entry: String, error: String?)
        /// Waiting for the daemon's answer.
        case issuing(Draft)
        case ticket(IssuedTicket)
        case refused(Refusal, service: ServiceOption?)
    }

    public enum Input: Sendable, Equatable {
        case key(Key)
        /// Time passes (the loop sends one every fraction of a second).
        case tick
        case services([ServiceOption])
        case servicesUnavailable(String)
        case issued(IssuedTicket)
        case refused(Refusal)
    }

    public enum Effect: Sendable, Equatable {
        /// Fetch `GET /v1/services` and send back `.services` or `.servicesUnavailable`.
        case loadServices
        /// `POST /v1/tickets` and send back `.issued` or `.refused`.
        case issue(TicketRequest, service: ServiceOption)
        /// Print the ticket (when a printer is configured).
        case print(IssuedTicket)
    }

    /// Seconds without a key before the machine goes back to the start screen.
    public var idleTimeout: TimeInterval
    /// Seconds between refreshes of the menu's waiting counts and estimates.
    public var refreshInterval: TimeInterval

    public private(set) var step: Step = .start(entry: "", notice: nil)
    public private(set) var services: [ServiceOption] = []
    /// Why the menu could not be loaded, until it can.
    public private(set) var connectionProblem: String?
    public private(set) var lastActivity: Date
    private var lastRefresh: Date?

    public init(idleTimeout: TimeInterval = 60, refreshInterval: TimeInterval = 10, now: Date) {
        self.idleTimeout = idleTimeout
        self.refreshInterval = refreshInterval
        lastActivity = now
    }

    /// The first thing to do: load the menu.
    public mutating func begin(at now: Date) -> [Effect] {
        lastRefresh = now
        return [.loadServices]
    }

    public var isAtStart: Bool {
        if case .start = step { return true }
        return false
    }

    /// Applies `input` at `now`; returns what to do next.
    public mutating func handle(_ input: Input, at now: Date) -> [Effect] {
        switch input {
        case .tick:
            return tick(at: now)
        case let .services(list):
            services = list
            connectionProblem = nil
            return []
        case let .servicesUnavailable(why):
            connectionProblem = why
            return []
        case let .issued(ticket):
            lastActivity = now
            guard case .issuing = step else { return [] }
            step = .ticket(ticket)
            return [.print(ticket)]
        case let .refused(refusal):
            lastActivity = now
            guard case let .issuing(draft) = step else { return [] }
            step = .refused(refusal, service: draft.service)
            return [.loadServices]
        case let .key(key):
            lastActivity = now
            return press(key, at: now)
        }
    }

    private mutating func tick(at now: Date) -> [Effect] {
        if case .issuing = step { return [] }
        if !isAtStart || startHasInput, now.timeIntervalSince(lastActivity) >= idleTimeout {
            return backToStart(at: now)
        }
        if isAtStart, now.timeIntervalSince(lastRefresh ?? .distantPast) >= refreshInterval {
            lastRefresh = now
            return [.loadServices]
        }
        return []
    }

    private var startHasInput: Bool {
        if case let .start(entry, notice) = step { return !entry.isEmpty || notice != nil }
        return false
    }

    private mutating func backToStart(at now: Date, notice: String? = nil) -> [Effect] {
        step = .start(entry: "", notice: notice)
        lastRefresh = now
        return [.loadServices]
    }

    private mutating func press(_ key: Key, at now: Date) -> [Effect] {
        switch step {
        case let .start(entry, _):
            return pressAtStart(key, entry: entry, at: now)
        case let .documents(draft):
            switch key {
            case .digit("1"), .enter: step = .priority(draft)
            case .digit("0"), .backspace, .escape: return backToStart(at: now)
            default: break
            }
        case let .priority(draft):
            var draft = draft
            switch key {
            case .digit("1"), .enter:
                draft.priority = false
                step = .phone(draft, role: .citizen, entry: "", error: nil)
            case .digit("2"):
                draft.priority = true
                step = .phone(draft, role: .citizen, entry: "", error: nil)
            case .digit("0"), .backspace, .escape: step = .documents(draft)
            default: break
            }
        case let .phone(draft, role, entry, error):
            return pressAtPhone(key, draft: draft, role: role, entry: entry, error: error)
        case .issuing:
            break
        case .ticket, .refused:
            return backToStart(at: now)
        }
        return []
    }

    private mutating func pressAtStart(_ key: Key, entry: String, at now: Date) -> [Effect] {
        switch key {
        case let .digit(d):
            let typed = entry + String(d)
            guard let n = Int(typed), n >= 1, n <= services.count else {
                step = .start(entry: "", notice: "没有第 \(typed) 项,请重新选择 There is no item \(typed); please choose again")
                return []
            }
            // One key is enough unless a longer number could still follow (1 → 10, 11 …).
            if n * 10 > services.count { return choose(n, at: now) }
            step = .start(entry: typed, notice: nil)
        case .enter:
            guard let n = Int(entry), n >= 1, n <= services.count else { return [] }
            return choose(n, at: now)
        case .backspace, .escape:
            step = .start(entry: String(entry.dropLast()), notice: nil)
        default:
            break
        }
        return []
    }

    private mutating func choose(_ n: Int, at now: Date) -> [Effect] {
        let service = services[n - 1]
        guard service.isOpen else {
            step = .refused(Refusal(code: service.status, message: service.statusMessage ?? service.closedLabel), service: service)
            return []
        }
        step = .documents(Draft(service: service))
        return []
    }

    private mutating func pressAtPhone(_ key: Key, draft: Draft, role: PhoneRole, entry: String, error: String?) -> [Effect] {
        switch key {
        case let .digit(d):
            guard entry.count < 11 else { return [] }
            step = .phone(draft, role: role, entry: entry + String(d), error: nil)
        case .backspace:
            if entry.isEmpty {
                step = role == .citizen ? .priority(draft) : .phone(draft, role: .citizen, entry: "", error: nil)
            } else {
                step = .phone(draft, role: role, entry: String(entry.dropLast()), error: error)
            }
        case .escape:
            step = .phone(draft, role: role, entry: "", error: nil)
        case .enter:
            var draft = draft
            if entry.isEmpty {
                // Enter on an empty entry skips this number.
                if role == .citizen { draft.phone = nil } else { draft.caretaker = nil }
            } else if let phone = PhoneNumber(entry) {
                if role == .citizen { draft.phone = phone } else { draft.caretaker = phone }
            } else {
                step = .phone(draft, role: role, entry: "", error: Self.phoneError(entry))
                return []
            }
            if role == .citizen {
                step = .phone(draft, role: .caretaker, entry: "", error: nil)
                return []
            }
            step = .issuing(draft)
            return [.issue(draft.request, service: draft.service)]
        default:
            break
        }
        return []
    }

    /// A wrong number's message: what was typed (masked) and what a mobile number looks like.
    static func phoneError(_ entry: String) -> String {
        let shown = PhoneEntry.masked(entry)
        if entry.count != 11 {
            return "号码 \(shown) 只有 \(entry.count) 位,手机号应为11位,请重新输入 \(shown) has \(entry.count) digits; a mobile number has 11. Please try again"
        }
        return "号码 \(shown) 不是有效的手机号(应以13-19开头),请重新输入 \(shown) is not a mobile number (starts 13–19). Please try again"
    }
}

/// How a number being typed is shown: the middle four digits hidden, as the ticket shows it.
public enum PhoneEntry {
    /// `1380013` → `138****`, `13800138000` → `138****8000`.
    public static func masked(_ digits: String) -> String {
        String(digits.enumerated().map { index, c in (3..<7).contains(index) ? "*" : c })
    }
}
