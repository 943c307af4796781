import Foundation
import KioskAPI
import KioskCore
import KioskHTTPClient
import KioskTestSupport
import Testing

/// The daemon's live answers decode as the KioskAPI types every client reads them with, and
/// the typed requests the clients send are the ones the daemon accepts.
@Suite(.timeLimit(.minutes(2)))
struct TypedAnswerTests {
    func decode<Answer: Decodable>(_ type: Answer.Type, _ response: APIResponse, status: Int = 200) throws -> Answer {
        #expect(response.status == status, "\(response.text)")
        return try APICoding.decode(type, from: response.text)
    }

    func body(_ body: CommandBody) throws -> Data {
        try APICoding.encode(body)
    }

    @Test func everyAnswerOfADayDecodesAsItsType() async throws {
        try await TestDaemon.with { daemon in
            let api = daemon.client
            let request = IssueTicketRequest(service: "A", priority: false, phone: "13800138000", caretakerPhone: "13900139000")
            let issued = try decode(IssuedTicketAnswer.self, try await api.send(.post, "/v1/tickets", as: .kiosk, body: body(.issue(request))), status: 201)
            #expect(issued.ticket.ticket == "A001" && issued.ticket.priority == false)
            #expect(issued.smsTo == "138****8000" && issued.smsCaretaker == "139****9000")
            #expect(issued.statusURL == "/v1/tickets/A001")
            _ = try decode(IssuedTicketAnswer.self, try await api.send(.post, "/v1/tickets", as: .kiosk, body: body(.issue(IssueTicketRequest(service: "A")))), status: 201)

            let called = try decode(WindowCommandAnswer.self, try await api.window("1", "call"))
            #expect(called.window.current?.ticket == "A001" && called.window.current?.state == "called")
            #expect(called.events.contains { $0.kind == "call" && $0.seq != nil && $0.date != nil })
            let window = try decode(WindowStatus.self, try await api.get("/v1/windows/1", as: .window("1")))
            #expect(window.current?.calls == 1)
            let parked = try decode(WindowCommandAnswer.self, try await api.send(.post, "/v1/windows/1/park", as: .window("1"), body: body(.none)))
            #expect(parked.window.current == nil && parked.window.parked == ["A001"])
            let unparked = try decode(WindowCommandAnswer.self, try await api.send(
                .post, "/v1/windows/1/unpark", as: .window("1"), body: body(.ticket(TicketChoiceRequest(ticket: "A001")))
            ))
            #expect(unparked.window.current?.ticket == "A001")
            let paused = try decode(WindowCommandAnswer.self, try await api.send(
                .post, "/v1/windows/2/pause", as: .window("2"), body: body(.pause(PauseRequest(until: "23:50")))
            ))
            #expect(paused.window.status == "paused" && paused.window.backAt == "23:50")

            let ticket = try decode(TicketStatus.self, try await api.get("/v1/tickets/A002"))
            #expect(ticket.state == "waiting" && ticket.peopleAhead == 0)
            let cancelled = try decode(EventsAnswer.self, try await api.post("/v1/tickets/A002/cancel", as: .kiosk))
            #expect(cancelled.events.map(\.kind) == ["cancel"])

            let services = try decode(ServiceList.self, try await api.get("/v1/services"))
            #expect(services.services.first?.code == "A")
            let hall = try decode(HallSnapshot.self, try await api.get("/v1/hall", as: .display))
            #expect(hall.calls.first?.ticket == "A001" && hall.windows.count == daemon.hall.engine.config.counters.count)
            _ = try decode(StatsAnswer.self, try await api.get("/v1/stats", as: .display))
            _ = try decode(HealthAnswer.self, try await api.get("/healthz"))
            let refusal = try decode(ErrorAnswer.self, try await api.window("1", "call"), status: 409)
            #expect(refusal.error.code == "counter_busy")
        }
    }
}
