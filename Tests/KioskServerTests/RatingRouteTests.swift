import Foundation
import KioskCore
import KioskStore
import KioskTestSupport
import Testing

/// 好差评 through the daemon: the rating pad's route, its rules, the follow-up of a 差评.
@Suite(.timeLimit(.minutes(2)))
struct RatingRouteTests {
    /// A001 finished at window 1 at 08:20.
    static func finished(_ daemon: TestDaemon) async throws {
        #expect(try await daemon.client.take("A").status == 201)
        daemon.clock.advance(by: 60)
        #expect(try await daemon.client.window("1", "call").status == 200)
        #expect(try await daemon.client.window("1", "start").status == 200)
        daemon.clock.advance(by: 600)
        #expect(try await daemon.client.window("1", "finish").status == 200)
    }

    @Test func theWindowsOwnTokenRatesItsLastFinishedTicketOnce() async throws {
        try await TestDaemon.with(at: "08:00") { daemon in
            let api = daemon.client
            try await Self.finished(daemon)
            let view = try await api.get("/v1/windows/1", as: .window("1"))
            #expect(view.json?["rating"]?["ticket"] == "A001")
            for staff in [Caller.supervisor, .admin, .window("2"), .kiosk, .display] {
                expectError(try await api.window("1", "rating", ["score": 5], as: staff), 403, "forbidden", "\(staff)")
            }
            let rated = try await api.window("1", "rating", ["score": 5])
            #expect(rated.status == 201, "\(rated.text)")
            #expect(rated.json?["ticket"] == "A001")
            #expect(rated.json?["label"] == "非常满意")
            expectError(try await api.window("1", "rating", ["score": 4]), 409, "already_rated")
            #expect(try await api.get("/v1/windows/1", as: .window("1")).json?["rating"] == .null)
            let events = try daemon.journalEvents().map(\.event.kind)
            #expect(events.filter { if case .rated = $0 { true } else { false } }.count == 1)
        }
    }

    @Test func tooLateOrNothingFinishedIsAConflictAndBadBodiesAre400() async throws {
        try await TestDaemon.with(at: "08:00") { daemon in
            let api = daemon.client
            expectError(try await api.window("1", "rating", ["score": 3]), 409, "nothing_to_rate")
            try await Self.finished(daemon)
            for body: JSONValue in [["score": 0], ["score": 6], ["score": "5"], ["score": 2.5], [:], ["score": 3, "extra": 1],
                                    ["score": 1, "reason": .string(String(repeating: "长", count: 201))]] {
                expectError(try await api.window("1", "rating", body), 400, body["extra"] != nil ? "unknown_field" : (body["score"] == nil ? "missing_field" : "invalid_field"), "\(body.serialized())")
            }
            daemon.clock.advance(by: 601)
            expectError(try await api.window("1", "rating", ["score": 3]), 409, "nothing_to_rate")
        }
    }

    @Test func aBadRatingOpensAFollowUpThatASupervisorCloses() async throws {
        try await TestDaemon.with(at: "08:00") { daemon in
            let api = daemon.client
            try await Self.finished(daemon)
            let rated = try await api.window("1", "rating", ["score": 1, "reason": "等候时间长"])
            #expect(rated.status == 201)
            #expect(rated.json?["follow_up"]?["id"] == "20260302-A001")
            // 15 working days after Monday 2 March 2026.
            #expect(rated.json?["follow_up"]?["due"] == "2026-03-23")
            let open = try await api.get("/v1/ratings/followups", as: .supervisor)
            #expect(open.json?["followups"]?.arrayValue?.map { $0["id"] } == ["20260302-A001"])
            #expect(open.json?["followups"]?.arrayValue?.first?["reason"] == "等候时间长")

            expectError(try await api.post("/v1/ratings/followups/20260302-A001/close", as: .admin, ["note": "x"]), 403, "forbidden")
            expectError(try await api.post("/v1/ratings/followups/20260302-A001/close", as: .supervisor, ["note": "  "]), 400, "invalid_field")
            expectError(try await api.post("/v1/ratings/followups/20260302-A009/close", as: .supervisor, ["note": "x"]), 404, "unknown_followup")
            expectError(try await api.post("/v1/ratings/followups/nonsense/close", as: .supervisor, ["note": "x"]), 404, "unknown_followup")

            // Eight supervisors at once: exactly one closes it, the others are told it is closed.
            let answers = try await withThrowingTaskGroup(of: (Int, String?).self) { group in
                for n in 0..<8 {
                    group.addTask {
                        let answer = try await api.post("/v1/ratings/followups/20260302-A001/close", as: .supervisor, ["note": .string("已电话回访并致歉 \(n)")])
                        return (answer.status, answer.errorCode)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(answers.filter { $0.0 == 200 }.count == 1, "\(answers)")
            #expect(answers.filter { $0 == (409, "followup_closed") }.count == 7, "\(answers)")
            #expect(try await api.get("/v1/ratings/followups", as: .admin).json?["followups"] == .array([]))
            let all = try await api.get("/v1/ratings/followups?all=true", as: .admin)
            #expect(all.json?["followups"]?.arrayValue?.first?["closed"] == true)
            let closes = try daemon.journal.ratingEvents().filter { if case .followUpClosed = $0.event.kind { true } else { false } }
            #expect(closes.count == 1)
        }
    }

    @Test func metricsCountRatingsAndShowTheHallNow() async throws {
        try await TestDaemon.with(at: "08:00") { daemon in
            let api = daemon.client
            try await Self.finished(daemon)
            #expect(try await api.window("1", "rating", ["score": 4]).status == 201)
            #expect(try await api.take("B").status == 201)
            daemon.clock.advance(by: 300)
            #expect(try await api.window("2", "pause").status == 200)
            let text = try await api.get("/metrics").text
            #expect(text.contains("kiosk_ratings_total{score=\"4\"} 1"))
            #expect(text.contains("kiosk_ratings_total{score=\"1\"} 0"))
            #expect(text.contains("kiosk_waiting_tickets{service=\"B\"} 1"))
            #expect(text.contains("kiosk_longest_wait_seconds{service=\"B\"} 300"))
            #expect(text.contains("kiosk_window_state{window=\"2\",state=\"paused\"} 1"))
            #expect(text.contains("kiosk_window_state{window=\"1\",state=\"idle\"} 1"))
            #expect(text.contains("kiosk_sms_outbox{state=\"pending\"} 0"))
            // Every metric family says what it is.
            let families = Set(text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }.map { line in
                String(line.prefix { $0 != "{" && $0 != " " }).replacingOccurrences(of: "_bucket", with: "").replacingOccurrences(of: "_count", with: "").replacingOccurrences(of: "_sum", with: "")
            })
            for family in families {
                #expect(text.contains("# HELP \(family) "), "\(family) has no HELP")
                #expect(text.contains("# TYPE \(family) "), "\(family) has no TYPE")
            }
            // promtool (Debian's prometheus package) is the judge when it is installed (scripts/test installs it).
            if FileManager.default.isExecutableFile(atPath: "/usr/bin/promtool") {
                let file = daemon.dataDirectory + "/metrics.txt"
                try text.write(toFile: file, atomically: true, encoding: .utf8)
                let check = try runCommand("sh", ["-c", "promtool check metrics < '\(file)' 2>&1"])
                #expect(check.status == 0, "\(check.output)")
            }
        }
    }
}
