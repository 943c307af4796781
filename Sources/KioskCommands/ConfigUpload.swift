import ArgumentParser
import Foundation
import KioskAPI
import KioskStore

/// What `config apply` and `config add-service` share: reading the hall config file, and
/// sending a config text to the daemon (`PUT /v1/config`, the admin's token), which checks it
/// again and applies it live.
enum ConfigUpload {
    /// The daemon to apply it in, and the admin's token.
    struct Daemon: ParsableArguments {
        @Option(name: .long, help: "The daemon to talk to.") var server: String = "http://127.0.0.1:8080"
        @Option(name: .long, help: "Bearer token (default: the admin token from --token-file).") var token: String?
        @Option(name: [.customLong("token-file"), .customLong("tokens")], help: "Token file holding the admin token: the daemon's tokens.json or an admin device file.")
        var tokens: String = "./var/tokens.json"

        var client: DaemonClient { DaemonClient(server: server, token: token, tokenFile: tokens) }
    }

    /// The file's text; an unreadable file says why (`no such file` …) and exits 1.
    static func read(_ path: String) throws -> String {
        do {
            return try TextFile.read(path)
        } catch {
            printError("\(path): cannot read: \(error.localizedDescription)")
            throw ExitCode(1)
        }
    }

    static func apply(_ text: String, through client: DaemonClient) async throws -> ConfigChangeAnswer {
        try await client.send(DaemonClient.Call(method: .put, path: "/v1/config", rawBody: Data(text.utf8), role: .admin), as: ConfigChangeAnswer.self)
    }
}
