import ArgumentParser
import KioskFrontDesk
import KioskHTTPClient

/// `kiosk window N`: the clerk's window terminal (叫号器) on this terminal.
struct WindowTerminalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "window",
        abstract: "The window terminal (叫号器): call, recall, start, finish, no-show, transfer, park, pause with single keys."
    )

    @Argument(help: "Window id.")
    var window: String

    @Option(name: .long, help: "The daemon to talk to.")
    var server: String = "http://127.0.0.1:8080"

    @Option(name: [.customLong("token-file"), .customLong("tokens")], help: "Token file: the daemon's tokens.json or this device's own (`kiosk tokens issue`); the window's token, or the supervisor's.")
    var tokens: String = "./var/tokens.json"

    @Flag(name: .long, help: "Supervisor mode: cover/uncover an absent colleague's window, reactivate a no-show, call a ticket.")
    var supervisor = false

    func run() async throws {
        let deviceTokens: FrontDeskTokens
        do {
            deviceTokens = try FrontDeskTokens.read(path: tokens)
        } catch {
            throw ValidationError("\(error)")
        }
        // No quiet fallback to another role: a window PC acts with its own token, a supervisor
        // says so with --supervisor.
        if supervisor ? deviceTokens.supervisor == nil : deviceTokens.window(window) == nil {
            let role = supervisor ? "the supervisor" : "window \(window)"
            let issue = supervisor ? "--role supervisor" : "--window \(window)"
            throw ValidationError("\(tokens) holds no token for \(role) (`kiosk tokens issue \(issue) -o FILE` writes this device's own)")
        }
        let transport = CurlHTTPTransport()
        defer { transport.shutdown() }
        try await WindowTerminalLoop(
            client: KioskClient(server: server, transport: transport), tokens: deviceTokens,
            window: window, supervisor: supervisor
        ).run()
    }
}
