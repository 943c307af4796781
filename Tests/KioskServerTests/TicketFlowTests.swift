import Foundation
import KioskCore
import KioskHTTPClient
import KioskTestSupport
import Testing

/// A day at the hall over HTTP: the kiosk, the windows, the supervisor, the screens.
@Suite(.timeLimit(.minutes(2)))
struct TicketFlowTests {
    static let phone = "13800138000"
    static let caretaker = "13900139000"

    @Test func takingATicketAnswersNumberPeopleAheadDocumentsAndOnlyAMaskedPhone() async throws {
        try await TestDaemon.with { daemon in
            let api = daemon.client
            let first = try await api.send(.post, "/v1/tickets", as: .kiosk, json: [
                "service": "C", "phone": .string(Self.phone), "caretaker_phone": .string("+86 139 0013 9000"),
            ])
            #expect(first.status == 201, "\(first.text)")
            let ticket = try #require(first.json)
            #expect(ticket["ticket"] == "C001")
            #expect(ticket["service"] == "C")
            #expect(ticket["state"] == "waiting")
            #expect(ticket["people_ahead"] == 0)
            #expect(ticket["documents"] == ["身份证", "解除劳动合同书"])
            #expect(ticket["sms_to"] == "138****8000")
            #expect(ticket["sms_caretaker"] == "139****9000")
            #expect(ticket["status_url"] == "/v1/tickets/C001")

            let second = try await api.take("C", phone: "+86 138-0013-8000")
            #expect(second.status == 201)
            #expect(second.json?["ticket"] == "C002")
            #expect(second.json?["people_ahead"] == 1)

            // Public status: state and people ahead, nothing about the citizen.
            let status = try await api.get("/v1/tickets/C002")
            #expect(status.status == 200)
            #expect(status.json?["state"] == "waiting")
            #expect(status.json?["people_ahead"] == 1)
            #expect(status.json?["sms_to"] == nil)
            #expect(!status.text.contains("138"))
            #expect(try await api.get("/v1/tickets/c001").json?["ticket"] == "C001", "numbers are case-insensitive")

            // The journal knows a contact was left, not the number: look everywhere an answer can come from.
            _ = try await api.window("3", "call")
            for (path, caller) in [
                ("/v1/hall", Caller.display), ("/v1/windows/3", .window("3")), ("/v1/services", .anonymous),
                ("/v1/export", .admin), ("/metrics", .anonymous), ("/v1/tickets/C001", .anonymous),
            ] {
                #expect(try await api.get(path, as: caller).status == 200, "\(path)")
            }
            let stream = try await EventStreamConnection.open(port: daemon.port, token: daemon.tokens.display)
            defer { stream.close() }
            try await stream.read(throughID: try daemon.journal.lastSeq())
            let everything = api.transcript.all + [stream.bodyText]
            for text in everything {
                #expect(!text.contains(Self.phone) && !text.contains(Self.caretaker), "a full phone number in an answer: \(text.prefix(300))")
            }
            #expect(everything.joined().contains("138****8000"))
        }
    }

