import ArgumentParser
import KioskFrontDesk
import KioskHTTPClient

/// `kiosk ticket-machine`: the citizen's ticket machine on this terminal.
struct TicketMachineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ticket-machine",
        abstract: "The ticket machine (取号机): choose a service, check the documents, take a ticket; digits and Enter only."
    )

    @Option(name: .long, help: "The daemon to talk to.")
    var server: String = "http://127.0.0.1:8080"

    @Option(name: [.customLong("token-file"), .customLong("tokens")], help: "Token file: the daemon's tokens.json or this device's own (`kiosk tokens issue`); the kiosk token is used.")
    var tokens: String = "./var/tokens.json"

    @Option(name: .long, help: "The hall's public address for the status URL on tickets (default: --server).")
    var publicUrl: String?

    @Option(name: .long, help: "ESC/POS printer device or file to append tickets to (e.g. /dev/usb/lp0).")
    var printer: String?

    @Option(name: .long, help: "Paper width in mm: 58 (32 columns) or 80 (48 columns).")
    var paper: Int = 80

    @Option(name: .long, help: "Seconds without a key before going back to the start screen.")
    var idleTimeout: Double = 60

    func validate() throws {
        guard Paper(rawValue: paper) != nil else { throw ValidationError("--paper must be 58 or 80") }
        guard idleTimeout > 0 else { throw ValidationError("--idle-timeout must be positive") }
    }

    func run() async throws {
        let deviceTokens: FrontDeskTokens
        do {
            deviceTokens = try FrontDeskTokens.read(path: tokens)
        } catch {
            throw ValidationError("\(error)")
        }
        guard deviceTokens.kiosk != nil else {
            throw ValidationError("\(tokens) holds no kiosk token (`kiosk tokens issue --role kiosk -o FILE` writes the ticket machine's own)")
        }
        let transport = CurlHTTPTransport()
        defer { transport.shutdown() }
        try await TicketMachineLoop(
            client: KioskClient(server: server, transport: transport), tokens: deviceTokens,
            publicBase: publicUrl ?? server, printer: printer.map { TicketPrinter(path: $0, paper: Paper(rawValue: paper) ?? .mm80) },
            idleTimeout: idleTimeout
        ).run()
    }
}
