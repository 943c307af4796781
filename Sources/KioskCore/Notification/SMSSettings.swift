import Foundation

/// The hall config's `"sms"` section: which gateway, how to reach it, the signature and the
/// message templates.
public struct SMSSettings: Sendable, Equatable {
    /// Where messages go.
    public enum Gateway: String, Sendable, Equatable, CaseIterable {
        /// A log outbox (a file in the data directory and the logger): the demo default.
        case log
        /// Kannel's `sendsms` HTTP interface.
        case kannel
        /// A generic JSON webhook: POST JSON with a bearer token.
        case webhook
    }

    public var gateway: Gateway
    /// Kannel's `…/cgi-bin/sendsms` or the webhook's URL.
    public var url: String?
    /// Kannel's `sendsms-user`.
    public var username: String?
    public var password: String?
    /// The webhook's bearer token.
    public var token: String?
    /// The sender id (`from`); nil lets the gateway choose.
    public var sender: String?
    /// Prepended to every message, e.g. `【连城人社】`; it counts towards the 70 characters. A
    /// hall config always sets it: `sms.signature`, else 【hall.short_name】 (`HallConfig`).
    public var signature: String
    /// One template per trigger; a trigger without a template sends nothing.
    public var templates: [SMSTrigger: SMSTemplate]
    /// Where the gateway reaches this daemon for delivery reports, e.g. `http://127.0.0.1:8080`;
    /// nil: the daemon's own listening address.
    public var callbackURL: String?
    /// Until the estimator has a heads-up time for a ticket: send "near turn" when at most this
    /// many people are ahead.
    public var headsUpAhead: Int
    /// No "near turn" message sooner than this many seconds after the ticket was printed: the
    /// citizen is still at the kiosk holding the ticket (and the "issued" message) that tells
    /// the wait; a heads-up then informs nobody and teaches people to ignore the next one.
    public var headsUpHoldSeconds: Double
    /// Messages in flight at once.
    public var concurrency: Int
    /// Attempts before a message is given up as failed.
    public var maxAttempts: Int
    /// Longest wait for one gateway request, in seconds.
    public var timeoutSeconds: Double

    public init(
        gateway: Gateway = .log, url: String? = nil, username: String? = nil, password: String? = nil,
        token: String? = nil, sender: String? = nil, signature: String = "",
        templates: [SMSTrigger: SMSTemplate] = SMSSettings.defaultTemplates, callbackURL: String? = nil,
        headsUpAhead: Int = 3, headsUpHoldSeconds: Double = 120, concurrency: Int = 4, maxAttempts: Int = 8, timeoutSeconds: Double = 10
    ) {
        self.gateway = gateway
        self.url = url
        self.username = username
        self.password = password
        self.token = token
        self.sender = sender
        self.signature = signature
        self.templates = templates
        self.callbackURL = callbackURL
        self.headsUpAhead = headsUpAhead
        self.headsUpHoldSeconds = headsUpHoldSeconds
        self.concurrency = concurrency
        self.maxAttempts = maxAttempts
        self.timeoutSeconds = timeoutSeconds
    }

    /// The earliest moment a "near turn" message may go out for a ticket printed at `issuedAt`.
    public func earliestHeadsUp(issuedAt: Date) -> Date {
        issuedAt.addingTimeInterval(headsUpHoldSeconds)
    }

    /// The one heads-up rule, as a moment: when a waiting ticket's "near turn" message falls
    /// due, given the estimator's heads-up time (`headsUpAt`, nil when there is no estimate)
    /// and how many of its service wait ahead of it. Nobody ahead: as soon as the hold
    /// allows; no estimate: then too if at most `headsUpAhead` are ahead, otherwise unknown
    /// (nil); else the later of the estimator's moment and the hold. The daemon's heads-up
    /// pass (`NotificationTriggers.isHeadsUpDue`) and `kiosk replay` both ask this.
    public func headsUpDue(issuedAt: Date, ahead: Int, headsUpAt: Date?) -> Date? {
        let earliest = earliestHeadsUp(issuedAt: issuedAt)
        guard ahead > 0 else { return earliest }
        guard let headsUpAt else { return ahead <= headsUpAhead ? earliest : nil }
        return max(earliest, headsUpAt)
    }

    /// Short enough for any hall whose window names stay under 20 characters.
    public static let defaultTemplates: [SMSTrigger: SMSTemplate] = {
        var t: [SMSTrigger: SMSTemplate] = [:]
        t[.issued] = try! SMSTemplate("您已取{ticket}号，前面{ahead}人，预计等候约{wait_min}分钟，叫号时将短信通知。")
        t[.nearTurn] = try! SMSTemplate("{ticket}号快到了，前面还有{ahead}人，请回到大厅留意叫号。")
        t[.yourTurn] = try! SMSTemplate("请{ticket}号到{window}办理。")
        t[.recalled] = try! SMSTemplate("再次叫号：请{ticket}号尽快到{window}办理，逾时将视为过号。")
        t[.noShow] = try! SMSTemplate("{ticket}号已过号。如需办理，请到服务台申请恢复排队或重新取号。")
        t[.cancelled] = try! SMSTemplate("{ticket}号已取消排队。如需办理，请重新取号。")
        t[.replyHelp] = try! SMSTemplate("{ticket}号：回复1确认前往，回复2放弃排队。")
        t[.escalated] = try! SMSTemplate("{ticket}号已叫号但未确认，号码为您保留，请尽快陪同到{window}办理。")
        t[.reviewApproved] = try! SMSTemplate("请{ticket}号回到{window}领取结果。")
        t[.reviewReturned] = try! SMSTemplate("{ticket}号审核退回：{reason}。请回到{window}补正。")
        t[.appointmentTomorrow] = try! SMSTemplate("您预约了{date}{time}办理{service}，预约码{code}，请按时到大厅取号机签到。")
        t[.appointmentSoon] = try! SMSTemplate("您预约的{service}将于{time}开始，请到大厅取号机输入预约码{code}签到。")
        return t
    }()

    /// The signature plus the rendered template.
    public func text(_ trigger: SMSTrigger, _ values: [SMSTemplate.Field: String]) -> String? {
        templates[trigger].map { signature + $0.render(values) }
    }

    /// The longest message `trigger` can produce in `config`'s hall, signature included, in
    /// UTF-16 units.
    public func worstCaseLength(_ trigger: SMSTrigger, in config: HallConfig) -> Int? {
        templates[trigger].map {
            signature.utf16.count + $0.worstCaseLength(SMSTemplate.fieldBounds(for: config)) + config.reply.invitationLength(trigger)
        }
    }
}
