import Foundation
import KioskCore
import KioskHTTPClient
import Testing

/// One route of the API and who may use it, as `Routes/KioskAPI*.swift` declare.
struct Endpoint: Sendable, CustomTestStringConvertible {
    var method: HTTPMethod
    var path: String
    var body: JSONValue?
    /// Callers with a real token that the route lets through; `nil` = public (no token needed).
    var allowed: Set<Caller>?
    /// The live stream: answered with 200 and kept open.
    var streams = false

    var testDescription: String { "\(method.rawValue) \(path)" + (body.map { " \($0.serialized())" } ?? "") }

    /// The hall's routes; window routes act on window 1, ticket routes on `A001`.
    static let all: [Endpoint] = {
        let windowOne: Set<Caller> = [.window("1"), .supervisor]
        let supervisor: Set<Caller> = [.supervisor]
        let readers: Set<Caller> = [.display, .supervisor, .admin]
        var list: [Endpoint] = [
            Endpoint(method: .get, path: "/healthz"),
            Endpoint(method: .get, path: "/metrics"),
            Endpoint(method: .get, path: "/v1/services"),
            Endpoint(method: .get, path: "/v1/services/A/guide"),
            // The default hall takes no appointments: an allowed role gets 409 no_appointments.
            Endpoint(method: .post, path: "/v1/appointments", body: ["service": "A", "date": "2026-03-03", "time": "09:00"], allowed: [.booking, .admin]),
            Endpoint(method: .get, path: "/v1/appointments", allowed: [.booking, .admin, .supervisor]),
            Endpoint(method: .delete, path: "/v1/appointments/123456", allowed: [.booking, .admin, .supervisor]),
            Endpoint(method: .post, path: "/v1/appointments/123456/check-in", allowed: [.kiosk, .supervisor]),
            Endpoint(method: .get, path: "/v1/tickets/A001"),
            Endpoint(method: .post, path: "/v1/tickets", body: ["service": "A"], allowed: [.kiosk, .supervisor]),
            // Issuing past the rules is a supervisor's override only.
            Endpoint(method: .post, path: "/v1/tickets", body: ["service": "A", "override": true], allowed: supervisor),
            Endpoint(method: .post, path: "/v1/tickets/A001/cancel", allowed: [.kiosk, .supervisor]),
            Endpoint(method: .get, path: "/v1/windows/1", allowed: windowOne),
        ]
        for action in ["call", "recall", "start", "finish", "noshow", "park", "resume"] {
            list.append(Endpoint(method: .post, path: "/v1/windows/1/\(action)", allowed: windowOne))
        }
        list += [
            Endpoint(method: .post, path: "/v1/windows/1/transfer", body: ["service": "B"], allowed: windowOne),
            Endpoint(method: .post, path: "/v1/windows/1/unpark", body: ["ticket": "A001"], allowed: windowOne),
            Endpoint(method: .post, path: "/v1/windows/1/pause", body: ["until": "10:00"], allowed: windowOne),
            Endpoint(method: .post, path: "/v1/windows/1/cover", body: ["covered": "3"], allowed: supervisor),
            Endpoint(method: .post, path: "/v1/windows/1/uncover", allowed: supervisor),
            Endpoint(method: .post, path: "/v1/windows/1/call-ticket", body: ["ticket": "A001"], allowed: supervisor),
            Endpoint(method: .post, path: "/v1/windows/1/close", allowed: supervisor),
            Endpoint(method: .post, path: "/v1/windows/1/open", allowed: supervisor),
            Endpoint(method: .post, path: "/v1/tickets/A001/reactivate", allowed: supervisor),
            Endpoint(method: .post, path: "/v1/services/A/close", allowed: supervisor),
            Endpoint(method: .post, path: "/v1/services/A/reopen", allowed: supervisor),
            Endpoint(method: .get, path: "/v1/hall", allowed: readers),
            Endpoint(method: .get, path: "/v1/events", allowed: readers, streams: true),
            Endpoint(method: .get, path: "/v1/export", allowed: [.admin, .supervisor]),
            Endpoint(method: .get, path: "/v1/reports", allowed: [.admin, .supervisor]),
            // Staff never rate for a citizen: only the window's own token (the rating pad's).
            Endpoint(method: .post, path: "/v1/windows/1/rating", body: ["score": 5], allowed: [.window("1")]),
            Endpoint(method: .get, path: "/v1/ratings/followups", allowed: [.admin, .supervisor]),
            Endpoint(method: .post, path: "/v1/ratings/followups/20260302-A001/close", body: ["note": "已回访"], allowed: supervisor),
            // The supervisor in the hall checks the time; an admin may too.
            Endpoint(method: .post, path: "/v1/admin/clock/confirm", allowed: [.admin, .supervisor]),
        ]
        return list
    }()

