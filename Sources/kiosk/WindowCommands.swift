import ArgumentParser
import Foundation
import KioskAPI
import KioskCore

/// A clerk's one-word command on their window. Its CLI name is also its API action
/// (`kiosk recall 3` is `POST /v1/windows/3/recall`), so the path is derived, not repeated.
protocol WindowAction: HallCommand {
    var window: String { get }
}

extension WindowAction {
    var remote: DaemonClient.Call {
        DaemonClient.Call(path: "/v1/windows/\(window)/\(Self.configuration.commandName ?? "")", role: .window(window))
    }
}

struct CallCommand: WindowAction {
    static let configuration = CommandConfiguration(commandName: "call", abstract: "Call the next ticket to a window.")
    @OptionGroup var hall: HallOptions
    @Argument(help: "Window id.") var window: String
    func command(at now: Date, in engine: QueueEngine) throws -> Command { .callNext(counter: window) }
}

struct CallTicketCommand: HallCommand {
    static let configuration = CommandConfiguration(commandName: "call-ticket", abstract: "Supervisor: call a specific ticket out of order (audited).")
    @OptionGroup var hall: HallOptions
    @Argument(help: "Window id.") var window: String
    @Argument(help: "Ticket number.") var ticket: String
    @Option(help: "Who authorises it.") var by: String = "supervisor"
    func command(at now: Date, in engine: QueueEngine) throws -> Command { .callTicket(counter: window, ticket: ticket.uppercased(), by: by) }
    var remote: DaemonClient.Call { DaemonClient.Call(path: "/v1/windows/\(window)/call-ticket", body: .ticket(TicketChoiceRequest(ticket: ticket.uppercased())), role: .supervisor) }
}

struct RecallCommand: WindowAction {
    static let configuration = CommandConfiguration(commandName: "recall", abstract: "Call the window's ticket again.")
    @OptionGroup var hall: HallOptions
    @Argument(help: "Window id.") var window: String
    func command(at now: Date, in engine: QueueEngine) throws -> Command { .recall(counter: window) }
}

struct StartCommand: WindowAction {
    static let configuration = CommandConfiguration(commandName: "start", abstract: "The called citizen arrived: start serving.")
    @OptionGroup var hall: HallOptions
    @Argument(help: "Window id.") var window: String
    func command(at now: Date, in engine: QueueEngine) throws -> Command { .start(counter: window) }
}

struct FinishCommand: WindowAction {
    static let configuration = CommandConfiguration(commandName: "finish", abstract: "Finish serving the window's ticket.")
    @OptionGroup var hall: HallOptions
    @Argument(help: "Window id.") var window: String
    func command(at now: Date, in engine: QueueEngine) throws -> Command { .finish(counter: window) }
}

struct NoShowCommand: WindowAction {
    static let configuration = CommandConfiguration(commandName: "noshow", abstract: "The called citizen did not come: skip the ticket.")
    @OptionGroup var hall: HallOptions
    @Argument(help: "Window id.") var window: String
    func command(at now: Date, in engine: QueueEngine) throws -> Command { .noShow(counter: window) }
}

struct TransferCommand: HallCommand {
    static let configuration = CommandConfiguration(commandName: "transfer", abstract: "Send the window's ticket to another service's line, keeping its number.")
    @OptionGroup var hall: HallOptions
    @Argument(help: "Window id.") var window: String
    @Argument(help: "Service letter.") var service: String
    func command(at now: Date, in engine: QueueEngine) throws -> Command { .transfer(counter: window, to: service.uppercased()) }
    var remote: DaemonClient.Call { DaemonClient.Call(path: "/v1/windows/\(window)/transfer", body: .transfer(TransferRequest(service: service.uppercased())), role: .window(window)) }
}

struct ParkCommand: WindowAction {
    static let configuration = CommandConfiguration(commandName: "park", abstract: "Hold the window's ticket aside (e.g. a document is missing).")
    @OptionGroup var hall: HallOptions
    @Argument(help: "Window id.") var window: String
    func command(at now: Date, in engine: QueueEngine) throws -> Command { .park(counter: window) }
}

struct UnparkCommand: HallCommand {
    static let configuration = CommandConfiguration(commandName: "unpark", abstract: "Call back a ticket this window parked.")
    @OptionGroup var hall: HallOptions
    @Argument(help: "Window id.") var window: String
    @Argument(help: "Ticket number.") var ticket: String
    func command(at now: Date, in engine: QueueEngine) throws -> Command { .unpark(counter: window, ticket: ticket.uppercased()) }
    var remote: DaemonClient.Call { DaemonClient.Call(path: "/v1/windows/\(window)/unpark", body: .ticket(TicketChoiceRequest(ticket: ticket.uppercased())), role: .window(window)) }
}

struct PauseCommand: HallCommand {
    static let configuration = CommandConfiguration(commandName: "pause", abstract: "Pause a window (暂停服务), optionally saying when it is back.")
    @OptionGroup var hall: HallOptions
    @Argument(help: "Window id.") var window: String
    @Option(help: "Back at HH:MM (hall time, today).") var until: String?
    func command(at now: Date, in engine: QueueEngine) throws -> Command {
        guard let until else { return .pause(counter: window) }
        guard let clock = ClockTime(until) else { throw ValidationError("--until: expected HH:MM, got '\(until)'") }
        return .pause(counter: window, until: engine.calendar.instant(on: engine.calendar.businessDate(of: now), at: clock))
    }
    var remote: DaemonClient.Call { DaemonClient.Call(path: "/v1/windows/\(window)/pause", body: .pause(PauseRequest(until: until)), role: .window(window)) }
}

struct ResumeCommand: WindowAction {
    static let configuration = CommandConfiguration(commandName: "resume", abstract: "Resume a paused window.")
    @OptionGroup var hall: HallOptions
    @Argument(help: "Window id.") var window: String
    func command(at now: Date, in engine: QueueEngine) throws -> Command { .resume(counter: window) }
}

struct CoverCommand: HallCommand {
    static let configuration = CommandConfiguration(commandName: "cover", abstract: "Supervisor: a window also serves an absent colleague's services (AB角).")
    @OptionGroup var hall: HallOptions
    @Argument(help: "The window that covers.") var window: String
    @Argument(help: "The absent colleague's window.") var covered: String
    @Option(help: "Who authorises it (audited).") var by: String = "supervisor"
    func command(at now: Date, in engine: QueueEngine) throws -> Command { .cover(counter: window, covered: covered, by: by) }
    var remote: DaemonClient.Call { DaemonClient.Call(path: "/v1/windows/\(window)/cover", body: .cover(CoverRequest(covered: covered)), role: .supervisor) }
}

struct UncoverCommand: HallCommand {
    static let configuration = CommandConfiguration(commandName: "uncover", abstract: "Supervisor: end a window's cover (of one window, or all).")
    @OptionGroup var hall: HallOptions
    @Argument(help: "The covering window.") var window: String
    @Argument(help: "The covered window (default: every one).") var covered: String?
    @Option(help: "Who authorises it (audited).") var by: String = "supervisor"
    func command(at now: Date, in engine: QueueEngine) throws -> Command { .uncover(counter: window, covered: covered, by: by) }
    var remote: DaemonClient.Call { DaemonClient.Call(path: "/v1/windows/\(window)/uncover", body: .cover(CoverRequest(covered: covered)), role: .supervisor) }
}
