import Foundation
import KioskCore

/// `kiosk open W`: a supervisor opens a closed window (`POST /v1/windows/W/open`), the command a
/// staffing advice of kind `open` names.
enum OpenVerb: ClerkVerb {
    static let name = "open", route = "open", windowHelp = "Window id.", abstract = "Supervisor: open a closed window."
    static let bySupervisor = true
    static func command(window: CounterID) -> Command { .openCounter(counter: window) }
}

/// `kiosk close W`: a supervisor closes an idle window for the rest of the day (`POST /v1/windows/W/close`).
enum CloseVerb: ClerkVerb {
    static let name = "close", route = "close", windowHelp = "Window id.", abstract = "Supervisor: close an idle window."
    static let bySupervisor = true
    static func command(window: CounterID) -> Command { .closeCounter(counter: window) }
}
