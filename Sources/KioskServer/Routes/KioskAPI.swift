import Foundation
import Hummingbird
import KioskAPI
import KioskCore
import KioskSMS
import KioskStore
import KioskWeb
import Logging

/// The HTTP API under `/v1`: one place that knows routes, roles and how commands map to the
/// hall. Handlers never throw anything but `APIError` (see `ErrorMiddleware`).
struct KioskAPI: Sendable {
    let hall: Hall
    /// The tokens as they are now (a rotated token stops working without a restart).
    let tokens: TokenStore
    /// The kiosk role's rate limit and cancel window.
    let kioskGuard: KioskRoleGuard
    let metrics: ServerMetrics
    let logger: Logger
    /// Checks delivery-report signatures; nil: every report is refused.
    let reportSigner: DeliveryReportSigner?
    /// The key a citizen's reply must come with (`/v1/sms/mo`); nil: every reply is refused.
    let replyKey: ReplyKey?
    /// The keys that open the citizens' ticket pages (`/t/…`).
    let pageKeys: TicketPageKeys
    /// The pages' templates (`web/templates`, parsed at start).
    let templates: WebTemplates
    /// The config file the daemon was started on (for an `add_service` advice's command).
    var configFile: String? = nil
    /// Serialises closing 差评 follow-ups (one close per follow-up).
    let followUps = FollowUpDesk()
    /// `GET /v1/hall` rendered once per snapshot, projection and minute, for every screen.
    let hallViewCache = HallViewCache()
    var views: HallViews { HallViews(engine: hall.engine) }
    var config: HallConfig { hall.engine.config }

    func register(on router: Router<KioskRequestContext>) {
        registerPublic(on: router)
        registerKiosk(on: router)
        registerAppointments(on: router)
        registerWindows(on: router)
        registerSupervisor(on: router)
        registerDisplay(on: router)
        registerSMS(on: router)
        registerReplies(on: router)
        registerReports(on: router)
        registerAdvice(on: router)
        registerRatings(on: router)
        registerAdmin(on: router)
        registerConfig(on: router)
        registerStatic(on: router)
        registerTicketPages(on: router)
    }

    /// The caller's role, or 401.
    func authenticate(_ request: Request) throws -> Role {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer "),
              let role = tokens.current.role(for: String(header.dropFirst("Bearer ".count)))
        else { throw APIError.unauthorized }
        return role
    }

    /// The caller's role if `allowed`, else 401 (no valid token) or 403 (wrong role).
    @discardableResult
    func authorize(_ request: Request, _ what: String, allowed: (Role) -> Bool) throws -> Role {
        let role = try authenticate(request)
        guard allowed(role) else { throw APIError.forbidden("无权\(what) The \(role.auditName) token may not \(what)") }
        return role
    }

    /// Runs a command on the hall; a refusal becomes its 404/409, a journal failure a 503.
    func run<View: Sendable>(
        _ command: Command, contact: TicketContact? = nil, issueKey: IssueKey? = nil,
        view: @Sendable (HallState, WaitEstimator, [HallEvent]) -> View
    ) async throws -> Hall.Outcome<View> {
        try await decided { try await hall.execute(command, contact: contact, issueKey: issueKey, view: view) }
    }

    /// Runs `body` (a decision of the hall); a refusal becomes its 404/409, a journal failure a 503.
    func decided<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as QueueError {
            throw error.apiError
        } catch let error as TurnAfterClosing {
            throw APIError(.conflict, error.code, error.message)
        } catch is JournalUnavailable {
            throw APIError(.serviceUnavailable, "journal_unavailable", "暂时无法保存,请重试 The journal could not commit; nothing was changed, try again")
        }
    }

    /// `run` for a command answered with its events only.
    func run(_ command: Command) async throws -> EventsAnswer {
        EventsAnswer(events: eventLines(try await run(command) { _, _, _ in () }))
    }

    /// The events a command committed, as the stream shows them.
    func eventLines<View>(_ outcome: Hall.Outcome<View>) -> [EventLine] {
        zip(outcome.events, outcome.seqs).map { views.event($0, seq: $1) }
    }

    /// A ticket number from a path, normalised (`a23` is not a number; `a023` is `A023`).
    func ticketNumber(_ context: KioskRequestContext) throws -> TicketNumber {
        let raw = context.parameters.get("number")?.uppercased() ?? ""
        guard raw.count == 4, raw.first.map({ ("A"..."Z").contains($0) }) == true, raw.dropFirst().allSatisfy(\.isNumber) else {
            throw QueueError.unknownTicket(String(raw.prefix(8))).apiError
        }
        return raw
    }

    func windowID(_ context: KioskRequestContext) throws -> CounterID {
        let id = context.parameters.get("id") ?? ""
        guard config.counter(id) != nil else { throw QueueError.unknownCounter(String(id.prefix(8))).apiError }
        return id
    }
}
