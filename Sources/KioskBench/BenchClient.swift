import Foundation
import KioskCore
import KioskHTTPClient
import KioskServer

/// Takes tickets over HTTP through the libcurl transport, as kiosks would, and reads the hall
/// as its screens and the public service list do.
struct BenchClient {
    let transport = CurlHTTPTransport(configuration: .init(maximumConcurrentRequests: 64))
    /// Seconds a request may take: a daemon whose commands cost the whole line answers 64
    /// clients slowly, and the bench measures that rather than giving up.
    static let timeout: Double = 600
    let base: String
    let token: String
    /// The hall's service codes: tickets go round them.
    let services: [String]

    init(port: Int, tokenFile: String, services: [String] = BenchHall.letters) throws {
        base = "http://127.0.0.1:\(port)"
        // The supervisor's override: nobody is served during the bench, so the line passes
        // closing time long before 10 000 tickets and the kiosk would refuse (closes_before_turn).
        token = try AccessTokens.load(json: String(contentsOfFile: tokenFile, encoding: .utf8)).supervisor
        self.services = services
    }

    /// (journal transactions, commands in them) so far, from the daemon's /metrics.
    func commitCounts() async throws -> (transactions: Double, commands: Double) {
        let text = try await transport.send(HTTPRequest(url: base + "/metrics")).text
        func value(_ name: String) -> Double {
            text.split(separator: "\n").first { $0.hasPrefix(name + " ") }.flatMap { Double($0.split(separator: " ").last ?? "") } ?? 0
        }
        return (value("kiosk_journal_commit_commands_count"), value("kiosk_journal_commit_commands_sum"))
    }

    /// Takes a ticket of the `i`-th service (round the hall's list); returns its number.
    @discardableResult
    func take(_ i: Int) async throws -> String {
        let response = try await transport.send(HTTPRequest(
            method: .post, url: base + "/v1/tickets",
            headers: ["Authorization": "Bearer \(token)", "Content-Type": "application/json"],
            body: Data(#"{"service":"\#(services[i % services.count])","override":true}"#.utf8), timeout: Self.timeout
        ))
        guard response.status == 201,
              let answer = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any],
              let number = answer["ticket"] as? String
        else { throw BenchFailure("take failed: \(response.status) \(response.text)") }
        return number
    }

    /// Cancels `number` (as the supervisor), so a latency probe leaves the line as it found it.
    func cancel(_ number: String) async throws {
        let response = try await transport.send(HTTPRequest(
            method: .post, url: base + "/v1/tickets/\(number)/cancel", headers: ["Authorization": "Bearer \(token)"], timeout: Self.timeout
        ))
        guard response.isSuccess else { throw BenchFailure("cancel failed: \(response.status) \(response.text)") }
    }

    /// GETs `path` (with the supervisor's token, which may read the hall); fails unless 200.
    func get(_ path: String) async throws {
        let response = try await transport.send(HTTPRequest(url: base + path, headers: ["Authorization": "Bearer \(token)"], timeout: Self.timeout))
        guard response.status == 200 else { throw BenchFailure("GET \(path) failed: \(response.status) \(response.text)") }
    }

    /// Takes `count` tickets with `clients` concurrent clients.
    func fill(_ count: Int, clients: Int = 16) async throws {
        guard count > 0 else { return }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for c in 0..<clients {
                group.addTask { for i in stride(from: c, to: count, by: clients) { try await take(i) } }
            }
            try await group.waitForAll()
        }
    }
}
