import ArgumentParser
import KioskFrontDesk

/// `kiosk rate-pad N`: the citizens' rating pad (评价器) at window N.
struct RatePadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rate-pad", abstract: "The rating pad (评价器) at a window: the citizen rates the finished service 1–5 with one key."
    )

    @Argument(help: "Window id.") var window: String
    @OptionGroup var device: FrontDeskOptions<RatePadCommand>

    func run() async throws {
        // Only the window's own token: the daemon refuses ratings with a supervisor's or admin's.
        guard let token = try device.deviceTokens().windows[window] else {
            throw ValidationError("\(device.tokens) holds no token for window \(window) (`kiosk tokens issue --window \(window) -o FILE` writes this pad's own)")
        }
        try await device.withClient { client in try await RatePadLoop(client: client, token: token, window: window).run() }
    }
}

extension RatePadCommand: FrontDeskDevice {
    static let tokenFileHelp = "Token file: the daemon's tokens.json or this window's own (`kiosk tokens issue --window N`); only the window's token may rate."
}
