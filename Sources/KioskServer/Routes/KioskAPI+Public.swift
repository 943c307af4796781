import Foundation
import Hummingbird
import KioskAPI
import KioskCore

/// No token: health, metrics, the service list and one ticket's status (no PII in any).
extension KioskAPI {
    func registerPublic(on router: Router<BasicRequestContext>) {
        router.get("/healthz") { _, _ in
            JSONResponse.make(hall.health.answer)
        }
        router.get("/metrics") { _, _ in
            let now = hall.now(), metrics = self.metrics, config = self.config
            await hall.read { state in metrics.observe(state, config: config, at: now) }
            if let date = await hall.read({ $0.date }) {
                metrics.observeOutbox((try? hall.journal.smsOutcomes(from: date, to: date)) ?? [:])
            }
            return JSONResponse.text(metrics.render(), contentType: "text/plain; version=0.0.4; charset=utf-8")
        }
        router.get("/v1/services") { _, _ in
            let views = self.views, now = hall.now()
            return JSONResponse.make(ServiceList(services: await hall.read { state, estimator in
                views.services(in: state, at: now, estimates: estimator.estimates(in: state, at: now))
            }))
        }
        router.get("/v1/tickets/:number") { _, context in
            let number = try ticketNumber(context)
            let views = self.views, now = hall.now()
            let view = await hall.read { state, estimator in
                state.tickets[number].map { views.ticket($0, in: state, estimate: estimator.estimate(for: number, in: state, at: now)) }
            }
            guard let view else { throw QueueError.unknownTicket(number).apiError }
            return JSONResponse.make(view)
        }
    }
}
