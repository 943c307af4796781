import Foundation

/// Why the engine refused a command. Every case leaves the hall unchanged.
public enum QueueError: Error, Sendable, Equatable {
    case unknownService(ServiceCode)
    case unknownCounter(CounterID)
    case unknownTicket(TicketNumber)
    /// A supervisor stopped issuing for this service today.
    case serviceClosed(ServiceCode)
    case quotaReached(service: ServiceCode, quota: Int)
    /// The hall or this service issues no tickets now; `opensAt` is the next opening today.
    case outsideHours(service: ServiceCode, opensAt: ClockTime?)
    /// Every number of the day's range for this service has been handed out.
    case numbersExhausted(service: ServiceCode, last: Int)
    case counterPaused(CounterID)
    case counterClosed(CounterID)
    /// The window still has a ticket called or in service; finish, skip, park or transfer it first.
    case counterBusy(counter: CounterID, ticket: TicketNumber)
    /// The window has no ticket to act on.
    case counterIdle(CounterID)
    case noTicketWaiting(CounterID)
    /// The window does not serve this service (for an out-of-order call).
    case counterDoesNotServe(counter: CounterID, service: ServiceCode)
    /// The ticket is not in a state that allows the action.
    case invalidTransition(ticket: TicketNumber, state: String, action: String)
    case recallLimitReached(ticket: TicketNumber, maxRecalls: Int)
    case sameService(ticket: TicketNumber, service: ServiceCode)
    case notParkedHere(ticket: TicketNumber, counter: CounterID)
    case reactivationWindowPassed(ticket: TicketNumber, minutes: Int)
    case counterNotPaused(CounterID)
    case counterNotClosed(CounterID)
    case counterAlreadyOpen(CounterID)
    case cannotCoverItself(CounterID)
    case alreadyCovering(counter: CounterID, covered: CounterID)
    case notCovering(counter: CounterID, covered: CounterID?)
    case serviceNotClosed(ServiceCode)
    /// A "back at" time that is not in the future.
    case returnTimeInPast(counter: CounterID)
    /// Nothing finished at this window within the rating window (10 minutes).
    case nothingToRate(CounterID)
    /// A ticket is rated once.
    case alreadyRated(TicketNumber)
    /// Rated from its page before it was finished (or after it ended otherwise).
    case notFinished(TicketNumber)
    /// A score outside 1…5.
    case invalidScore(Int)
    /// A new hall config that cannot take effect while the hall runs as it does now.
    case configChangeRefused(ConfigChangeRefusal)
    /// 即审: no window reviews this service's cases.
    case noReviewer(ServiceCode)
    /// The window reviews no service.
    case notAReviewer(CounterID)
    /// No case waits for this reviewer.
    case noCaseToReview(CounterID)
    /// The reviewer holds no case to approve or return.
    case nothingInReview(CounterID)
    /// The reviewer still holds a case: decide it first.
    case reviewerBusy(counter: CounterID, ticket: TicketNumber)
    /// The service takes no appointments (`appointments_per_slot` is 0).
    case noAppointments(ServiceCode)
    /// Booking is open from today to `book_days_ahead` days ahead.
    case bookingOutOfRange(date: BusinessDate, first: BusinessDate, last: BusinessDate)
    /// A weekend or one of the hall's holidays.
    case hallClosedOn(BusinessDate)
    case notASlot(service: ServiceCode, time: ClockTime, slotMinutes: Int)
    /// The slot starts sooner than `min_lead_min` from now.
    case tooLateToBook(time: ClockTime, leadMinutes: Int)
    /// The slot is full; `nearest` are the nearest free slots that day (at most 3).
    case slotFull(service: ServiceCode, date: BusinessDate, time: ClockTime, nearest: [ClockTime])
    /// The code the caller drew is in the book already: draw another.
    case appointmentCodeTaken
    case unknownAppointment(String)
    /// Cancelled, checked in or released: nothing to cancel or check in.
    case appointmentNotBooked(code: String, state: String)
    case appointmentNotToday(code: String, date: BusinessDate, time: ClockTime)
    case alreadyCheckedIn(code: String, ticket: TicketNumber)
    /// Check-in opens `early_min` before the slot, at `from`.
    case tooEarlyToCheckIn(code: String, from: ClockTime)

