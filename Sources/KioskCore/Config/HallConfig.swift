/// Everything the daemon knows about its hall: services, windows, sessions and the rules.
///
/// The JSON form is a superset of the trace format's `meta.config`, so a trace's config loads
/// as a hall config (missing keys take their defaults).
public struct HallConfig: Sendable, Equatable {
    /// `hall.id`, e.g. `fj-liancheng-rsj`: the hall's name in a central database (every row it
    /// ships is keyed by it, and its PostgreSQL role is named after it); required with
    /// `--central`, optional otherwise. Lower-case letters, digits, `-` and `_`, 1–40.
    public var id: String?
    /// Display name, e.g. 连城县人力资源和社会保障局 综合服务大厅.
    public var name: String
    public var nameEN: String
    /// `hall.short_name`, e.g. 连城人社: what the hall is called in a text message's 【signature】
    /// when `sms.signature` is not set; nil: the display name.
    public var shortName: String?
    /// IANA zone that defines the business date, e.g. `Asia/Shanghai`.
    public var timeZoneID: String
    /// When the kiosk issues tickets; tickets issued before a close are still served.
    public var sessions: [TimeSpan]
    public var numbering: NumberRange
    public var priority: PriorityRule
    public var recall: RecallRule
    /// How long after a no-show a supervisor may put the ticket back in line, in minutes.
    public var noShowReactivationMinutes: Int
    /// A line for the hall screen, e.g. 请携带身份证原件.
    public var notice: String
    /// `hall.address`: where the hall is, shown on the citizen's ticket page; nil: not shown.
    public var address: String?
    /// `hall.public_url`, e.g. `https://q.example.gov.cn`: the address phones reach the ticket
    /// pages at (`/t/…` behind it); the printed QR code is this plus the ticket's `page_url`.
    /// nil: the ticket machine uses the daemon's address as it knows it (the hall's Wi-Fi).
    /// No trailing slash.
    public var publicURL: String?
    public var services: [ServiceConfig]
    public var counters: [CounterConfig]
    /// SMS notifications: gateway, signature, templates (`Notification/SMSSettings.swift`).
    public var sms: SMSSettings
    /// The daemon's edges: timeouts, connection cap, kiosk rate limit, stream heartbeat
    /// (`Config/LimitSettings.swift`).
    public var limits = LimitSettings()
    /// The wait each service should keep to (`targets`); reports measure against it.
    public var targets = WaitTargets()
    /// Citizens' SMS replies ("1" on my way, "2" give up): whether messages invite them, and
    /// how many a number may send (`Config/ReplySettings.swift`).
    public var reply = ReplySettings()
    /// Days that are not working days although Monday–Friday (a 差评's follow-up skips them).
    public var holidays: [BusinessDate] = []
    /// Appointments (预约): slot length, how far ahead, notice, check-in window
    /// (`Config/AppointmentSettings.swift`); capacity is per service.
    public var appointments = AppointmentSettings()

    /// Whether any service takes appointments.
    public var takesAppointments: Bool { services.contains { $0.appointmentsPerSlot > 0 } }

    public init(
        name: String = "服务大厅", nameEN: String = "Service hall", timeZoneID: String = "Asia/Shanghai",
        sessions: [TimeSpan], numbering: NumberRange = NumberRange(), priority: PriorityRule = PriorityRule(),
        recall: RecallRule = RecallRule(), noShowReactivationMinutes: Int = 30, notice: String = "",
        services: [ServiceConfig], counters: [CounterConfig], shortName: String? = nil
    ) {
        self.name = name
        self.nameEN = nameEN
        self.shortName = shortName
        self.timeZoneID = timeZoneID
        self.sessions = sessions
        self.numbering = numbering
        self.priority = priority
        self.recall = recall
        self.noShowReactivationMinutes = noShowReactivationMinutes
        self.notice = notice
        self.services = services
        self.counters = counters
        self.sms = SMSSettings(signature: Self.signature(shortName: shortName, name: name))
    }

    /// The 【signature】 a hall without `sms.signature` signs its messages with: its own name,
    /// never another county's.
    public static func signature(shortName: String?, name: String) -> String {
        "【\(shortName ?? name)】"
    }

    public func service(_ code: ServiceCode) -> ServiceConfig? {
        services.first { $0.code == code }
    }

    public func counter(_ id: CounterID) -> CounterConfig? {
        counters.first { $0.id == id }
    }
}

/// A service's letter, e.g. `A`; also the ticket number's prefix.
public typealias ServiceCode = String
/// A window's id as written in the config, e.g. `3`.
public typealias CounterID = String

