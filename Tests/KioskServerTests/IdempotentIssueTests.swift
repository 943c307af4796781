import Foundation
import KioskCore
import KioskHTTPClient
import KioskTestSupport
import Testing

/// A ticket issue with an `Idempotency-Key` is issued once, whatever happens to its answer:
/// the retry of a request whose answer was lost (the client gave up while the commit was
/// stalled) gets the same ticket, before and after a restart; the same key with a different
/// request is 409 `idempotency_conflict`. Real daemon; the stall is a real SQLite write lock
/// held by the `sqlite3` shell.
@Suite(.serialized, .timeLimit(.minutes(5)))
struct IdempotentIssueTests {
    /// `sqlite3` holding the journal's write lock until `release()`.
    final class WriteLockHolder {
        let process = Process()
        let input = Pipe()
        let output = Pipe()

        init(journal: String) throws {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
            process.arguments = [journal]
            process.standardInput = input
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            send(".timeout 10000\nBEGIN IMMEDIATE;\nSELECT 'locked';\n")
            // Held once the shell says so (BEGIN IMMEDIATE took the lock first).
            var seen = Data()
            while !String(decoding: seen, as: UTF8.self).contains("locked") {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                seen += chunk
            }
        }

        func send(_ text: String) { input.fileHandleForWriting.write(Data(text.utf8)) }

        func release() {
            send("COMMIT;\n.quit\n")
            process.waitUntilExit()
        }
    }

    static func take(_ service: String, key: String, phone: String? = nil, timeout: Double, on api: APIClient) async throws -> APIResponse {
        var body: [(key: String, value: JSONValue)] = [("service", .string(service))]
        if let phone { body.append(("phone", .string(phone))) }
        return try await api.send(
            .post, "/v1/tickets", as: .kiosk, body: Data(JSONValue.object(body).serialized().utf8),
            headers: [("Idempotency-Key", key)], timeout: timeout
        )
    }

    @Test func aRetryAfterALostAnswerGetsTheSameTicketAndTheJournalHasOne() async throws {
        let data = try DataDirectoryFixture()
        defer { data.remove() }
        try data.writeTokens()
        var (daemon, api) = try await data.serve(startAt: "2026-03-02 09:00")
        defer { daemon.kill() }
        #expect(try await api.take("A").json?["ticket"]?.stringValue == "A001")

        // The commit stalls behind another writer; the kiosk gives up before it is through.
        let key = "kiosk-7f3a9c21-0001"
        let lock = try WriteLockHolder(journal: data.journal)
        var lostAnswer = false
        do {
            _ = try await Self.take("A", key: key, phone: "13811112222", timeout: 2, on: api)
        } catch {
            lostAnswer = true
        }
        #expect(lostAnswer, "the first answer must be lost for this test to mean anything")
        lock.release()

        // The retry, same key: the same ticket, whether the first commit is through yet or not.
        let retry = try await Self.take("A", key: key, phone: "13811112222", timeout: 20, on: api)
        #expect(retry.status == 201, "\(retry.text)")
        #expect(retry.json?["ticket"]?.stringValue == "A002", "\(retry.text)")
        #expect(retry.json?["sms_to"]?.stringValue == "138****2222")
        #expect(try data.issuedTickets() == ["A001", "A002"])

        // The same key asking for something else is a conflict; a bad key is bad input.
        expectError(try await Self.take("B", key: key, timeout: 20, on: api), 409, "idempotency_conflict")
        expectError(try await Self.take("A", key: "has space", timeout: 20, on: api), 400, "invalid_idempotency_key")
        expectError(try await Self.take("A", key: String(repeating: "k", count: 65), timeout: 20, on: api), 400, "invalid_idempotency_key")

        // The key is journaled with the issue: after a restart it still names A002.
        daemon.stop()
        (daemon, api) = try await data.serve(startAt: "2026-03-02 09:10")
        let afterRestart = try await Self.take("A", key: key, phone: "13811112222", timeout: 20, on: api)
        #expect(afterRestart.status == 201 && afterRestart.json?["ticket"]?.stringValue == "A002", "\(afterRestart.text)")
        let fresh = try await Self.take("A", key: "kiosk-7f3a9c21-0002", timeout: 20, on: api)
        #expect(fresh.json?["ticket"]?.stringValue == "A003", "\(fresh.text)")
        #expect(try data.issuedTickets() == ["A001", "A002", "A003"])
    }

    @Test func parallelRequestsWithOneKeyIssueOneTicket() async throws {
        let served = try await DataDirectoryFixture.serving(startAt: "2026-03-02 09:00")
        defer { served.stop() }
        let (data, daemon, api) = (served.data, served.daemon, served.api)
        let answers = try await withThrowingTaskGroup(of: APIResponse.self) { group in
            for _ in 0..<8 { group.addTask { try await Self.take("B", key: "double-tap", timeout: 20, on: api) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(answers.allSatisfy { $0.status == 201 })
        #expect(Set(answers.compactMap { $0.json?["ticket"]?.stringValue }) == ["B001"])
        let issued = try runCommand("sqlite3", [data.journal, "SELECT COUNT(*) FROM event WHERE json_extract(line, '$.ev') = 'issue'"]).output
        #expect(issued.trimmingCharacters(in: .whitespacesAndNewlines) == "1")
    }
}
