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
    @Option(name: [.customLong("token-file"), .customLong("tokens")], help: "Token file: the daemon's tokens.json or this window's own (`kiosk tokens issue --window N`); only the window's token may rate.")
    var tokens: String = "./var/tokens.json"

    func run() async throws {
        let deviceTokens: FrontDeskTokens
        do {
            deviceTokens = try FrontDeskTokens.read(path: tokens)
        } catch {
            throw ValidationError("\(error)")
        }
        // Only the window's own token: the daemon refuses ratings with a supervisor's or admin's.
        guard let token = deviceTokens.windows[window] else {
            throw ValidationError("\(tokens) holds no token for window \(window) (`kiosk tokens issue --window \(window) -o FILE` writes this pad's own)")
        }
        let transport = CurlHTTPTransport()
        defer { transport.shutdown() }
        try await RatePadLoop(client: KioskClient(server: server, transport: transport), token: token, window: window).run()
    }
}
