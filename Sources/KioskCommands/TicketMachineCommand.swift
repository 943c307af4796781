import ArgumentParser
import Foundation
import KioskFrontDesk

/// `kiosk ticket-machine`: the citizen's ticket machine on this terminal.
struct TicketMachineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ticket-machine",
        abstract: "The ticket machine (取号机): choose a service, check the documents, take a ticket; digits and Enter only."
    )

    @OptionGroup var device: FrontDeskOptions<TicketMachineCommand>

    @Option(name: .long, help: "The hall's public address for the status URL on tickets (default: --server).")
    var publicUrl: String?

    @Option(name: .long, help: "ESC/POS printer device or file to append tickets to (e.g. /dev/usb/lp0).")
    var printer: String?

    @Option(name: .long, help: "Paper width in mm: 58 (32 columns) or 80 (48 columns).")
    var paper: Int = 80

    @Option(name: .long, help: "How the printer makes the ticket page's QR code: native (its own GS ( k command) or raster (an image made here; any printer).")
    var qr: String = "raster"

    @Option(name: .long, help: "Seconds without a key before going back to the start screen.")
    var idleTimeout: Double = 60

    @Option(name: .long, help: "Staff exit PIN (digits): on the start screen, 0, the PIN and Enter leave the machine. Default: $KIOSK_EXIT_PIN; none: Ctrl-C only.")
    var exitPin: String?

    @Option(name: .long, help: "Who may ask for priority, as the screen and the ticket name them: 'Chinese/English,…'.")
    var priorityGroups: String = "老年人(70岁以上)/elderly (70+),残疾人/disabled,孕妇/pregnant"

    var pin: String? { exitPin ?? ProcessInfo.processInfo.environment["KIOSK_EXIT_PIN"] }

    func validate() throws {
        guard Paper(rawValue: paper) != nil else { throw ValidationError("--paper must be 58 or 80") }
        guard QRPrinting(rawValue: qr) != nil else { throw ValidationError("--qr must be native or raster") }
        guard idleTimeout > 0 else { throw ValidationError("--idle-timeout must be positive") }
        if let pin, pin.isEmpty || !pin.allSatisfy({ $0.isASCII && $0.isNumber }) || pin.count > 12 {
            throw ValidationError("--exit-pin must be 1–12 digits (the keypad has only digits)")
        }
        guard PriorityGroups(parsing: priorityGroups) != nil else { throw ValidationError("--priority-groups: expected 'Chinese/English,…'") }
    }

    func run() async throws {
        let deviceTokens = try device.deviceTokens()
        guard deviceTokens.kiosk != nil else {
            throw ValidationError("\(device.tokens) holds no kiosk token (`kiosk tokens issue --role kiosk -o FILE` writes the ticket machine's own)")
        }
        try await device.withClient { client in
            try await TicketMachineLoop(
                client: client, tokens: deviceTokens,
                publicBase: publicUrl ?? device.server, printer: printer.map { TicketPrinter(path: $0, paper: Paper(rawValue: paper) ?? .mm80, qr: QRPrinting(rawValue: qr) ?? .raster) },
                idleTimeout: idleTimeout, exitPIN: pin, priorityGroups: PriorityGroups(parsing: priorityGroups) ?? .standard
            ).run()
        }
    }
}

extension TicketMachineCommand: FrontDeskDevice {
    static let tokenFileHelp = "Token file: the daemon's tokens.json or this device's own (`kiosk tokens issue`); the kiosk token is used."
}
