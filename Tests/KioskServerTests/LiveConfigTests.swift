import Foundation
import KioskCore
import KioskServer
import KioskStore
import KioskTestSupport
import Testing

/// `PUT /v1/config` on a real daemon over HTTP: checked like `config check` (nothing applied on
/// an error), refused while the hall cannot switch, journaled as a `config` event that the
/// stream carries, new windows get tokens, and a restart keeps the applied config unless the
/// daemon's own file was edited since.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct LiveConfigTests {
    /// The hall before the change: the test hall (windows 1–3, services A–C).
    static let before: HallConfig = {
        var config = TestHall.config
        config.limits.kioskIssueBurst = 0
        return config
    }()

    /// Window 9 added for A and C, service C renamed, B given a new document.
    static let after: HallConfig = {
        var config = before
        config.counters.append(CounterConfig(id: "9", name: "9号窗口(综合)", services: ["A", "C"]))
        config.services[2].name = "失业保险登记"
        config.services[1].documents = ["身份证", "简历"]
        return config
    }()

    /// A daemon on `dir` with a token file there (so new windows' tokens land in it), clock at 09:00.
    static func run<T: Sendable>(
        _ dir: String, config: HallConfig = before, _ body: (InProcessDaemon, APIClient) async throws -> T
    ) async throws -> T {
        let tokensFile = dir + "/tokens.json"
        let (tokens, _) = try AccessTokenFile.loadOrCreate(tokensFile, for: config)
        let clock = ManualClock(hallTime: "09:00", config: config)
        var options = KioskDaemon.Options.forTests(config: config, tokens: tokens, dataDirectory: dir, clock: { clock.now })
        options.tokenFile = tokensFile
        return try await InProcessDaemon.with(options) { daemon in
            // The start-up tick (the day's first events) durable first, so a test's baseline
            // sequence number is not moved by it.
            _ = try await daemon.hall.execute(.tick)
            try await eventually("the start-up tick to commit") {
                let durable = try daemon.daemon.store.lastSeq()
                let committed = await daemon.hall.committedSeq
                return durable > 0 && durable == committed
            }
            return try await body(daemon, APIClient(port: daemon.port, tokens: tokens))
        }
    }

    static func body(_ config: HallConfig) -> Data { Data(config.jsonValue(withGateway: true).serialized().utf8) }

    static func temporaryDirectory() throws -> String {
        let dir = NSTemporaryDirectory() + "kiosk-live-config-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func anInvalidConfigIs400WithEveryDiagnosticAndNothingChanges() async throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try await Self.run(dir) { daemon, client in
            let seq = await daemon.hall.committedSeq
            // Line 3: a window serving a service that does not exist; line 4: a bad session.
            let text = """
                {"hall": {"name": "坏配置"},
                 "services": [{"code": "A", "name": "求职登记"}],
                 "counters": [{"id": "1", "services": ["A", "X"]}],
                 "sessions": [["09:00", "08:00"]]}
                """
            let answer = try await client.send(.put, "/v1/config", as: .admin, body: Data(text.utf8))
            #expect(answer.status == 400 && answer.errorCode == "invalid_config", "\(answer.text)")
            let diagnostics = answer.json?["error"]?["diagnostics"]?.arrayValue?.compactMap(\.stringValue) ?? []
            #expect(diagnostics.contains { $0.hasPrefix("config:3:") && $0.contains("\"X\"") }, "\(diagnostics)")
            #expect(diagnostics.contains { $0.hasPrefix("config:4:") }, "\(diagnostics)")
            #expect(await daemon.hall.committedSeq == seq, "nothing journaled")
            #expect(daemon.hall.engine.config == Self.before)
            let services = try await client.get("/v1/services")
            #expect(services.text.contains("失业登记/失业证") && !services.text.contains("坏配置"))

            // Only the admin changes the hall.
            for caller in [Caller.supervisor, .display, .kiosk, .window("1")] {
                let refused = try await client.send(.put, "/v1/config", as: caller, body: Self.body(Self.after))
                expectError(refused, 403, "forbidden", "\(caller)")
            }
            expectError(try await client.send(.put, "/v1/config", as: .anonymous, body: Self.body(Self.after)), 401, "unauthorized")
            let array = try await client.send(.put, "/v1/config", as: .admin, body: Data("[1]".utf8))
            #expect(array.status == 400 && array.errorCode == "invalid_config" && array.text.contains("must be an object"), "\(array.text)")
            expectError(try await client.send(.put, "/v1/config", as: .admin, body: Self.body(Self.after), contentType: "text/plain"), 415, "unsupported_media_type")
            #expect(daemon.hall.engine.config == Self.before)
        }
    }

    @Test func anAppliedConfigIsLiveOnTheStreamWithTokensForNewWindowsAndSurvivesARestart() async throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try await Self.run(dir) { daemon, client in
            #expect(try await client.take("C").status == 201)
            let stream = try await EventStreamConnection.open(port: daemon.port, token: client.tokens.display)
            defer { stream.close() }

            let answer = try await client.send(.put, "/v1/config", as: .admin, body: Self.body(Self.after))
            #expect(answer.status == 200, "\(answer.text)")
            let json = try #require(answer.json)
            #expect(json["changed"] == .bool(true))
            let changes = json["changes"]?.arrayValue?.compactMap(\.stringValue) ?? []
            #expect(changes.contains("window 9 added: 9号窗口(综合) (A, C)"), "\(changes)")
            #expect(changes.contains("service C: name 失业登记/失业证 → 失业保险登记"), "\(changes)")
            #expect(changes.contains { $0.hasPrefix("service B: documents") }, "\(changes)")
            #expect(json["new_windows"] == ["9"])
            let version = try #require(json["version"]?.intValue)
            let event = try #require(answer.events("config").first)
            let seq = try #require(event["seq"]?.intValue)

            // On the stream, as the hall screens see it.
            try await stream.read(throughID: Int64(seq))
            let streamed = try #require(stream.events.last { $0.id == Int64(seq) })
            let line = try JSONParser.parse(streamed.data).value
            #expect(line["ev"] == "config" && line["version"]?.intValue == version && line["audit"] == "admin")

            // Live at once: the new name, the new window with a token in the daemon's file.
            let services = try await client.get("/v1/services")
            #expect(services.text.contains("失业保险登记"), "\(services.text)")
            let hall = try await client.get("/v1/hall", as: .display)
            #expect(hall.text.contains("9号窗口(综合)"), "\(hall.text)")
            let file = try AccessTokenFile.load(dir + "/tokens.json")
            let window9 = try #require(file.windows["9"], "window 9 got no token")
            let call = try await client.send(
                .post, "/v1/windows/9/call", body: Data("{}".utf8), headers: [("Authorization", "Bearer \(window9)")]
            )
            #expect(call.status == 200 && call.text.contains("C001"), "window 9 serves C now: \(call.text)")

            // The journal holds the config under that version, in force from the event on.
            let record = try #require(try daemon.daemon.store.configTimeline(versions: [Int64(version)]).versions[Int64(version)])
            #expect(record == Self.after)
            let again = try await client.send(.put, "/v1/config", as: .admin, body: Self.body(Self.after))
            #expect(again.json?["changed"] == .bool(false) && again.events("config").isEmpty, "the same config again changes nothing")
        }

        // Restarted with the same (old) file: the live config stays in force, window 9 still
        // holds C001 and can finish it.
        try await Self.run(dir) { daemon, client in
            #expect(daemon.hall.engine.config == Self.after, "a restart on the unchanged file keeps the applied config")
            let window = try await client.get("/v1/windows/9", as: .supervisor)
            #expect(window.status == 200 && window.text.contains("C001"), "\(window.text)")
            #expect(try await client.window("9", "start", as: .supervisor).status == 200)
        }

        // Restarted with an edited file: the file wins (the newest word).
        var edited = Self.after
        edited.name = "测试大厅(新)"
        try await Self.run(dir, config: edited) { daemon, _ in
            #expect(daemon.hall.engine.config == edited)
        }
    }

    @Test func aServiceWithPeopleWaitingOrAWindowWithATicketCannotBeRemoved() async throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try await Self.run(dir) { daemon, client in
            for _ in 1...2 { #expect(try await client.take("C").status == 201) }
            #expect(try await client.take("A").status == 201)
            #expect(try await client.window("1", "call").status == 200)   // A001 at window 1
            let seq = await daemon.hall.committedSeq

            var withoutC = Self.before
            withoutC.services.removeAll { $0.code == "C" }
            withoutC.counters.removeAll { $0.id == "3" }
            let service = try await client.send(.put, "/v1/config", as: .admin, body: Self.body(withoutC))
            expectError(service, 409, "service_has_tickets")
            #expect(service.text.contains("2 tickets"), "the count: \(service.text)")

            var withoutWindow1 = Self.before
            withoutWindow1.counters.removeAll { $0.id == "1" }
            let window = try await client.send(.put, "/v1/config", as: .admin, body: Self.body(withoutWindow1))
            expectError(window, 409, "window_has_tickets")
            #expect(window.text.contains("A001"), "\(window.text)")

            var otherZone = Self.before
            otherZone.timeZoneID = "Europe/Berlin"
            expectError(try await client.send(.put, "/v1/config", as: .admin, body: Self.body(otherZone)), 409, "restart_required")
            #expect(await daemon.hall.committedSeq == seq, "refusals journal nothing")
            #expect(daemon.hall.engine.config == Self.before)

            // Once the line is empty, the service goes (after it was closed, as a hall does it).
            #expect(try await client.post("/v1/services/C/close", as: .supervisor).status == 200)
            for _ in 1...2 {
                #expect(try await client.window("3", "call").status == 200)
                #expect(try await client.window("3", "noshow").status == 200)
            }
            let removed = try await client.send(.put, "/v1/config", as: .admin, body: Self.body(withoutC))
            #expect(removed.status == 200, "\(removed.text)")
            let services = try await client.get("/v1/services")
            #expect(!services.text.contains("\"C\""), "\(services.text)")
            expectError(try await client.post("/v1/tickets/C001/reactivate", as: .supervisor), 404, "unknown_service")
        }
    }
}
