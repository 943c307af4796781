import ArgumentParser
import Foundation
import KioskAPI
import KioskCore
import KioskStore
import KioskServer

struct TakeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "take", abstract: "Take a ticket for a service (the kiosk).")

    @OptionGroup var hall: HallOptions
    @Argument(help: "Service letter, e.g. C for 失业登记.") var service: String
    @Flag(help: "Elderly, disabled or otherwise entitled to priority.") var priority = false
    @Option(help: "The citizen's mobile for SMS (mainland, 1[3-9] + 9 digits).") var phone: String?
    @Option(help: "A caretaker's mobile, also told when the turn is near.") var caretaker: String?
    @Option(help: "Issue this many tickets one after another, each committed on its own (load and crash tests).")
    var count: Int = 1

    func validate() throws {
        if let phone, PhoneNumber(phone) == nil { throw ValidationError("--phone: not a mainland mobile number (11 digits starting 13–19): \(phone)") }
        if let caretaker, PhoneNumber(caretaker) == nil { throw ValidationError("--caretaker: not a mainland mobile number: \(caretaker)") }
        if count < 1 { throw ValidationError("--count must be at least 1") }
    }

    func run() async throws {
        guard let local = try hall.localHall() else { return try await takeFromDaemon() }
        let contact = (phone != nil || caretaker != nil)
            ? TicketContact(ticket: "", phone: phone.flatMap(PhoneNumber.init), caretaker: caretaker.flatMap(PhoneNumber.init))
            : nil
        for _ in 0..<count {
            let now = try hall.now(in: local.engine.calendar)
            let outcome = try execute(
                .issue(service: service.uppercased(), priority: priority, contact: contact != nil), on: local, at: now, contact: contact
            )
            guard let number = outcome.events.lazy.compactMap(\.issuedTicket).last,
                  let config = local.engine.config.service(outcome.state.tickets[number]?.service ?? "") else { continue }
            // One line per acknowledged ticket, written after the commit: the crash test reads these.
            printLine(IssuedTicketText.line(
                ticket: number, serviceName: config.name, ahead: outcome.state.peopleAhead(of: number) ?? 0, documents: config.documents,
                maskedPhone: contact?.phone?.masked, maskedCaretaker: contact?.caretaker?.masked
            ))
        }
    }
}

extension TakeCommand {
    /// The same ticket, taken from the daemon.
    func takeFromDaemon() async throws {
        let client = hall.client()
        let body = IssueTicketRequest(service: service.uppercased(), priority: priority, phone: phone, caretakerPhone: caretaker)
        for _ in 0..<count {
            let answer = try await client.send(DaemonClient.Call(path: "/v1/tickets", body: .issue(body), role: .kiosk), as: IssuedTicketAnswer.self)
            printLine(answer.line)
        }
    }
}

struct CancelCommand: HallCommand {
    static let configuration = CommandConfiguration(commandName: "cancel", abstract: "Cancel a waiting or parked ticket.")
    @OptionGroup var hall: HallOptions
    @Argument(help: "Ticket number, e.g. A023.") var ticket: String
    func command(at now: Date, in engine: QueueEngine) throws -> Command { .cancel(ticket: ticket.uppercased()) }
    var remote: DaemonClient.Call { DaemonClient.Call(path: "/v1/tickets/\(ticket.uppercased())/cancel", role: .kiosk) }
}

struct ReactivateCommand: HallCommand {
    static let configuration = CommandConfiguration(commandName: "reactivate", abstract: "Supervisor: put a recent no-show back in line.")
    @OptionGroup var hall: HallOptions
    @Argument(help: "Ticket number.") var ticket: String
    @Option(help: "Who authorises it (audited).") var by: String = "supervisor"
    func command(at now: Date, in engine: QueueEngine) throws -> Command { .reactivate(ticket: ticket.uppercased(), by: by) }
    var remote: DaemonClient.Call { DaemonClient.Call(path: "/v1/tickets/\(ticket.uppercased())/reactivate", role: .supervisor) }
}
