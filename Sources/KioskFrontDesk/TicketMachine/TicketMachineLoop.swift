import Foundation
import KioskAPI
import KioskCore

/// Runs the ticket machine on this process's terminal until Ctrl-C or a signal.
public struct TicketMachineLoop: Sendable {
    public var client: KioskClient
    public var tokens: FrontDeskTokens
    /// The hall's public address for the status URL printed on tickets.
    public var publicBase: String
    public var printer: TicketPrinter?
    /// Seconds without a key before going back to the start screen.
    public var idleTimeout: TimeInterval
    /// Staff leave with 0, this PIN and Enter; nil: Ctrl-C or a signal only.
    public var exitPIN: String?
    public var priorityGroups: PriorityGroups

    public init(
        client: KioskClient, tokens: FrontDeskTokens, publicBase: String, printer: TicketPrinter?, idleTimeout: TimeInterval,
        exitPIN: String? = nil, priorityGroups: PriorityGroups = .standard
    ) {
        self.client = client
        self.tokens = tokens
        self.publicBase = publicBase
        self.printer = printer
        self.idleTimeout = idleTimeout
        self.exitPIN = exitPIN
        self.priorityGroups = priorityGroups
    }

    public func run() async throws {
        let session = try TerminalSession()
        defer { session.close() }
        var machine = TicketMachine(idleTimeout: idleTimeout, exitPIN: exitPIN, priorityGroups: priorityGroups, now: Date())
        var printerProblem: String?
        func draw() {
            let size = session.size
            machine.screenSize = (size.width, size.height)
            var lines = TicketMachineScreen.render(machine, width: size.width, height: size.height)
            if let printerProblem, !lines.isEmpty { lines[lines.count - 1] = "! 打印失败 Printing failed: \(printerProblem)" }
            session.draw(lines)
        }
        var effects = machine.begin(at: Date())
        draw()
        let events = session.events()
        var iterator = events.makeAsyncIterator()
        while true {
            // Do what the last input asked for, feeding each answer back in.
            while !effects.isEmpty {
                let effect = effects.removeFirst()
                switch effect {
                case .loadServices:
                    switch await client.services() {
                    case let .ok(list): effects += machine.handle(.services(list.services), at: Date())
                    case let .refused(code, message): effects += machine.handle(.servicesUnavailable("\(code): \(message)"), at: Date())
                    case let .unreachable(why): effects += machine.handle(.servicesUnavailable(why), at: Date())
                    }
                case let .checkIn(code):
                    let answer = await client.checkIn(code, token: tokens.kiosk)
                    effects += machine.handle(Self.input(for: answer, publicBase: publicBase, service: nil), at: Date())
                case let .loadGuide(code):
                    switch await client.guide(code) {
                    case let .ok(guide): effects += machine.handle(.guide(guide), at: Date())
                    case let .refused(_, message): effects += machine.handle(.guideUnavailable(message), at: Date())
                    case let .unreachable(why): effects += machine.handle(.guideUnavailable(why), at: Date())
                    }
                case let .issue(request, service):
                    let answer = await client.issue(request.body, token: tokens.kiosk)
                    effects += machine.handle(Self.input(for: answer, publicBase: publicBase, service: service), at: Date())
                case .exit:
                    return
                case let .print(ticket):
                    guard let printer else { break }
                    do {
                        try printer.print(ticket)
                        printerProblem = nil
                    } catch {
                        printerProblem = "\(error)"
                    }
                }
                draw()
            }
            guard let event = await iterator.next() else { return }
            switch event {
            case .signal, .key(.interrupt): return
            case .tick: effects += machine.handle(.tick, at: Date())
            case let .key(key): effects += machine.handle(.key(key), at: Date())
            }
            draw()
        }
    }

    /// The machine's input for the daemon's answer to an issue.
    public static func input(for answer: APIAnswer<IssuedTicketAnswer>, publicBase: String, service: ServiceOption?) -> TicketMachine.Input {
        switch answer {
        case let .ok(issued):
            return .issued(IssuedTicket(answer: issued, publicBase: publicBase, service: service))
        case .refused("bad_answer", _):
            return .refused(Refusal(code: "bad_answer", message: "未能取号,请咨询工作人员 No ticket was issued; please ask staff"))
        case let .refused(code, message):
            return .refused(Refusal(code: code, message: message))
        case .unreachable:
            return .refused(Refusal(code: "unreachable", message: "暂时无法连接取号服务,未取到号 The ticket service cannot be reached; no ticket was issued"))
        }
    }
}
