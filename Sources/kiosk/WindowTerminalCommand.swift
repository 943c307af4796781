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

    @Option(name: .long, help: "Token file written by `kiosk serve` (the window's token, or the supervisor's).")
    var tokens: String = "./var/tokens.json"

    @Flag(name: .long, help: "Supervisor mode: cover/uncover an absent colleague's window, reactivate a no-show, call a ticket.")
    var supervisor = false

    func run() async throws {
        let transport = CurlHTTPTransport()
        defer { transport.shutdown() }
        try await WindowTerminalLoop(
            client: FrontDeskClient(server: server, transport: transport), tokens: FrontDeskTokens.load(path: tokens),
            window: window, supervisor: supervisor
        ).run()
    }
}
