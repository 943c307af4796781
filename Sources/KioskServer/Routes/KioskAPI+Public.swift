import Foundation
import Hummingbird
import KioskCore

/// No token: health, metrics, the service list and one ticket's status (no PII in any).
extension KioskAPI {
    func registerPublic(on router: Router<BasicRequestContext>) {
        router.get("/healthz") { _, _ in
            JSONResponse.make(["status": "ok"])
        }
        router.get("/metrics") { _, _ in
            JSONResponse.text(metrics.render(), contentType: "text/plain; version=0.0.4; charset=utf-8")
        }
        router.get("/v1/services") { _, _ in
            let state = await hall.state
            return JSONResponse.make(["services": views.services(in: state, at: hall.now())])
        }
        router.get("/v1/tickets/:number") { _, context in
            let number = try ticketNumber(context)
            let state = await hall.state
            guard let ticket = state.tickets[number] else { throw QueueError.unknownTicket(number).apiError }
            return JSONResponse.make(views.ticket(ticket, in: state))
        }
    }
}
