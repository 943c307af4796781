import Foundation
import KioskAPI
import KioskCore

/// The ticket machine as a state machine: an input (a key, a tick of the clock, the daemon's
/// answer) moves it to its next step and returns what the owner must do next. No I/O here;
/// `TicketMachineScreen` draws a step, `TicketMachineLoop` runs it on a terminal.
///
/// The flow: choose a service → the documents to bring (1 确认 / 2 查看办事指南, the service's
/// guide paged / 0 返回) → normal or priority
/// → "需要短信提醒吗？" (1 需要 / 0 不需要) → the mobile number, shown as typed and read back →
/// (priority tickets) a caretaker's number the same way → the ticket. Every key before the
/// ticket is issued reloads the menu, so a service that closed or filled up is said at once,
/// before any further question. A citizen who walks away is sent back to the start after
/// `idleTimeout`; staff leave with `0`, the exit PIN and Enter.
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
        /// The service's 办事指南 (nil while it loads), one page of it at a time; `problem` when
        /// it could not be loaded.
        case guide(Draft, guide: ServiceGuideAnswer?, page: Int, problem: String?)
        case priority(Draft)
        /// "需要短信提醒吗？1 需要 0 不需要": asked once, so a citizen who wants none presses one key.
        case smsQuestion(Draft)
        /// Digits typed so far, shown as typed; `error` after a number that does not validate.
        case phone(Draft, role: PhoneRole, entry: String, error: String?)
        /// The number read back before it is used: 1 正确 / 0 重新输入.
        case confirmPhone(Draft, role: PhoneRole, number: PhoneNumber)
        /// For a priority ticket: should a caretaker be told as well (1 需要 / 0 不需要)?
        case caretakerQuestion(Draft)
        /// Waiting for the daemon's answer.
        case issuing(Draft)
        case ticket(IssuedTicket)
        case refused(Refusal, service: ServiceOption?)
        /// 预约签到: the citizen types the appointment's 6-digit code; `error` after a wrong one.
        case checkIn(entry: String, error: String?)
        /// Waiting for the daemon's answer to a check-in.
        case checkingIn(code: String)
        /// Staff typing the exit PIN (shown as stars).
        case staffExit(entry: String, error: String?)
    }

    public enum Input: Sendable, Equatable {
        case key(Key)
        /// Time passes (the loop sends one every fraction of a second).
        case tick
        case services([ServiceOption])
        case servicesUnavailable(String)
        case issued(IssuedTicket)
        case refused(Refusal)
        case guide(ServiceGuideAnswer)
        case guideUnavailable(String)
    }

    public enum Effect: Sendable, Equatable {
        /// Fetch `GET /v1/services` and send back `.services` or `.servicesUnavailable`.
        case loadServices
        /// `POST /v1/tickets` and send back `.issued` or `.refused`.
        case issue(TicketRequest, service: ServiceOption)
        /// `POST /v1/appointments/{code}/check-in` and send back `.issued` or `.refused`.
        case checkIn(String)
        /// Fetch `GET /v1/services/{code}/guide` and send back `.guide` or `.guideUnavailable`.
        case loadGuide(ServiceCode)
        /// Print the ticket (when a printer is configured).
        case print(IssuedTicket)
        /// Staff entered the exit PIN: leave and give the terminal back.
        case exit
    }

    /// Seconds without a key before the machine goes back to the start screen.
    public var idleTimeout: TimeInterval
    /// Seconds between refreshes of the menu's waiting counts and estimates while idle.
    public var refreshInterval: TimeInterval
    /// The staff exit PIN (digits); nil: no exit from the keypad (Ctrl-C or a signal only).
    public var exitPIN: String?
    /// Who may ask for priority, as the priority screen and the ticket name them.
    public var priorityGroups: PriorityGroups
    /// The terminal's size, which decides how a guide is cut into pages (the loop sets it).
    public var screenSize: (width: Int, height: Int) = (80, 24)

    public private(set) var step: Step = .start(entry: "", notice: nil)
    public private(set) var services: [ServiceOption] = []
    /// Why the menu could not be loaded, until it can.
    public private(set) var connectionProblem: String?
    public private(set) var lastActivity: Date
    private var lastRefresh: Date?

    public init(
        idleTimeout: TimeInterval = 60, refreshInterval: TimeInterval = 5, exitPIN: String? = nil,
        priorityGroups: PriorityGroups = .standard, now: Date
    ) {
        self.idleTimeout = idleTimeout
        self.refreshInterval = refreshInterval
        self.exitPIN = exitPIN.flatMap { $0.isEmpty ? nil : $0 }
        self.priorityGroups = priorityGroups
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
            lastRefresh = now
            recheckDraft()
            return []
        case let .servicesUnavailable(why):
            connectionProblem = why
            return []
        case let .issued(issued):
            lastActivity = now
            switch step {
            case .issuing, .checkingIn: break
            default: return []
            }
            var ticket = issued
            ticket.priorityGroups = priorityGroups
            step = .ticket(ticket)
            return [.print(ticket)]
        case let .guide(answer):
            guard case let .guide(draft, _, _, _) = step, answer.service == draft.service.code else { return [] }
            step = .guide(draft, guide: answer, page: 0, problem: nil)
            return []
        case let .guideUnavailable(why):
            guard case let .guide(draft, nil, _, _) = step else { return [] }
            step = .guide(draft, guide: nil, page: 0, problem: why)
            return []
        case let .refused(refusal):
            lastActivity = now
            if case .checkingIn = step {
                // A wrong or early code: said on the code screen, where the citizen can type again.
                step = .checkIn(entry: "", error: refusal.message)
                return []
            }
            guard case let .issuing(draft) = step else { return [] }
            step = .refused(refusal, service: draft.service)
            return [.loadServices]
        case let .key(key):
            lastActivity = now
            let before = step
            var effects = press(key, at: now)
            // Every answer before the ticket re-reads the menu: a service that closed or filled
            // up since the citizen chose it is said now, not four screens later.
            if step != before, draft != nil, !effects.contains(.loadServices) { effects.append(.loadServices) }
            return effects
        }
    }

    /// The ticket being put together, on any step that has one before it is issued.
    public var draft: Draft? {
        switch step {
        case let .documents(d), let .guide(d, _, _, _), let .priority(d), let .smsQuestion(d), let .phone(d, _, _, _), let .confirmPhone(d, _, _),
             let .caretakerQuestion(d):
            return d
        default:
            return nil
        }
    }

    /// After a fresh menu: the chosen service's new figures, or its refusal if it stopped issuing.
    private mutating func recheckDraft() {
        guard let draft, let fresh = services.first(where: { $0.code == draft.service.code }) else { return }
        if !fresh.isOpen {
            step = .refused(Refusal(code: fresh.status, message: fresh.statusMessage ?? fresh.closedLabel), service: fresh)
            return
        }
        var updated = draft
        updated.service = fresh
        replaceDraft(with: updated)
    }

    private mutating func replaceDraft(with d: Draft) {
        switch step {
        case .documents: step = .documents(d)
        case let .guide(_, guide, page, problem): step = .guide(d, guide: guide, page: page, problem: problem)
        case .priority: step = .priority(d)
        case .smsQuestion: step = .smsQuestion(d)
        case let .phone(_, role, entry, error): step = .phone(d, role: role, entry: entry, error: error)
        case let .confirmPhone(_, role, number): step = .confirmPhone(d, role: role, number: number)
        case .caretakerQuestion: step = .caretakerQuestion(d)
        default: break
        }
    }

    private mutating func tick(at now: Date) -> [Effect] {
        if case .issuing = step { return [] }
        if case .checkingIn = step { return [] }
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
            case .digit("2") where draft.service.hasGuide == true:
                step = .guide(draft, guide: nil, page: 0, problem: nil)
                return [.loadGuide(draft.service.code)]
            case .digit("0"), .backspace, .escape: return backToStart(at: now)
            default: break
            }
        case let .guide(draft, guide, page, problem):
            let pages = guide.map { GuidePages.pages($0, width: screenSize.width, height: screenSize.height).count } ?? 1
            switch key {
            case .digit("2"), .enter: step = .guide(draft, guide: guide, page: min(page + 1, pages - 1), problem: problem)
            case .digit("8"): step = .guide(draft, guide: guide, page: max(page - 1, 0), problem: problem)
            case .digit("1"): step = .priority(draft)
            case .digit("0"), .backspace, .escape: step = .documents(draft)
            default: break
            }
        case let .priority(draft):
            var draft = draft
            switch key {
            case .digit("1"), .enter:
                draft.priority = false
                step = .smsQuestion(draft)
            case .digit("2"):
                draft.priority = true
                step = .smsQuestion(draft)
            case .digit("0"), .backspace, .escape: step = .documents(draft)
            default: break
            }
        case let .smsQuestion(draft):
            switch key {
            case .digit("1"): step = .phone(draft, role: .citizen, entry: "", error: nil)
            case .digit("0"): return issue(draft)
            case .backspace, .escape: step = .priority(draft)
            default: break
            }
        case let .phone(draft, role, entry, error):
            return pressAtPhone(key, draft: draft, role: role, entry: entry, error: error)
        case let .confirmPhone(draft, role, number):
            var draft = draft
            switch key {
            case .digit("1"), .enter:
                if role == .citizen {
                    draft.phone = number
                    if draft.priority {
                        step = .caretakerQuestion(draft)
                        return []
                    }
                } else {
                    draft.caretaker = number
                }
                return issue(draft)
            case .digit("0"), .backspace, .escape:
                step = .phone(draft, role: role, entry: "", error: nil)
            default: break
            }
        case let .caretakerQuestion(draft):
            switch key {
            case .digit("1"): step = .phone(draft, role: .caretaker, entry: "", error: nil)
            case .digit("0"): return issue(draft)
            case .backspace, .escape:
                step = .phone(draft, role: .citizen, entry: draft.phone?.digits ?? "", error: nil)
            default: break
            }
        case .issuing, .checkingIn:
            break
        case let .checkIn(entry, _):
            return pressAtCheckIn(key, entry: entry, at: now)
        case .ticket, .refused:
            return backToStart(at: now)
        case let .staffExit(entry, _):
            return pressAtStaffExit(key, entry: entry, at: now)
        }
        return []
    }

    private mutating func issue(_ draft: Draft) -> [Effect] {
        step = .issuing(draft)
        return [.issue(draft.request, service: draft.service)]
    }

    private mutating func pressAtStart(_ key: Key, entry: String, at now: Date) -> [Effect] {
        switch key {
        case .digit("0") where entry.isEmpty && exitPIN != nil:
            step = .staffExit(entry: "", error: nil)
            return []
        case let .digit(d):
            let typed = entry + String(d)
            guard let n = Int(typed), n >= 1, n <= menuCount else {
                step = .start(entry: "", notice: "没有第 \(typed) 项,请重新选择 There is no item \(typed); please choose again")
                return [.loadServices]
            }
            // One key is enough unless a longer number could still follow (1 → 10, 11 …).
            if n * 10 > menuCount { return choose(n, at: now) }
            step = .start(entry: typed, notice: nil)
        case .enter:
            guard let n = Int(entry), n >= 1, n <= menuCount else { return [.loadServices] }
            return choose(n, at: now)
        case .backspace, .escape:
            step = .start(entry: String(entry.dropLast()), notice: nil)
        default:
            break
        }
        return [.loadServices]
    }

    /// Whether the menu offers 预约签到 (some service takes appointments): as its last item.
    public var offersCheckIn: Bool { services.contains { $0.appointments == true } }

    /// The menu's items: the services, then 预约签到 when offered.
    var menuCount: Int { services.count + (offersCheckIn ? 1 : 0) }

    private mutating func pressAtCheckIn(_ key: Key, entry: String, at now: Date) -> [Effect] {
        switch key {
        case let .digit(d):
            guard entry.count < 6 else { return [] }
            step = .checkIn(entry: entry + String(d), error: nil)
        case .backspace:
            if entry.isEmpty { return backToStart(at: now) }
            step = .checkIn(entry: String(entry.dropLast()), error: nil)
        case .escape:
            return backToStart(at: now)
        case .enter:
            guard entry.count == 6 else {
                step = .checkIn(entry: entry, error: "预约码为6位数字 The appointment code has 6 digits")
                return []
            }
            step = .checkingIn(code: entry)
            return [.checkIn(entry)]
        default:
            break
        }
        return []
    }

    private mutating func choose(_ n: Int, at now: Date) -> [Effect] {
        if n == services.count + 1, offersCheckIn {
            step = .checkIn(entry: "", error: nil)
            return []
        }
        let service = services[n - 1]
        guard service.isOpen else {
            step = .refused(Refusal(code: service.status, message: service.statusMessage ?? service.closedLabel), service: service)
            return [.loadServices]
        }
        step = .documents(Draft(service: service))
        return [.loadServices]
    }

    private mutating func pressAtStaffExit(_ key: Key, entry: String, at now: Date) -> [Effect] {
        switch key {
        case let .digit(d):
            guard entry.count < 12 else { return [] }
            step = .staffExit(entry: entry + String(d), error: nil)
        case .backspace:
            if entry.isEmpty { return backToStart(at: now) }
            step = .staffExit(entry: String(entry.dropLast()), error: nil)
        case .escape:
            return backToStart(at: now)
        case .enter:
            if entry == exitPIN { return [.exit] }
            step = .staffExit(entry: "", error: "密码不对 Wrong PIN")
        default:
            break
        }
        return []
    }

    private mutating func pressAtPhone(_ key: Key, draft: Draft, role: PhoneRole, entry: String, error: String?) -> [Effect] {
        switch key {
        case let .digit(d):
            guard entry.count < 11 else { return [] }
            step = .phone(draft, role: role, entry: entry + String(d), error: nil)
        case .backspace:
            if entry.isEmpty {
                step = role == .citizen ? .smsQuestion(draft) : .caretakerQuestion(draft)
            } else {
                step = .phone(draft, role: role, entry: String(entry.dropLast()), error: error)
            }
        case .escape:
            step = .phone(draft, role: role, entry: "", error: nil)
        case .enter:
            if entry.isEmpty {
                step = .phone(draft, role: role, entry: "", error: "请输入11位手机号;不需要短信请按退格键返回 Type an 11-digit mobile number; Backspace goes back")
            } else if let phone = PhoneNumber(entry) {
                step = .confirmPhone(draft, role: role, number: phone)
            } else {
                step = .phone(draft, role: role, entry: "", error: Self.phoneError(entry))
            }
        default:
            break
        }
        return []
    }

    /// A wrong number's message: what was typed, as typed (the citizen must be able to check
    /// every digit), and what a mobile number looks like.
    static func phoneError(_ entry: String) -> String {
        let shown = PhoneEntry.grouped(entry)
        if entry.count != 11 {
            return "号码 \(shown) 只有 \(entry.count) 位,手机号应为11位,请重新输入 \(shown) has \(entry.count) digits; a mobile number has 11. Please try again"
        }
        return "号码 \(shown) 不是有效的手机号(应以13-19开头),请重新输入 \(shown) is not a mobile number (starts 13–19). Please try again"
    }
}

/// How a number being typed is shown: every digit, grouped as people read a mobile number
/// aloud (3-4-4), so an elderly citizen can check the middle too. It is masked only once
/// confirmed (on the ticket and every screen after).
public enum PhoneEntry {
    /// `1380013` → `138 0013`, `13800138000` → `138 0013 8000`.
    public static func grouped(_ digits: String) -> String {
        var out = ""
        for (index, c) in digits.enumerated() {
            if index == 3 || index == 7 { out.append(" ") }
            out.append(c)
        }
        return out
    }
}
