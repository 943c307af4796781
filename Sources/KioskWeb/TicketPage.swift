import KioskAPI
import KioskCore

/// The citizen's ticket page (`web/templates/ticket.mustache`): the number, the service, the
/// live status, what to bring, where and when the hall is open.
public struct TicketPage: Sendable {
    public var chrome: WebChrome
    public var ticket: String
    public var serviceName: String
    public var serviceNameEN: String
    public var hasDocuments: Bool
    public var documents: [String]
    public var address: String?
    /// The hall's sessions, `08:00–12:00, 14:30–17:30`.
    public var hours: String
    /// The per-ticket event stream (with the key).
    public var streamURL: String
    public var script: String
    /// Seconds between refreshes when scripts are off.
    public var refreshSeconds: Int
    /// A message above the status (a refused rating).
    public var notice: Notice?
    /// The live part, also sent alone on the stream (`ticket-status`).
    public var status: TicketStatusPart
    /// The service's guide (办事指南), when it has one; `documents` are then its materials with
    /// originals or copies and counts, as the printed ticket lists them.
    public var guide: GuideCard?
    /// An appointment's ticket (预约): its slot, shown under the number.
    public var appointmentTime: String?

    public struct Notice: Sendable {
        public var zh: String
        public var en: String

        public init(zh: String, en: String) {
            self.zh = zh
            self.en = en
        }
    }

    /// The hall facts a page shows.
    public struct Hall: Sendable {
        public var name: String
        public var nameEN: String
        public var address: String?
        public var sessions: [TimeSpan]
        /// How long a supervisor may put a no-show back in line, minutes.
        public var reactivateMinutes: Int

        public init(name: String, nameEN: String, address: String?, sessions: [TimeSpan], reactivateMinutes: Int) {
            self.name = name
            self.nameEN = nameEN
            self.address = address
            self.sessions = sessions
            self.reactivateMinutes = reactivateMinutes
        }

        public init(_ config: HallConfig) {
            self.init(
                name: config.name, nameEN: config.nameEN, address: config.address, sessions: config.sessions,
                reactivateMinutes: config.noShowReactivationMinutes
            )
        }
    }

    /// - Parameters:
    ///   - status: the ticket's public view (`GET /v1/tickets/{n}`).
    ///   - pagePath: the page's own address with its key (`/t/2026-03-02/A023?k=…`).
    ///   - rating: the rating given, if any; `rateable`: whether the page may offer the levels.
    public init(
        status: TicketStatus, hall: Hall, serviceNameEN: String, documents: [String], pagePath: TicketPagePath,
        rating: Int?, rateable: Bool, updatedAt: String, notice: Notice? = nil, guide: ServiceGuide? = nil
    ) {
        self.guide = guide.map(GuideCard.init)
        appointmentTime = status.appointmentTime
        let shown = guide.map { $0.materials.map(\.line) }.flatMap { $0.isEmpty ? nil : $0 } ?? documents
        chrome = WebChrome(hallName: hall.name, hallNameEN: hall.nameEN)
        ticket = status.ticket
        serviceName = status.serviceName
        self.serviceNameEN = serviceNameEN
        hasDocuments = !shown.isEmpty
        self.documents = shown
        address = hall.address
        hours = hall.sessions.map(\.description).joined(separator: ", ")
        streamURL = pagePath.stream
        script = WebAssets.named("ticket.js")?.path ?? "/static/ticket.js"
        refreshSeconds = 20
        self.notice = notice
        self.status = TicketStatusPart(
            status: status, reactivateMinutes: hall.reactivateMinutes, ratingURL: pagePath.rating, rating: rating, rateable: rateable,
            updatedAt: updatedAt
        )
    }
}

/// A ticket page's addresses: the page, its stream and its rating form, each with the key.
public struct TicketPagePath: Sendable, Equatable {
    public var date: String
    public var ticket: String
    public var key: String

    public init(date: String, ticket: String, key: String) {
        self.date = date
        self.ticket = ticket
        self.key = key
    }

    /// `/t/2026-03-02/A023?k=…`: what the ticket prints (after the hall's public address).
    public var page: String { "/t/\(date)/\(ticket)?k=\(key)" }
    public var stream: String { "/t/\(date)/\(ticket)/events?k=\(key)" }
    public var rating: String { "/t/\(date)/\(ticket)/rating?k=\(key)" }
}
