import ArgumentParser
import Foundation
import KioskAPI
import KioskCore

/// A one-word command on a window: one command for the seven window actions, the reviewer's
/// two and the supervisor's open and close, told apart by `Verb`. Its CLI name is its API
/// action's (`kiosk recall 3` is `POST /v1/windows/3/recall`); the seven read their engine
/// command from the same table as the routes, `WindowAction`.
struct ClerkCommand<Verb: ClerkVerb>: HallCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: Verb.name, abstract: Verb.abstract) }
    @OptionGroup var hall: HallOptions
    @Argument(help: ArgumentHelp(Verb.windowHelp)) var window: String
    func command(at now: Date, in engine: QueueEngine) throws -> Command { Verb.command(window: window) }
    var remote: DaemonClient.Call {
        DaemonClient.Call(path: WindowAction.path(window: window, action: Verb.route), role: Verb.bySupervisor ? .supervisor : .window(window))
    }
}

/// One row of the clerk's commands: its name, route, help lines and engine command.
protocol ClerkVerb {
    static var name: String { get }
    /// The route's last segments (`review/next`).
    static var route: String { get }
    static var abstract: String { get }
    static var windowHelp: String { get }
    /// A supervisor's command (audited), not the window's clerk's: the supervisor's token.
    static var bySupervisor: Bool { get }
    static func command(window: CounterID) -> Command
}

extension ClerkVerb {
    static var bySupervisor: Bool { false }
}

/// A verb that is one of the window actions: name, route and command from `WindowAction`.
protocol WindowActionVerb: ClerkVerb {
    static var action: WindowAction { get }
}

extension WindowActionVerb {
    static var name: String { action.rawValue }
    static var route: String { action.rawValue }
    static var windowHelp: String { "Window id." }
    static func command(window: CounterID) -> Command { action.command(counter: window) }
}

enum CallVerb: WindowActionVerb { static let action = WindowAction.call, abstract = "Call the next ticket to a window." }
enum RecallVerb: WindowActionVerb { static let action = WindowAction.recall, abstract = "Call the window's ticket again." }
enum StartVerb: WindowActionVerb { static let action = WindowAction.start, abstract = "The called citizen arrived: start serving." }
enum FinishVerb: WindowActionVerb { static let action = WindowAction.finish, abstract = "Finish serving the window's ticket." }
enum NoShowVerb: WindowActionVerb { static let action = WindowAction.noshow, abstract = "The called citizen did not come: skip the ticket." }
enum ParkVerb: WindowActionVerb { static let action = WindowAction.park, abstract = "Hold the window's ticket aside (e.g. a document is missing)." }
enum ResumeVerb: WindowActionVerb { static let action = WindowAction.resume, abstract = "Resume a paused window." }

struct CallTicketCommand: HallCommand {
    static let configuration = CommandConfiguration(commandName: "call-ticket", abstract: "Supervisor: call a specific ticket out of order (audited).")
    @OptionGroup var hall: HallOptions
    @Argument(help: "Window id.") var window: String
    @Argument(help: "Ticket number.") var ticket: String
    @Option(help: "Who authorises it.") var by: String = "supervisor"
    func command(at now: Date, in engine: QueueEngine) throws -> Command { .callTicket(counter: window, ticket: ticket.uppercased(), by: by) }
    var remote: DaemonClient.Call { DaemonClient.Call(path: WindowAction.path(window: window, action: "call-ticket"), body: .ticket(TicketChoiceRequest(ticket: ticket.uppercased())), role: .supervisor) }
}

struct TransferCommand: HallCommand {
    static let configuration = CommandConfiguration(commandName: "transfer", abstract: "Send the window's ticket to another service's line, keeping its number.")
    @OptionGroup var hall: HallOptions
    @Argument(help: "Window id.") var window: String
    @Argument(help: "Service letter.") var service: String
    func command(at now: Date, in engine: QueueEngine) throws -> Command { .transfer(counter: window, to: service.uppercased()) }
    var remote: DaemonClient.Call { DaemonClient.Call(path: WindowAction.path(window: window, action: "transfer"), body: .transfer(TransferRequest(service: service.uppercased())), role: .window(window)) }
}

