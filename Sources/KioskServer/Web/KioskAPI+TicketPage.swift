import Foundation
import Hummingbird
import KioskAPI
import KioskCore
import KioskWeb

/// The citizen's ticket page behind the QR code: `/t/{date}/{ticket}?k={key}`, its live stream
/// and its rating form. No token: the key printed on the ticket is what opens them, and without
/// the right key (or for another day's ticket) every one answers 404, as if there were no such
/// ticket. They show the ticket's public view only (no priority flag, no phone number).
extension KioskAPI {
    func registerTicketPages(on router: Router<KioskRequestContext>) {
        router.get("/t/:date/:number") { request, context in
            guard let path = pagePath(request, context), let html = renderTicketPage(path) else { return notFoundPage() }
            return HTMLResponse.make(html)
        }

        router.get("/t/:date/:number/events") { request, context in
            guard let path = pagePath(request, context), ticketView(path) != nil else {
                throw APIError(.notFound, "unknown_ticket", "没有该票 No such ticket")
            }
            return try await ticketStream(path)
        }

        router.post("/t/:date/:number/rating") { request, context in
            guard let path = pagePath(request, context), ticketView(path) != nil else { return notFoundPage() }
            let form = try await FormBody.read(request)
            guard let score = form["score"].flatMap({ Int($0) }), RatingScale.scores.contains(score) else {
                return ratingRefused(path, status: .badRequest, .init(zh: "请选择 1 到 5 之间的评价。", en: "Choose one of the five levels."))
            }
            do {
                _ = try await run(.rateTicket(ticket: path.ticket, score: score, reason: nil)) { _, _, _ in () }
            } catch let error as APIError {
                return ratingRefused(path, status: error.status, Self.ratingNotice(error))
            }
            // Post, redirect, get: a reload shows the thanks, it does not post again.
            return HTMLResponse.seeOther(path.page)
        }
    }

    /// The ticket a page address names, when its key is right and it is today's; nil otherwise
    /// (every such case answers the same 404).
    func pagePath(_ request: Request, _ context: KioskRequestContext) -> TicketPagePath? {
        let raw = (context.parameters.get("number") ?? "").uppercased()
        guard let dateText = context.parameters.get("date"), let date = BusinessDate(dateText),
              raw.count == 4, raw.first.map({ ("A"..."Z").contains($0) }) == true, raw.dropFirst().allSatisfy(\.isASCII),
              raw.dropFirst().allSatisfy(\.isNumber),
              let key = request.uri.queryParameters.get("k"), pageKeys.isValid(key, date: date, ticket: raw)
        else { return nil }
        return TicketPagePath(date: date.description, ticket: raw, key: key)
    }

    /// The page's model from the hall as of its last commit; nil when the ticket is not today's.
    func ticketView(_ path: TicketPagePath, snapshot: PublishedHall.Snapshot? = nil, notice: TicketPage.Notice? = nil) -> TicketPage? {
        let snapshot = snapshot ?? hall.published.current
        guard snapshot.state.date?.description == path.date, let ticket = snapshot.state.tickets[path.ticket] else { return nil }
        let views = HallViews(engine: snapshot.engine)
        let status = views.ticket(ticket, in: snapshot.state, estimate: hall.published.currentEstimates.byTicket[ticket.number], isPublic: true)
        let config = snapshot.engine.config
        let service = config.service(ticket.service)
        var isDone = false
        if case .done = ticket.state { isDone = true }
        return TicketPage(
            status: status, hall: TicketPage.Hall(config), serviceNameEN: service?.nameEN ?? "", documents: service?.documents ?? [],
            pagePath: path, rating: ticket.rating, rateable: isDone && ticket.finishedBy != nil, updatedAt: views.clock(hall.now()), notice: notice,
            guide: service?.guide
        )
    }

    func renderTicketPage(_ path: TicketPagePath, notice: TicketPage.Notice? = nil) -> String? {
        ticketView(path, notice: notice).flatMap { templates.render($0, with: "ticket") }
    }

