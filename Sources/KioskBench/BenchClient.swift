import Foundation
import KioskCore
import KioskHTTPClient
import KioskServer

/// Takes tickets over HTTP through the libcurl transport, as kiosks would.
struct BenchClient {
    let transport = CurlHTTPTransport(configuration: .init(maximumConcurrentRequests: 64))
    let url: String
    let token: String

    init(port: Int, tokenFile: String) throws {
        url = "http://127.0.0.1:\(port)/v1/tickets"
        // The supervisor's override: nobody is served during the bench, so the line passes
        // closing time long before 10 000 tickets and the kiosk would refuse (closes_before_turn).
        token = try AccessTokens.load(json: String(contentsOfFile: tokenFile, encoding: .utf8)).supervisor
    }

    /// (journal transactions, commands in them) so far, from the daemon's /metrics.
    func commitCounts() async throws -> (transactions: Double, commands: Double) {
        let text = try await transport.send(HTTPRequest(url: url.replacingOccurrences(of: "/v1/tickets", with: "/metrics"))).text
        func value(_ name: String) -> Double {
            text.split(separator: "\n").first { $0.hasPrefix(name + " ") }.flatMap { Double($0.split(separator: " ").last ?? "") } ?? 0
        }
        return (value("kiosk_journal_commit_commands_count"), value("kiosk_journal_commit_commands_sum"))
    }

    func take(_ i: Int) async throws {
        let service = String(UnicodeScalar(65 + i % 26)!)
        let response = try await transport.send(HTTPRequest(
            method: .post, url: url,
            headers: ["Authorization": "Bearer \(token)", "Content-Type": "application/json"],
            body: Data(#"{"service":"\#(service)","override":true}"#.utf8)
        ))
        guard response.status == 201 else { throw BenchFailure("take failed: \(response.status) \(response.text)") }
    }
}