/// A window's command on one ticket it set aside (`kiosk unpark 3 C014`): one command for the
/// two, told apart by `Verb`; the ticket goes in the body, as the route takes it.
struct WindowTicketCommand<Verb: WindowTicketVerb>: HallCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: Verb.name, abstract: Verb.abstract) }
    @OptionGroup var hall: HallOptions
    @Argument(help: "Window id.") var window: String
    @Argument(help: "Ticket number.") var ticket: String
    func command(at now: Date, in engine: QueueEngine) throws -> Command { Verb.command(window: window, ticket: ticket.uppercased()) }
    var remote: DaemonClient.Call {
        DaemonClient.Call(path: WindowAction.path(window: window, action: Verb.name), body: .ticket(TicketChoiceRequest(ticket: ticket.uppercased())), role: .window(window))
    }
}

/// One row of the window's ticket commands: its name (and route), help line and engine command.
protocol WindowTicketVerb {
    static var name: String { get }
    static var abstract: String { get }
    static func command(window: CounterID, ticket: TicketNumber) -> Command
}

enum UnparkVerb: WindowTicketVerb {
    static let name = "unpark", abstract = "Call back a ticket this window parked."
    static func command(window: CounterID, ticket: TicketNumber) -> Command { .unpark(counter: window, ticket: ticket) }
}

enum NoShowAwaitingVerb: WindowTicketVerb {
    static let name = "noshow-awaiting"
    static let abstract = "A ticket this window set aside unanswered (未确认) did not come: a no-show without calling it back."
    static func command(window: CounterID, ticket: TicketNumber) -> Command { .noShowAwaiting(counter: window, ticket: ticket) }
}

struct PauseCommand: HallCommand {
    static let configuration = CommandConfiguration(commandName: "pause", abstract: "Pause a window (暂停服务), optionally saying when it is back.")
    @OptionGroup var hall: HallOptions
    @Argument(help: "Window id.") var window: String
    @Option(help: "Back at HH:MM (hall time, today).") var until: String?
    func validate() throws {
        if let until, ClockTime(until) == nil { throw ValidationError("--until: expected HH:MM, got '\(until)'") }
    }
    func command(at now: Date, in engine: QueueEngine) throws -> Command {
        // validate() has refused an --until that is no HH:MM.
        guard let clock = until.flatMap(ClockTime.init) else { return .pause(counter: window) }
        return .pause(counter: window, until: engine.calendar.instant(on: engine.calendar.businessDate(of: now), at: clock))
    }
    var remote: DaemonClient.Call { DaemonClient.Call(path: WindowAction.path(window: window, action: "pause"), body: .pause(PauseRequest(until: until)), role: .window(window)) }
}

struct CoverCommand: HallCommand {
    static let configuration = CommandConfiguration(commandName: "cover", abstract: "Supervisor: a window also serves an absent colleague's services (AB角).")
    @OptionGroup var hall: HallOptions
    @Argument(help: "The window that covers.") var window: String
    @Argument(help: "The absent colleague's window.") var covered: String
    @Option(help: "Who authorises it (audited).") var by: String = "supervisor"
    func command(at now: Date, in engine: QueueEngine) throws -> Command { .cover(counter: window, covered: covered, by: by) }
    var remote: DaemonClient.Call { DaemonClient.Call(path: WindowAction.path(window: window, action: "cover"), body: .cover(CoverRequest(covered: covered)), role: .supervisor) }
}

struct UncoverCommand: HallCommand {
    static let configuration = CommandConfiguration(commandName: "uncover", abstract: "Supervisor: end a window's cover (of one window, or all).")
    @OptionGroup var hall: HallOptions
    @Argument(help: "The covering window.") var window: String
    @Argument(help: "The covered window (default: every one).") var covered: String?
    @Option(help: "Who authorises it (audited).") var by: String = "supervisor"
    func command(at now: Date, in engine: QueueEngine) throws -> Command { .uncover(counter: window, covered: covered, by: by) }
    var remote: DaemonClient.Call { DaemonClient.Call(path: WindowAction.path(window: window, action: "uncover"), body: .cover(CoverRequest(covered: covered)), role: .supervisor) }
}
