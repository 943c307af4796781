import ArgumentParser
import KioskCommands

/// The executable only: every command, its options and what it prints live in KioskCommands,
/// where tests parse and validate them in process.
@main
enum KioskMain {
    static func main() async { await Kiosk.main() }
}