    @Test func aClerkCallsRecallsStartsAndFinishesThroughTheWindowToken() async throws {
        try await TestDaemon.with { daemon in
            let api = daemon.client
            for _ in 1...2 { #expect(try await api.take("A").status == 201) }

            let call = try await api.window("1", "call")
            #expect(call.status == 200)
            #expect(call.eventNames == ["call"])
            #expect(call.events("call").first?["ticket"] == "A001")
            #expect(call.json?["window"]?["current"]?["ticket"] == "A001")
            #expect(call.json?["window"]?["current"]?["state"] == "called")
            #expect(call.events("call").first?["seq"]?.intValue == Int(try daemon.journal.lastSeq()))

            let recall = try await api.window("1", "recall")
            #expect(recall.eventNames == ["recall"])
            #expect(recall.events("recall").first?["n"] == 1)
            #expect(try await api.get("/v1/tickets/A001").json?["calls"] == 2)

            #expect(try await api.window("1", "start").eventNames == ["start"])
            #expect(try await api.get("/v1/tickets/A001").json?["state"] == "serving")
            let finish = try await api.window("1", "finish")
            #expect(finish.eventNames == ["finish"])
            #expect(finish.json?["window"]?["current"] == .null)
            #expect(try await api.get("/v1/tickets/A001").json?["state"] == "done")

            let window = try await api.get("/v1/windows/1", as: .window("1"))
            #expect(window.json?["status"] == "open")
            #expect(window.json?["waiting"] == 1)
            #expect(window.json?["services"] == ["A", "B"])
        }
    }

    @Test func aNoShowIsReactivatedByTheSupervisorWithAnAuditedEvent() async throws {
        try await TestDaemon.with { daemon in
            let api = daemon.client
            for _ in 1...2 { #expect(try await api.take("A").status == 201) }
            #expect(try await api.window("1", "call").events("call").first?["ticket"] == "A001")
            #expect(try await api.window("1", "noshow").eventNames == ["noshow"])
            #expect(try await api.get("/v1/tickets/A001").json?["state"] == "no_show")

            let reactivate = try await api.post("/v1/tickets/A001/reactivate", as: .supervisor)
            #expect(reactivate.status == 200)
            #expect(reactivate.events("reactivate").first?["audit"] == "supervisor")
            #expect(try await api.get("/v1/tickets/A001").json?["state"] == "waiting")
            // It keeps its place by issue time: called before A002.
            #expect(try await api.window("2", "call").events("call").first?["ticket"] == "A001")

            let audited = try daemon.journalEvents().contains {
                if case .reactivated("A001", "supervisor") = $0.event.kind { return true }
                return false
            }
            #expect(audited)
        }
    }

    @Test func aClerkTransfersParksUnparksPausesUntilATimeAndResumes() async throws {
        try await TestDaemon.with { daemon in
            let api = daemon.client
            for _ in 1...3 { #expect(try await api.take("A").status == 201) }

            // Transfer: A001 goes back in line for C, keeping its number.
            #expect(try await api.window("1", "call").status == 200)
            let transfer = try await api.window("1", "transfer", ["service": "c"])
            #expect(transfer.status == 200, "\(transfer.text)")
            #expect(transfer.events("transfer").first?["from"] == "A")
            #expect(transfer.events("transfer").first?["service"] == "C")
            let moved = try await api.get("/v1/tickets/A001")
            #expect(moved.json?["service"] == "C")
            #expect(moved.json?["state"] == "waiting")

            // Park and unpark: the window is free in between.
            #expect(try await api.window("1", "call").events("call").first?["ticket"] == "A002")
            #expect(try await api.window("1", "park").eventNames == ["park"])
            #expect(try await api.get("/v1/windows/1", as: .window("1")).json?["parked"] == ["A002"])
            #expect(try await api.get("/v1/tickets/A002").json?["state"] == "parked")
            let unpark = try await api.window("1", "unpark", ["ticket": "a002"])
            #expect(unpark.eventNames == ["unpark"], "\(unpark.text)")
            #expect(unpark.json?["window"]?["current"]?["ticket"] == "A002")
            #expect(try await api.window("1", "start").status == 200)
            #expect(try await api.window("1", "finish").status == 200)

            // Pause with a return time (hall time today), then resume by hand.
            let pause = try await api.window("1", "pause", ["until": "10:30"])
            #expect(pause.status == 200, "\(pause.text)")
            #expect(pause.json?["window"]?["status"] == "paused")
            #expect(pause.json?["window"]?["back_at"] == "10:30")
            let tenThirty = QueueEngine(config: daemon.config).calendar.secondsOfDay(ManualClock.instant("10:30"))
            #expect(pause.events("pause").first?["until"]?.doubleValue == tenThirty)
            expectError(try await api.window("1", "call"), 409, "counter_paused")
            let resume = try await api.window("1", "resume")
            #expect(resume.eventNames == ["resume"])
            #expect(resume.json?["window"]?["status"] == "open")
            #expect(try await api.window("1", "call").events("call").first?["ticket"] == "A003")

            // A pause without a return time has no "back at".
            #expect(try await api.window("2", "pause").json?["window"]?["back_at"] == nil)
        }
    }

    @Test func aPausedWindowComesBackAtItsReturnTimeByTheTicker() async throws {
        try await TestDaemon.with { daemon in
            let api = daemon.client
            #expect(try await api.window("1", "pause", ["until": "09:05"]).status == 200)
            daemon.clock.advance(by: 6 * 60)
            _ = try await daemon.hall.execute(.tick)
            #expect(try await api.get("/v1/windows/1", as: .window("1")).json?["status"] == "open")
        }
    }

    @Test func theSupervisorCoversCallsOutOfOrderAndEveryOverrideIsAudited() async throws {
        try await TestDaemon.with { daemon in
            let api = daemon.client
            for service in ["A", "A", "C"] { #expect(try await api.take(service).status == 201) }

            // Window 1 (A, B) covers window 3 (C, D, E): AB roles.
            let cover = try await api.post("/v1/windows/1/cover", as: .supervisor, ["covered": "3"])
            #expect(cover.status == 200, "\(cover.text)")
            #expect(cover.events("cover").first?["audit"] == "supervisor")
            #expect(cover.json?["window"]?["covering"] == ["3"])
            #expect(cover.json?["window"]?["services"]?.arrayValue?.count == 5)

            // Out of order: C001 before A001, at the covering window, audited.
            let outOfOrder = try await api.post("/v1/windows/1/call-ticket", as: .supervisor, ["ticket": "C001"])
            #expect(outOfOrder.status == 200, "\(outOfOrder.text)")
            #expect(outOfOrder.events("call").first?["ticket"] == "C001")
            #expect(outOfOrder.events("call").first?["audit"] == "supervisor")
            #expect(try await api.window("1", "noshow").status == 200)

            let uncover = try await api.post("/v1/windows/1/uncover", as: .supervisor, ["covered": "3"])
            #expect(uncover.events("uncover").first?["audit"] == "supervisor")
            #expect(uncover.json?["window"]?["covering"] == [])
            expectError(try await api.post("/v1/windows/1/uncover", as: .supervisor), 409, "not_covering")

            // Every supervisor override in the journal names who did it.
            let kinds = try daemon.journalEvents().map(\.event.kind)
            #expect(kinds.contains(.coverStarted(counter: "1", covered: "3", audit: "supervisor")))
            #expect(kinds.contains(.called(ticket: "C001", counter: "1", audit: "supervisor")))
            #expect(kinds.contains(.coverEnded(counter: "1", covered: "3", audit: "supervisor")))
        }
    }

    @Test func theSupervisorClosesAndReopensAServiceAndAWindow() async throws {
        try await TestDaemon.with { daemon in
            let api = daemon.client
            let close = try await api.post("/v1/services/b/close", as: .supervisor)
            #expect(close.status == 200, "\(close.text)")
            #expect(close.events("service_close").first?["audit"] == "supervisor")
            expectError(try await api.take("B"), 409, "service_closed")
            let services = try await api.get("/v1/services")
            let b = services.json?["services"]?.arrayValue?.first { $0["code"] == "B" }
            #expect(b?["status"] == "service_closed")
            // A supervisor may still issue past the closure, and that issue is audited.
            let overridden = try await api.send(.post, "/v1/tickets", as: .supervisor, json: ["service": "B", "override": true])
            #expect(overridden.status == 201, "\(overridden.text)")
            #expect(try daemon.journalEvents().last?.event.kind == .issued(ticket: "B001", service: "B", priority: false, contact: false, audit: "supervisor"))

            let reopen = try await api.post("/v1/services/B/reopen", as: .supervisor)
            #expect(reopen.events("service_reopen").first?["audit"] == "supervisor")
            #expect(try await api.take("B").json?["ticket"] == "B002")
            expectError(try await api.post("/v1/services/B/reopen", as: .supervisor), 409, "service_not_closed")

            let closeWindow = try await api.post("/v1/windows/2/close", as: .supervisor)
            #expect(closeWindow.json?["window"]?["status"] == "closed", "\(closeWindow.text)")
            expectError(try await api.window("2", "call"), 409, "counter_closed")
            let openWindow = try await api.post("/v1/windows/2/open", as: .supervisor)
            #expect(openWindow.json?["window"]?["status"] == "open")
            #expect(try await api.window("2", "call").events("call").first?["ticket"] == "B001")
        }
    }

    @Test func theHallSnapshotShowsWindowsServicesAndRecentCalls() async throws {
        try await TestDaemon.with { daemon in
            let api = daemon.client
            #expect(try await api.take("A").status == 201)
            #expect(try await api.window("2", "call").status == 200)
            let snapshot = try await api.get("/v1/hall", as: .display)
            #expect(snapshot.status == 200)
            let hall = try #require(snapshot.json)
            #expect(hall["hall"]?["name"] == .string(daemon.config.name))
            #expect(hall["hall"]?["date"] == "2026-03-02")
            #expect(hall["hall"]?["clock"] == "09:00")
            #expect(hall["hall"]?["issuing"] == true)
            #expect(hall["windows"]?.arrayValue?.count == 8)
            #expect(hall["services"]?.arrayValue?.count == 11)
            #expect(hall["calls"]?.arrayValue?.first?["ticket"] == "A001")
            #expect(hall["calls"]?.arrayValue?.first?["counter"] == "2")
            let windowTwo = hall["windows"]?.arrayValue?.first { $0["id"] == "2" }
            #expect(windowTwo?["current"]?["ticket"] == "A001")
        }
    }

    @Test func theServiceListTellsDocumentsWaitingAndWhetherEachIssues() async throws {
        try await TestDaemon.with(at: "13:00") { daemon in
            // Between sessions nothing issues, and the list says when it opens.
            let lunch = try await daemon.client.get("/v1/services")
            #expect(lunch.json?["services"]?.arrayValue?.allSatisfy { $0["status"] == "outside_hours" } == true, "\(lunch.text)")
        }
        try await TestDaemon.with { daemon in
            let api = daemon.client
            for _ in 1...3 { #expect(try await api.take("G").status == 201) }
            let answer = try await api.get("/v1/services")
            #expect(answer.status == 200)
            let services = try #require(answer.json?["services"]?.arrayValue)
            #expect(services.map { $0["code"]?.stringValue ?? "" } == daemon.config.services.map(\.code))
            let g = try #require(services.first { $0["code"] == "G" })
            #expect(g["waiting"] == 3)
            #expect(g["daily_quota"] == 40)
            #expect(g["issued_today"] == 3)
            #expect(g["documents"] == ["身份证", "仲裁申请书", "证据材料"])
            #expect(services.allSatisfy { $0["status"] == "open" })
        }
    }

    @Test func exportIsTheDayAsTraceLinesWithoutPhones() async throws {
        try await TestDaemon.with { daemon in
            let api = daemon.client
            #expect(try await api.take("A", phone: Self.phone).status == 201)
            #expect(try await api.window("1", "call").status == 200)
            for query in ["", "?date=2026-03-02"] {
                let export = try await api.get("/v1/export" + query, as: .admin)
                #expect(export.status == 200)
                #expect(export.contentType.hasPrefix("application/x-ndjson"))
                let lines = export.text.split(separator: "\n").map { try? JSONParser.parse(String($0)).value }
                #expect(lines.allSatisfy { $0 != nil }, "every line is JSON")
                let names = lines.compactMap { $0?["ev"]?.stringValue }
                #expect(names.first == "meta")
                #expect(names.contains("issue") && names.contains("call"))
                let issue = lines.compactMap { $0 }.first { $0["ev"] == "issue" }
                #expect(issue?["ticket"] == "A001")
                #expect(issue?["contact"] == true)
                #expect(!export.text.contains(Self.phone))
            }
            // Another day: valid, and empty of events.
            let other = try await api.get("/v1/export?date=2026-03-01", as: .supervisor)
            #expect(other.status == 200)
            #expect(!other.text.contains("\"issue\""))
        }
    }

    @Test func healthAndMetricsAnswerWithoutAToken() async throws {
        try await TestDaemon.with { daemon in
            let api = daemon.client
            let health = try await api.get("/healthz")
            #expect(health.status == 200)
            #expect(health.json?["status"] == "ok")
            #expect(try await api.take("A").status == 201)
            #expect(try await api.window("1", "call").status == 200)
            let metrics = try await api.get("/metrics")
            #expect(metrics.status == 200)
            #expect(metrics.contentType.hasPrefix("text/plain"))
            #expect(metrics.text.contains("kiosk_tickets_issued_total{service=\"A\"} 1"), "\(metrics.text)")
            #expect(metrics.text.contains("kiosk_calls_total"))
            #expect(metrics.text.contains("kiosk_http_request_seconds"))
            #expect(metrics.text.contains("kiosk_journal_commit_seconds"))
        }
    }
}