    /// A stable machine-readable code for APIs and scripts.
    public var code: String {
        switch self {
        case .unknownService: return "unknown_service"
        case .unknownCounter: return "unknown_counter"
        case .unknownTicket: return "unknown_ticket"
        case .serviceClosed: return "service_closed"
        case .quotaReached: return "quota_reached"
        case .outsideHours: return "outside_hours"
        case .numbersExhausted: return "numbers_exhausted"
        case .counterPaused: return "counter_paused"
        case .counterClosed: return "counter_closed"
        case .counterBusy: return "counter_busy"
        case .counterIdle: return "counter_idle"
        case .noTicketWaiting: return "no_ticket_waiting"
        case .counterDoesNotServe: return "counter_does_not_serve"
        case .invalidTransition: return "invalid_transition"
        case .recallLimitReached: return "recall_limit_reached"
        case .sameService: return "same_service"
        case .notParkedHere: return "not_parked_here"
        case .reactivationWindowPassed: return "reactivation_window_passed"
        case .counterNotPaused: return "counter_not_paused"
        case .counterNotClosed: return "counter_not_closed"
        case .counterAlreadyOpen: return "counter_already_open"
        case .cannotCoverItself: return "cannot_cover_itself"
        case .alreadyCovering: return "already_covering"
        case .notCovering: return "not_covering"
        case .serviceNotClosed: return "service_not_closed"
        case .returnTimeInPast: return "return_time_in_past"
        case .nothingToRate: return "nothing_to_rate"
        case .alreadyRated: return "already_rated"
        case .notFinished: return "not_finished"
        case .invalidScore: return "invalid_score"
        case let .configChangeRefused(refusal): return refusal.code
        case .noReviewer: return "no_reviewer"
        case .notAReviewer: return "not_a_reviewer"
        case .noCaseToReview: return "no_case_to_review"
        case .nothingInReview: return "nothing_in_review"
        case .reviewerBusy: return "reviewer_busy"
        case .noAppointments: return "no_appointments"
        case .bookingOutOfRange: return "booking_out_of_range"
        case .hallClosedOn: return "hall_closed_on_date"
        case .notASlot: return "not_a_slot"
        case .tooLateToBook: return "too_late_to_book"
        case .slotFull: return "slot_full"
        case .appointmentCodeTaken: return "appointment_code_taken"
        case .unknownAppointment: return "unknown_appointment"
        case .appointmentNotBooked: return "appointment_not_booked"
        case .appointmentNotToday: return "appointment_not_today"
        case .alreadyCheckedIn: return "already_checked_in"
        case .tooEarlyToCheckIn: return "too_early"
        }
    }

