/// Why a text message is sent: one per moment in a ticket's life that a citizen should hear of.
public enum SMSTrigger: String, Sendable, Hashable, CaseIterable, Comparable {
    /// The ticket was printed: number, people ahead, estimate (only when a phone was left).
    case issued
    /// The turn is near: the estimator's heads-up time passed (or few people are ahead).
    case nearTurn = "near_turn"
    /// The first call: "请A023号到3号窗口办理".
    case yourTurn = "your_turn"
    /// Called again (the first recall only: at most one message per trigger and recipient).
    case recalled
    /// Marked no-show: how to get back in line.
    case noShow = "no_show"
    /// The ticket was given up (a reply of "2", or at the kiosk): the one confirmation.
    case cancelled
    /// A reply that was neither "1" nor "2": what the citizen may answer (once per ticket).
    case replyHelp = "reply_help"
    /// A priority ticket's call went unanswered and it was set aside: one more message, to the
    /// caretaker only (the citizen already has the call).
    case escalated
    /// 即审: the case was approved and the citizen is called back for the result.
    case reviewApproved = "review_approved"
    /// 即审: the case was returned; the citizen is called back and told what is missing.
    case reviewReturned = "review_returned"
    /// 预约: the day before the slot (at `appointments.remind_day_before_at`): date, time, code.
    /// About an appointment, not a ticket: the message's `ticket` is the appointment's code.
    case appointmentTomorrow = "appointment_tomorrow"
    /// 预约: `appointments.remind_before_min` before the slot: "your appointment is near".
    case appointmentSoon = "appointment_soon"

    public static func < (a: SMSTrigger, b: SMSTrigger) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// Who hears of it: the caretaker of an elderly citizen only needs to know when to bring
    /// them to the window (near turn, your turn).
    public var includesCaretaker: Bool {
        switch self {
        case .nearTurn, .yourTurn, .cancelled, .escalated, .reviewApproved, .reviewReturned: return true
        case .issued, .recalled, .noShow, .replyHelp, .appointmentTomorrow, .appointmentSoon: return false
        }
    }

    /// Whether the citizen's own number hears of it (all but the caretaker's escalation message).
    public var includesCitizen: Bool {
        self != .escalated
    }

    /// Messages that end with the hall's reply invitation when replies are on (`ReplySettings`):
    /// the ones that ask the citizen to come.
    public var invitesReply: Bool {
        self == .nearTurn || self == .yourTurn
    }

    /// Whether the message is about an appointment (its `ticket` is the booking's code): the
    /// notifier asks the appointment's state, not a ticket's, before sending it.
    public var isAppointmentReminder: Bool {
        self == .appointmentTomorrow || self == .appointmentSoon
    }

    /// Whether a reminder still means something for an appointment now in `state` (nil: not in
    /// the book): only while it is booked (a cancelled, checked-in or released one is stale).
    public func isCurrent(forAppointment state: Appointment.State?) -> Bool {
        isAppointmentReminder && state == .booked
    }

    /// Whether a message of this kind still means something for a ticket now in `state`
    /// (nil: the ticket is not in today's hall). A stale message is dropped, never sent:
    /// "your turn" to a citizen already at the window, or "near turn" after the call, confuses;
    /// so does a call naming `window` when the ticket is now called at another one.
    public func isCurrent(for state: TicketState?, window: CounterID? = nil) -> Bool {
        guard let state else { return false }
        switch (self, state) {
        case (.issued, .waiting), (.nearTurn, .waiting): return true
        case let (.yourTurn, .called(counter, _, _)), let (.recalled, .called(counter, _, _)),
             let (.reviewApproved, .called(counter, _, _)), let (.reviewReturned, .called(counter, _, _)):
            return window == nil || window == counter
        case (.noShow, .noShow), (.cancelled, .cancelled): return true
        case (.replyHelp, .waiting), (.replyHelp, .called), (.replyHelp, .parked): return true
        case let (.escalated, .parked(counter, _)): return window == nil || window == counter
        default: return false
        }
    }

    /// How long after the triggering moment the message is still worth sending, in seconds.
    /// A call lasts as long as its recalls; a no-show can be undone within the reactivation window.
    public func lifetime(in config: HallConfig) -> Double {
        let callWindow = max(120, config.recall.intervalSeconds * Double(config.recall.maxRecalls + 1))
        switch self {
        case .issued: return 20 * 60
        case .nearTurn: return 15 * 60
        case .yourTurn, .reviewApproved, .reviewReturned: return callWindow
        case .recalled: return max(120, config.recall.intervalSeconds * Double(max(1, config.recall.maxRecalls)))
        case .noShow: return Double(max(10, config.noShowReactivationMinutes)) * 60
        case .cancelled, .replyHelp: return 10 * 60
        case .escalated: return 15 * 60
        // The planner (`AppointmentReminders`) sets their deadlines; these are the defaults.
        case .appointmentTomorrow: return 4 * 3600
        case .appointmentSoon: return Double(max(1, config.appointments.remindBeforeMinutes)) * 60
        }
    }
}

/// Which of a ticket's numbers a message goes to.
public enum SMSRecipient: String, Sendable, Hashable, CaseIterable {
    case citizen
    case caretaker
}
