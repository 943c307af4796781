import ArgumentParser
import KioskFrontDesk

/// `kiosk window N`: the clerk's window terminal (叫号器) on this terminal.
struct WindowTerminalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "window",
        abstract: "The window terminal (叫号器): call, recall, start, finish, no-show, transfer, park, pause with single keys."
    )

    @Argument(help: "Window id.")
    var window: String

    @OptionGroup var device: FrontDeskOptions<WindowTerminalCommand>

    @Flag(name: .long, help: "Supervisor mode: cover/uncover an absent colleague's window, reactivate a no-show, call a ticket.")
    var supervisor = false

    @Flag(name: .long, help: "The reviewer's terminal (审核岗, 即审): take the next case, approve it, or return it with a reason.")
    var review = false

    func run() async throws {
        let deviceTokens = try device.deviceTokens()
        // No quiet fallback to another role: a window PC acts with its own token, a supervisor
        // says so with --supervisor.
        if supervisor ? deviceTokens.supervisor == nil : deviceTokens.window(window) == nil {
            let role = supervisor ? "the supervisor" : "window \(window)"
            let issue = supervisor ? "--role supervisor" : "--window \(window)"
            throw ValidationError("\(device.tokens) holds no token for \(role) (`kiosk tokens issue \(issue) -o FILE` writes this device's own)")
        }
        try await device.withClient { client in
            try await WindowTerminalLoop(client: client, tokens: deviceTokens, window: window, supervisor: supervisor, review: review).run()
        }
    }
}

extension WindowTerminalCommand: FrontDeskDevice {
    static let tokenFileHelp = "Token file: the daemon's tokens.json or this device's own (`kiosk tokens issue`); the window's token, or the supervisor's."
}