    /// A sentence for staff and citizens, Chinese first.
    public var message: String {
        switch self {
        case let .unknownService(s): return "没有该业务 No such service: \(s)"
        case let .unknownCounter(c): return "没有该窗口 No such window: \(c)"
        case let .unknownTicket(t): return "今日没有该号 No such ticket today: \(t)"
        case let .serviceClosed(s): return "该业务今日已停止取号 Service \(s) stopped issuing tickets today"
        case let .quotaReached(s, q): return "该业务今日号已取完(限\(q)个) Today's quota of \(q) tickets for \(s) is reached"
        case let .outsideHours(s, at):
            if let at { return "现在不在办理时间,请于\(at)后取号 Service \(s) is not issuing now; come back after \(at)" }
            return "今日办理时间已过,请明日再来 Service \(s) has closed for today; please come back tomorrow"
        case let .numbersExhausted(s, last): return "该业务今日号码已用完 All numbers up to \(last) for \(s) are used today"
        case let .counterPaused(c): return "窗口\(c)暂停服务 Window \(c) is paused"
        case let .counterClosed(c): return "窗口\(c)已关闭 Window \(c) is closed"
        case let .counterBusy(c, t): return "窗口\(c)正在处理\(t),请先办结 Window \(c) still has \(t)"
        case let .counterIdle(c): return "窗口\(c)当前无号 Window \(c) has no current ticket"
        case let .noTicketWaiting(c): return "窗口\(c)暂无等候 Nobody is waiting for window \(c)"
        case let .counterDoesNotServe(c, s): return "窗口\(c)不办理该业务 Window \(c) does not serve \(s)"
        case let .invalidTransition(t, state, action): return "\(t)当前状态为\(state),不能\(action) Ticket \(t) is \(state); cannot \(action)"
        case let .recallLimitReached(t, m): return "\(t)已重呼\(m)次 \(t) was already recalled \(m) times"
        case let .sameService(t, s): return "\(t)已在\(s)业务中 \(t) is already in \(s)"
        case let .notParkedHere(t, c): return "\(t)未在窗口\(c)挂起 \(t) is not parked at window \(c)"
        case let .reactivationWindowPassed(t, m): return "\(t)过号已超过\(m)分钟 \(t) missed its call more than \(m) min ago"
        case let .counterNotPaused(c): return "窗口\(c)未暂停 Window \(c) is not paused"
        case let .counterNotClosed(c): return "窗口\(c)未关闭 Window \(c) is not closed"
        case let .counterAlreadyOpen(c): return "窗口\(c)已开放 Window \(c) is already open"
        case let .cannotCoverItself(c): return "窗口\(c)不能顶替自己 Window \(c) cannot cover itself"
        case let .alreadyCovering(c, d): return "窗口\(c)已在顶替窗口\(d) Window \(c) already covers \(d)"
        case let .notCovering(c, d): return "窗口\(c)未顶替\(d.map { "窗口\($0)" } ?? "任何窗口") Window \(c) does not cover \(d ?? "any window")"
        case let .serviceNotClosed(s): return "业务\(s)未停止取号 Service \(s) is not closed"
        case let .returnTimeInPast(c): return "窗口\(c)的返回时间必须晚于现在 Window \(c)'s return time must be in the future"
        case let .nothingToRate(c): return "窗口\(c)最近10分钟内没有办结的业务可评价 Window \(c) finished nothing in the last 10 minutes to rate"
        case let .alreadyRated(t): return "\(t)已评价 \(t) has already been rated"
        case let .notFinished(t): return "\(t)尚未办结，办结后才能评价 \(t) is not finished; it can be rated once it is"
        case let .invalidScore(s): return "评分必须是1到5 The score must be 1–5, found \(s)"
        case let .configChangeRefused(refusal): return refusal.message
        case let .noReviewer(s): return "业务\(s)没有审核岗,不能送审 No window reviews service \(s)"
        case let .notAReviewer(c): return "窗口\(c)不是审核岗 Window \(c) reviews nothing"
        case let .noCaseToReview(c): return "暂无待审件 No case waits for reviewer \(c)"
        case let .nothingInReview(c): return "窗口\(c)没有在审的件 Window \(c) holds no case in review"
        case let .reviewerBusy(c, t): return "窗口\(c)正在审核\(t),请先审结 Window \(c) is still reviewing \(t)"
        case let .noAppointments(s): return "该业务不接受预约 Service \(s) takes no appointments"
        case let .bookingOutOfRange(d, first, last): return "只能预约\(first)至\(last) Appointments can be booked from \(first) to \(last), not \(d)"
        case let .hallClosedOn(d): return "\(d)大厅不办公 The hall is closed on \(d)"
        case let .notASlot(s, t, m): return "\(t)不是预约时段的开始(每\(m)分钟一段) \(t) is not the start of a \(m)-minute slot of \(s)"
        case let .tooLateToBook(t, m): return "\(t)的时段需至少提前\(m)分钟预约 The \(t) slot must be booked at least \(m) min ahead"
        case let .slotFull(s, d, t, nearest):
            let near = nearest.map(\.description).joined(separator: ", ")
            return "\(d) \(t)已约满" + (near.isEmpty ? ",当天没有空闲时段 No free slot that day for \(s)" : ",最近的空闲时段:\(near) The \(t) slot of \(s) is full; nearest free: \(near)")
        case .appointmentCodeTaken: return "预约码已被占用,请重试 The appointment code is taken; try again"
        case let .unknownAppointment(c): return "没有该预约码 No such appointment: \(c)"
        case let .appointmentNotBooked(c, state): return "预约\(c)当前为\(state),不能办理 Appointment \(c) is \(state)"
        case let .appointmentNotToday(c, d, t): return "预约\(c)是\(d) \(t),不是今天 Appointment \(c) is for \(d) \(t), not today"
        case let .alreadyCheckedIn(c, t): return "预约\(c)已签到,号码\(t) Appointment \(c) is already checked in as \(t)"
        case let .tooEarlyToCheckIn(c, from): return "预约\(c)请于\(from)后签到 Appointment \(c): check in from \(from)"
        }
    }
}