/// One kind of business the hall does, e.g. 失业登记.
public struct ServiceConfig: Sendable, Equatable {
    public var code: ServiceCode
    public var name: String
    public var nameEN: String
    /// What the citizen must bring, told at the kiosk so nobody queues without it.
    public var documents: [String]
    /// At most this many tickets a day; nil = no quota.
    public var dailyQuota: Int?
    /// When this service issues tickets; nil = the hall's sessions.
    public var hours: [TimeSpan]?
    /// The 办事指南 (basis, conditions, materials, steps, time limit, roles, fee, contact);
    /// nil: the service has none, and the kiosk shows only `documents`.
    public var guide: ServiceGuide?
    /// 即审: its cases need a reviewer's approval (`config check` refuses it without one).
    public var review = false
    /// Windows that review this service's cases, besides the windows with `reviews: true`.
    public var reviewers: [CounterID] = []
    /// Appointments per slot (`appointments_per_slot`); 0: the service takes none.
    public var appointmentsPerSlot: Int = 0

    public init(
        code: ServiceCode, name: String, nameEN: String = "", documents: [String] = [],
        dailyQuota: Int? = nil, hours: [TimeSpan]? = nil, guide: ServiceGuide? = nil
    ) {
        self.guide = guide
        self.code = code
        self.name = name
        self.nameEN = nameEN
        self.documents = documents
        self.dailyQuota = dailyQuota
        self.hours = hours
    }
}

/// How a window picks among the eligible tickets of the chosen class.
public enum CallPolicy: String, Sendable, Equatable, CaseIterable {
    /// The oldest eligible ticket (Qmatic's "longest waiting time").
    case fifo
    /// The oldest ticket of the first service in the window's list that has one.
    case serviceOrder = "service_order"
}

/// One window (counter) and the services it serves, in its order of preference.
public struct CounterConfig: Sendable, Equatable {
    public var id: CounterID
    /// As shown on the hall screen, e.g. 3号窗口.
    public var name: String
    public var services: [ServiceCode]
    public var policy: CallPolicy
    /// A reviewer's window (审核岗): it reviews the cases of every service handed over for
    /// review. It may serve no citizens' line at all (`services` empty).
    public var reviews: Bool
    /// Services this window's clerk may also take on (their B角 roles) when a supervisor adds
    /// them by a live config change: the staffing advice proposes no other service for it.
    public var mayServe: [ServiceCode]

    public init(
        id: CounterID, name: String? = nil, services: [ServiceCode], policy: CallPolicy = .fifo, reviews: Bool = false, mayServe: [ServiceCode] = []
    ) {
        self.id = id
        self.name = name ?? "\(id)号窗口"
        self.services = services
        self.policy = policy
        self.reviews = reviews
        self.mayServe = mayServe
    }
}

/// The daily number range per service: `A001` … `A999` by default.
public struct NumberRange: Sendable, Equatable {
    public var first: Int
    public var last: Int

    public init(first: Int = 1, last: Int = 999) {
        self.first = first
        self.last = last
    }
}

/// "One priority ticket after every N normal calls", counted for the whole hall or per window.
public struct PriorityRule: Sendable, Equatable {
    public enum Scope: String, Sendable, Equatable, CaseIterable {
        case hall, counter
    }

    /// N; 0 means strict priority.
    public var everyNNormal: Int
    public var scope: Scope
    /// A normal ticket that has waited this many minutes goes before everything; nil = off.
    public var ageingGuardMinutes: Int?
    /// The day starts with a priority call due: the first call takes a waiting priority ticket
    /// (an elderly citizen waiting at 08:00 is not sent behind N normal tickets). Off by
    /// default, as in the trace format, so estimate comparisons on traces stay valid.
    public var startDue: Bool

    public init(everyNNormal: Int = 3, scope: Scope = .hall, ageingGuardMinutes: Int? = nil, startDue: Bool = false) {
        self.everyNNormal = everyNNormal
        self.scope = scope
        self.ageingGuardMinutes = ageingGuardMinutes
        self.startDue = startDue
    }

    /// The count of normal calls a day starts with: N when `startDue` (a priority call is due
    /// at once), else 0.
    public var initialNormalCalls: Int { startDue ? everyNNormal : 0 }
}

/// How often and how many times a called ticket is called again before it is a no-show.
public struct RecallRule: Sendable, Equatable {
    /// Seconds between a call and the next recall (and after the last recall, the no-show).
    public var intervalSeconds: Double
    public var maxRecalls: Int
    /// When true, `tick` recalls and then marks no-show by itself; when false only the clerk does.
    public var automatic: Bool

    public init(intervalSeconds: Double = 60, maxRecalls: Int = 2, automatic: Bool = true) {
        self.intervalSeconds = intervalSeconds
        self.maxRecalls = maxRecalls
        self.automatic = automatic
    }
}

extension HallConfig {
    /// A `hall.id` a central database can key rows by and name a role after.
    public static func isValidHallID(_ id: String) -> Bool {
        guard (1...40).contains(id.count), let first = id.unicodeScalars.first, first != "-", first != "_" else { return false }
        return id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }

    /// Why this config cannot ship to a centre (nil: it can): the centre keys rows by `hall.id`.
    public var centralProblem: String? {
        id == nil ? "hall.id is required with --central: the centre keys every row this hall ships by it (e.g. \"hall\": {\"id\": \"fj-liancheng-rsj\", …})" : nil
    }
}
