import Foundation
import Hummingbird
import KioskCore
import Logging

/// `kiosk central serve`: the city report over HTTP for a city's supervisors. One route,
/// `GET /central/report?date=D` (or `from=A&to=B`, `hall=ID` repeatable, `format=json|csv|html`),
/// with a bearer token of its own tokens file; `GET /healthz`. Each request reads the centre
/// through its own connection as the URL's role (a member of `kiosk_reader`).
///
/// It lives here, not in KioskServer: KioskServer is the hall's daemon and its `/v1` contract,
/// and a hall must not depend on the centre (nor link the centre's schema); this is the
/// centre's own small program. The terminal table stays on the command line, as for the
/// hall's `/v1/reports` (no display widths over HTTP).
public struct CentralHTTPServer: Sendable {
    public let address: CentralAddress
    public let tokens: CentralTokens
    public let logger: Logger

    public init(address: CentralAddress, tokens: CentralTokens, logger: Logger) {
        self.address = address
        self.tokens = tokens
        self.logger = logger
    }

    /// A refusal with a stable code, as the hall's API answers one.
    struct Refusal: Error, HTTPResponseError {
        var status: HTTPResponse.Status
        var code: String
        var message: String

        func response(from request: Request, context: some RequestContext) throws -> Response {
            let body = JSONValue.object([("error", .string(code)), ("message", .string(message))]).serialized()
            return Self.text(body + "\n", "application/json; charset=utf-8", status)
        }

        static func text(_ text: String, _ contentType: String, _ status: HTTPResponse.Status = .ok) -> Response {
            var headers = HTTPFields()
            headers[.contentType] = contentType
            return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
        }
    }

    /// Serves until SIGTERM or SIGINT, then finishes the requests in flight.
    public func run(host: String, port: Int, onReady: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        try await application(host: host, port: port, onReady: onReady).runService()
    }

    func application(host: String, port: Int, onReady: @escaping @Sendable (Int) async -> Void) -> some ApplicationProtocol {
        let router = Router()
        router.get("/healthz") { _, _ in Refusal.text("{\"status\":\"ok\"}\n", "application/json; charset=utf-8") }
        router.get("/central/report") { request, _ in try await report(request) }
        return Application(
            router: router, configuration: .init(address: .hostname(host, port: port), serverName: "kiosk-central"),
            onServerRunning: { channel in await onReady(channel.localAddress?.port ?? port) }, logger: logger
        )
    }

    func report(_ request: Request) async throws -> Response {
        guard tokens.allows(request.headers[.authorization]) else {
            throw Refusal(status: .unauthorized, code: "unauthorized", message: "a city supervisor's bearer token is required")
        }
        let query = request.uri.queryParameters
        let formatText = query.get("format") ?? "json"
        guard let format = ReportFormat(rawValue: formatText), format != .table else {
            throw Refusal(status: .badRequest, code: "invalid_format", message: "format must be json, csv or html")
        }
        let period: (from: BusinessDate, to: BusinessDate)
        do {
            period = try ReportPeriod.parse(date: query.get("date"), from: query.get("from"), to: query.get("to"))
        } catch {
            throw Refusal(status: .badRequest, code: "invalid_period", message: error.message)
        }
        guard period.from <= period.to, period.to.dayNumber - period.from.dayNumber < 366 else {
            throw Refusal(status: .badRequest, code: "invalid_period", message: "from must not be after to, and a report covers at most 366 days")
        }
        let halls: [String] = query.getAll("hall").map { String($0) }
        guard halls.allSatisfy(HallConfig.isValidHallID) else {
            throw Refusal(status: .badRequest, code: "invalid_hall", message: "hall must be a hall id (a–z, 0–9, '-', '_')")
        }
        let report: CityReport
        do {
            let session = try await CentralSession.connect(address, logger: logger)
            defer { Task { await session.close() } }
            report = try await CentralReportSource(session: session).cityReport(
                from: period.from, to: period.to, only: halls, today: QueueEngine(config: .defaultHall).calendar.businessDate(of: Date())
            )
        } catch {
            logger.warning("central report failed", metadata: ["error": "\(error)"])
            throw Refusal(status: .serviceUnavailable, code: "central_unavailable", message: "the central database cannot answer now")
        }
        switch format {
        case .json: return Refusal.text(report.jsonValue.serialized() + "\n", format.contentType)
        case .csv: return Refusal.text(report.csv, format.contentType)
        case .html, .table: return Refusal.text(report.html, ReportFormat.html.contentType)  // .table: refused above
        }
    }
}
