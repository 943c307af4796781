import ArgumentParser
import Foundation
import KioskAPI
import KioskCore

/// `kiosk open W`: a supervisor opens a closed window (`POST /v1/windows/W/open`), the command a
/// staffing advice of kind `open` names.
struct OpenWindowCommand: HallCommand {
    static let configuration = CommandConfiguration(commandName: "open", abstract: "Supervisor: open a closed window.")
    @OptionGroup var hall: HallOptions
    @Argument(help: "Window id.") var window: String
    func command(at now: Date, in engine: QueueEngine) throws -> Command { .openCounter(counter: window) }
    var remote: DaemonClient.Call { DaemonClient.Call(path: WindowAction.path(window: window, action: "open"), role: .supervisor) }
}

/// `kiosk close W`: a supervisor closes an idle window for the rest of the day (`POST /v1/windows/W/close`).
struct CloseWindowCommand: HallCommand {
    static let configuration = CommandConfiguration(commandName: "close", abstract: "Supervisor: close an idle window.")
    @OptionGroup var hall: HallOptions
    @Argument(help: "Window id.") var window: String
    func command(at now: Date, in engine: QueueEngine) throws -> Command { .closeCounter(counter: window) }
    var remote: DaemonClient.Call { DaemonClient.Call(path: WindowAction.path(window: window, action: "close"), role: .supervisor) }
}
