import ArgumentParser
import KioskAPI
import KioskCore

/// `kiosk clock confirm`: a supervisor says the PC's clock is right (through the daemon).
struct ClockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clock", abstract: "The hall clock against the PC's clock.", subcommands: [Confirm.self]
    )

    struct Confirm: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "confirm",
            abstract: "Confirm the PC's clock is right (supervisor): ends a clock warning, takes a clock that is ahead, and lets the previous days' phone numbers be purged now."
        )
        @OptionGroup var hall: HallOptions

        func validate() throws {
            if hall.dataDir != nil { throw ValidationError("clock confirm talks to the daemon (its clock): leave out --data-dir") }
        }

        func run() async throws {
            let answer = try await hall.client().send(DaemonClient.Call(path: "/v1/admin/clock/confirm", role: .supervisor), as: ClockConfirmAnswer.self)
            print("时间已确认 clock confirmed: hall time \(answer.hallTime), clock \(answer.clock.state)")
        }
    }
}
