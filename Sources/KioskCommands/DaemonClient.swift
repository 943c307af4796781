import ArgumentParser
import Foundation
import KioskAPI
import KioskCore
import KioskFrontDesk
import KioskHTTPClient

/// The CLI's use of the one API client (`KioskClient`, the front ends' too): which token to
/// present, and a refusal or an unreachable daemon turned into the CLI's exit statuses.
struct DaemonClient {
    let server: String
    let token: String?
    let tokenFile: String

    /// One API call: where, what, and which role's token to present.
    struct Call {
        var method: HTTPMethod = .post
        var path: String
        var body: CommandBody? = nil
        /// A body sent as it is (a hall config file), instead of `body`.
        var rawBody: Data? = nil
        var role: Role
        /// Roles whose token may stand in when the token file lacks `role`'s (`.admin` for a
        /// call the booking role may make): the least role the file holds is presented.
        var orElse: [Role] = []
    }

    /// Sends `call`; returns the 2xx answer as `Answer`. A refusal prints `refused [code]: …`
    /// and exits 3; an unreachable daemon exits 4.
    func send<Answer: Decodable & Sendable>(_ call: Call, as answer: Answer.Type) async throws -> Answer {
        try await exchange(call) { client, bearer in
            await client.send(call.method, call.path, body: call.body, rawBody: call.rawBody, token: bearer, as: Answer.self)
        }
    }

    /// A `GET` whose answer is text (`/v1/export`'s trace), with the same exits as `send`.
    func text(_ call: Call) async throws -> String {
        try await exchange(call) { client, bearer in await client.text(call.path, token: bearer, timeout: 60) }
    }

    private func exchange<Answer: Sendable>(_ call: Call, _ body: (KioskClient, String?) async -> APIAnswer<Answer>) async throws -> Answer {
        let bearer = try token ?? tokenFor([call.role] + call.orElse)
        let transport = CurlHTTPTransport()
        defer { transport.shutdown() }
        var client = KioskClient(server: server, transport: transport)
        client.timeout = 10
        client.connectTimeout = 5
        switch await body(client, bearer) {
        case let .ok(value):
            return value
        case let .refused(code, message):
            printError("refused [\(code)]: \(message)")
            throw ExitCode(3)
        case let .unreachable(why):
            printError("cannot reach the daemon at \(server): \(why) — is `kiosk serve` running? (or use --data-dir)")
            throw ExitCode(4)
        }
    }

    /// The daemon's services (a public read), or none when they cannot be read: only for naming.
    func services() async -> [ServiceStatus] {
        let transport = CurlHTTPTransport()
        defer { transport.shutdown() }
        guard case let .ok(list) = await KioskClient(server: server, transport: transport).services() else { return [] }
        return list.services
    }

    /// A command: its events (and the window, for a window's command).
    func send(_ call: Call) async throws -> CommandAnswer {
        try await send(call, as: CommandAnswer.self)
    }

    /// The token for the first of `roles` the token file holds: the full one or a device's own.
    /// No fallback beyond them: a missing token is an error that says which file to use.
    private func tokenFor(_ roles: [Role]) throws -> String {
        do {
            return try TokenFileReader.token(for: roles, at: tokenFile)
        } catch {
            switch error {
            case .unreadable: printError("\(error) (--token-file FILE, or --token)")
            case .malformed: printError("\(error)")
            case .lacks: printError("\(error) this needs (`kiosk tokens issue` writes a device's file)")
            }
            throw ExitCode(2)
        }
    }
}