    var isWindowRoute: Bool { path.hasPrefix("/v1/windows/1") }
}

@Suite(.timeLimit(.minutes(2)))
struct RouteAccessTests {
    static let windows = HallConfig.defaultHall.counters.map(\.id)

    func send(_ endpoint: Endpoint, as caller: Caller, path: String? = nil, in daemon: TestDaemon) async throws -> APIResponse {
        let path = path ?? endpoint.path
        if let body = endpoint.body { return try await daemon.client.send(endpoint.method, path, as: caller, json: body) }
        return try await daemon.client.send(endpoint.method, path, as: caller)
    }

    @Test(arguments: Endpoint.all)
    func everyRouteRefusesMissingAndWrongTokensAndLetsItsRolesThrough(_ endpoint: Endpoint) async throws {
        try await TestDaemon.with { daemon in
            #expect(try await daemon.client.take("A").status == 201)
            let before = try daemon.journal.lastSeq()

            guard let allowed = endpoint.allowed else {
                // Public: no token, or any token at all, gets the answer.
                for caller in [Caller.anonymous, .badToken, .display] {
                    let answer = try await send(endpoint, as: caller, in: daemon)
                    #expect(answer.status == 200, "\(caller): \(answer.text)")
                }
                return
            }

            for caller in [Caller.anonymous, .badToken] {
                expectError(try await send(endpoint, as: caller, in: daemon), 401, "unauthorized", "\(caller)")
            }
            if endpoint.isWindowRoute {
                // Authentication comes before looking the window up: no token, no answer about it.
                let elsewhere = endpoint.path.replacingOccurrences(of: "/v1/windows/1", with: "/v1/windows/99")
                expectError(try await send(endpoint, as: .anonymous, path: elsewhere, in: daemon), 401, "unauthorized", "unknown window, no token")
                if endpoint.allowed?.contains(.kiosk) == false {
                    expectError(try await send(endpoint, as: .kiosk, path: elsewhere, in: daemon), 403, "forbidden", "unknown window, kiosk token")
                }
            }
            for caller in Caller.roles(windows: Self.windows) where !allowed.contains(caller) {
                // Window 2's clerk acting on window 1 is in this list too.
                expectError(try await send(endpoint, as: caller, in: daemon), 403, "forbidden", "\(caller)")
            }
            #expect(try daemon.journal.lastSeq() == before, "a refused request changed the journal")

            for caller in allowed.sorted(by: { $0.description < $1.description }) {
                if endpoint.streams {
                    let stream = try await EventStreamConnection.open(port: daemon.port, token: caller.token(in: daemon.tokens))
                    defer { stream.close() }
                    #expect(stream.status == 200, "\(caller)")
                    #expect(stream.header("Content-Type")?.hasPrefix("text/event-stream") == true)
                    continue
                }
                let answer = try await send(endpoint, as: caller, in: daemon)
                #expect(answer.status < 500 && answer.status != 401 && answer.status != 403, "\(caller): \(answer.status) \(answer.text)")
                if answer.status >= 400 {
                    // Allowed but refused by the hall's rules: the domain's 404 or 409.
                    #expect([404, 409].contains(answer.status), "\(caller): \(answer.text)")
                    expectErrorShape(answer)
                }
            }
        }
    }

    @Test func theAllowedRolesSucceedInAHallWhereTheActionMakesSense() async throws {
        // The table above accepts a 409 for an allowed role; here each action is set up to work.
        try await TestDaemon.with { daemon async throws in
            let api = daemon.client
            #expect(try await api.take("A").status == 201)                                   // A001
            #expect(try await api.take("A", as: .supervisor).status == 201)                  // A002
            #expect(try await api.take("A", priority: true).status == 201)                   // A003 (priority)
            // The kiosk cancels a ticket it just issued (not the supervisor's: KioskRoleTests).
            #expect(try await api.post("/v1/tickets/A003/cancel", as: .kiosk).status == 200)
            #expect(try await api.window("1", "call").status == 200)
            #expect(try await api.window("1", "recall", as: .supervisor).status == 200)
            #expect(try await api.window("1", "start").status == 200)
            #expect(try await api.window("1", "finish", as: .supervisor).status == 200)
            #expect(try await api.get("/v1/windows/1", as: .window("1")).status == 200)
            #expect(try await api.get("/v1/windows/1", as: .supervisor).status == 200)
            for reader in [Caller.display, .supervisor, .admin] {
                #expect(try await api.get("/v1/hall", as: reader).status == 200)
            }
            for exporter in [Caller.admin, .supervisor] {
                #expect(try await api.get("/v1/export", as: exporter).status == 200)
            }
        }
    }
}
