import Foundation
import Hummingbird
import KioskAPI
import KioskCore

/// No token: health, metrics, the service list and one ticket's status (no PII in any).
extension KioskAPI {
    func registerPublic(on router: Router<KioskRequestContext>) {
        router.get("/healthz") { _, _ in
            JSONResponse.make(hall.health.answer)
        }
        router.get("/metrics") { _, _ in
            let now = hall.now(), metrics = self.metrics, config = self.config
            await hall.read { state in metrics.observe(state, config: config, at: now) }
            if let date = await hall.read({ $0.date }) {
                metrics.observeOutbox((try? await hall.journal.smsOutcomes(from: date, to: date)) ?? [:])
            }
            return JSONResponse.text(metrics.render(), contentType: "text/plain; version=0.0.4; charset=utf-8")
        }
        // Public reads never enter the hall actor: they are answered from the hall as of its last
        // commit (`PublishedHall`), so a flood of them cannot delay a clerk's call.
        router.get("/v1/services") { _, _ in
            let snapshot = hall.published.current, estimates = hall.published.currentEstimates
            // The snapshot's own rules: the services of the config its state was folded under.
            let views = HallViews(engine: snapshot.engine)
            return JSONResponse.make(ServiceList(services: views.services(in: snapshot.state, at: hall.now(), projection: estimates.line)))
        }
        // The 办事指南, read where the citizen decides (the ticket machine, a phone) before
        // queueing. From the published snapshot's config: a live config change shows at once.
        router.get("/v1/services/:code/guide") { _, context in
            let raw = context.parameters.get("code") ?? ""
            let config = hall.published.current.engine.config
            guard let service = config.service(raw.uppercased()) else {
                throw QueueError.unknownService(String(raw.prefix(8))).apiError
            }
            guard let guide = service.guide else {
                throw APIError(.notFound, "no_guide", "本业务暂无办事指南,请咨询工作人员 \(service.code) \(service.name) has no service guide; please ask staff")
            }
            return JSONResponse.make(ServiceGuideAnswer(service: service, guide: guide))
        }
        router.get("/v1/tickets/:number") { _, context in
            let number = try ticketNumber(context)
            let snapshot = hall.published.current
            guard let ticket = snapshot.state.tickets[number] else { throw QueueError.unknownTicket(number).apiError }
            let estimate = hall.published.currentEstimates.byTicket[number]
            return JSONResponse.make(HallViews(engine: snapshot.engine).ticket(ticket, in: snapshot.state, estimate: estimate, isPublic: true))
        }
    }
}
