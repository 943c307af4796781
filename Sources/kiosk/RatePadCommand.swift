import ArgumentParser
import KioskFrontDesk
import KioskHTTPClient

/// `kiosk rate-pad N`: the citizens' rating pad (评价器) at window N.
struct RatePadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rate-pad", abstract: "The rating pad (评价器) at a window: the citizen rates the finished service 1–5 with one key."
    )

    @Argument(help: "Window id.") var window: String
    @Option(name: .long, help: "The daemon to talk to.") var server: String = "http://127.0.0.1:8080"
    @Option(name: .long, help: "Token file written by `kiosk serve` (the window's own token is used).") var tokens: String = "./var/tokens.json"

    func run() async throws {
        let transport = CurlHTTPTransport()
        defer { transport.shutdown() }
        try await RatePadLoop(
            client: FrontDeskClient(server: server, transport: transport), token: FrontDeskTokens.load(path: tokens).windows[window], window: window
        ).run()
    }
}