    func notFoundPage() -> Response {
        HTMLResponse.make(templates.render(NotFoundPage(chrome: WebChrome(hallName: config.name, hallNameEN: config.nameEN)), with: "not-found") ?? "", status: .notFound)
    }

    func ratingRefused(_ path: TicketPagePath, status: HTTPResponse.Status, _ notice: TicketPage.Notice) -> Response {
        guard let html = renderTicketPage(path, notice: notice) else { return notFoundPage() }
        return HTMLResponse.make(html, status: status)
    }

    static func ratingNotice(_ error: APIError) -> TicketPage.Notice {
        switch error.code {
        case "already_rated": .init(zh: "这张票已经评价过了，每张票只能评价一次。", en: "This ticket has already been rated: one rating per ticket.")
        case "not_finished": .init(zh: "办结之后才能评价。", en: "A ticket can be rated once it is finished.")
        default: .init(zh: "评价未能保存，请稍后再试。", en: "The rating could not be saved (\(error.code)); please try again.")
        }
    }

    /// The per-ticket stream: an `event: ticket` with the public view and the status section
    /// (rendered by the page's own template) at once and whenever the view changes; comments
    /// as heartbeats. It follows the hall's committed events, like `/v1/events`, and shows
    /// nothing of any other ticket.
    func ticketStream(_ path: TicketPagePath) async throws -> Response {
        let stream = try HallEventStream(hall)
        let api = self
        return stream.response(retryMilliseconds: 2000, cacheControl: "no-store") { writer in
            var last: String?
            /// The update for the hall as of `snapshot`, nil when nothing the citizen sees changed.
            func update(_ snapshot: PublishedHall.Snapshot) -> ByteBuffer? {
                guard let page = api.ticketView(path, snapshot: snapshot),
                      let html = api.templates.render(page.status, with: "ticket-status"),
                      let view = api.publicStatus(path, snapshot: snapshot) else { return nil }
                // What changed for the citizen: the view and whether it is rated (not the clock).
                let identity = ((try? APICoding.string(view)) ?? "") + "|\(page.status.rated)|\(page.status.rateable)"
                guard identity != last else { return nil }
                last = identity
                guard let json = try? APICoding.string(TicketPageUpdate(ticket: view, html: html)) else { return nil }
                return ByteBuffer(string: "event: ticket\ndata: \(json)\n\n")
            }
            if let first = update(api.hall.published.current) { try await writer.write(first) }
            for await item in stream.events {
                switch item {
                case let .event(event):
                    // The snapshot is published right after the commit's events are handed
                    // out: read it once the hall has finished that commit.
                    var snapshot = api.hall.published.current
                    if snapshot.seq < event.seq { snapshot = await api.hall.committedSnapshot() }
                    if let next = update(snapshot) { try await writer.write(next) }
                case .heartbeat:
                    // Estimates move without events (they are projected once a second).
                    try await writer.write(update(api.hall.published.current) ?? Self.heartbeat)
                }
            }
        }
    }

    /// The ticket's public view (`GET /v1/tickets/{n}`) as of `snapshot`.
    func publicStatus(_ path: TicketPagePath, snapshot: PublishedHall.Snapshot) -> TicketStatus? {
        guard let ticket = snapshot.state.tickets[path.ticket] else { return nil }
        return HallViews(engine: snapshot.engine).ticket(
            ticket, in: snapshot.state, estimate: hall.published.currentEstimates.byTicket[ticket.number], isPublic: true
        )
    }
}

/// One message of the per-ticket stream.
struct TicketPageUpdate: Encodable {
    var ticket: TicketStatus
    /// The page's status section, rendered by `web/templates/ticket-status.mustache`.
    var html: String
}

/// The model of `web/templates/not-found.mustache`.
struct NotFoundPage {
    var chrome: WebChrome
}
