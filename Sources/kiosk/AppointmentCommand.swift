import ArgumentParser
import Foundation
import KioskAPI
import KioskCore
import KioskStore

/// `kiosk appointment book|cancel|check-in|list`: appointments (预约) through the daemon, or on
/// a journal directly with `--data-dir` (and `--at`), like the other queue commands.
struct AppointmentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "appointment", abstract: "Book, cancel, check in and list appointments (预约).",
        subcommands: [Book.self, Cancel.self, CheckIn.self, List.self]
    )

    struct Book: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Book a slot (admin token through the daemon); prints the 6-digit code.")
        @OptionGroup var hall: HallOptions
        @Argument(help: "Service letter, e.g. C.") var service: String
        @Option(help: "The day, YYYY-MM-DD.") var date: String
        @Option(help: "The slot's start, HH:MM.") var time: String
        @Option(help: "The citizen's mobile for the SMS reminders (mainland, 1[3-9] + 9 digits); kept until the slot's day ends.") var phone: String?

        func validate() throws {
            if BusinessDate(date) == nil { throw ValidationError("--date: expected YYYY-MM-DD, got '\(date)'") }
            if ClockTime(time) == nil { throw ValidationError("--time: expected HH:MM, got '\(time)'") }
            if let phone, PhoneNumber(phone) == nil { throw ValidationError("--phone: not a mainland mobile number (11 digits starting 13–19): \(phone)") }
        }

        func run() async throws {
            let code = service.uppercased()
            guard let local = try hall.localHall() else {
                let answer = try await hall.client().send(
                    DaemonClient.Call(path: "/v1/appointments", body: .appointment(BookAppointmentRequest(service: code, date: date, time: time, phone: phone)), role: .admin),
                    as: AppointmentAnswer.self
                )
                printLine(AppointmentText.line(answer))
                return
            }
            let now = try hall.now(in: local.engine.calendar)
            let phone = self.phone.flatMap(PhoneNumber.init)
            var rng = SystemRandomNumberGenerator()
            for _ in 0..<8 {
                let drawn = String(format: "%06d", Int.random(in: 0...999_999, using: &rng))
                do {
                    let outcome = try local.execute(
                        .bookAppointment(service: code, date: BusinessDate(date)!, time: ClockTime(time)!, code: drawn, hasContact: phone != nil), at: now,
                        contact: phone.map { TicketContact(ticket: drawn, phone: $0, caretaker: nil) }
                    )
                    if let booked = outcome.state.appointments.find(drawn) {
                        var answer = AppointmentAnswer(booked, serviceName: local.engine.config.service(code)?.name)
                        answer.smsTo = phone?.masked
                        printLine(AppointmentText.line(answer))
                    }
                    return
                } catch QueueError.appointmentCodeTaken {
                    continue
                } catch let error as QueueError {
                    printError("refused [\(error.code)]: \(error.message)")
                    throw ExitCode(3)
                }
            }
        }
    }

    struct Cancel: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Cancel a booked appointment by its code.")
        @OptionGroup var hall: HallOptions
        @Argument(help: "The 6-digit code.") var code: String

        func run() async throws {
            guard let local = try hall.localHall() else {
                let answer = try await hall.client().send(DaemonClient.Call(method: .delete, path: "/v1/appointments/\(code)", role: .admin), as: AppointmentAnswer.self)
                printLine(AppointmentText.line(answer))
                return
            }
            let now = try hall.now(in: local.engine.calendar)
            let outcome = try execute(.cancelAppointment(code: code), on: local, at: now)
            for event in outcome.events { printLine(EventText.describe(event, in: outcome.state, config: local.engine.config)) }
        }
    }

    struct CheckIn: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check-in", abstract: "Check a citizen in by the code (the kiosk): prints the ticket like `kiosk take`."
        )
        @OptionGroup var hall: HallOptions
        @Argument(help: "The 6-digit code.") var code: String

        func run() async throws {
            guard let local = try hall.localHall() else {
                let answer = try await hall.client().send(DaemonClient.Call(path: "/v1/appointments/\(code)/check-in", role: .kiosk), as: IssuedTicketAnswer.self)
                printLine(answer.line + (answer.ticket.appointmentTime.map { " · 预约 \($0)" } ?? ""))
                if let note = answer.note { printLine(note) }
                return
            }
            let now = try hall.now(in: local.engine.calendar)
            let outcome = try execute(.checkIn(code: code), on: local, at: now)
            guard let number = outcome.events.lazy.compactMap(\.issuedTicket).last, let ticket = outcome.state.tickets[number],
                  let service = local.engine.config.service(ticket.service) else { return }
            let slot = ticket.appointmentSlot.map { " · 预约 " + String(EventText.clock($0, local.engine.calendar).prefix(5)) } ?? ""
            printLine(IssuedTicketText.line(
                ticket: number, serviceName: service.name, ahead: outcome.state.peopleAhead(of: number) ?? 0, documents: service.documents,
                maskedPhone: nil, maskedCaretaker: nil
            ) + slot)
            if ticket.appointmentSlot == nil { printLine("已超过预约时段,按现场取号排队 Past the slot: an ordinary walk-in ticket") }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List a day's appointments (admin or supervisor token through the daemon).")
        @OptionGroup var hall: HallOptions
        @Option(help: "The day, YYYY-MM-DD (default: today).") var date: String?

        func validate() throws {
            if let date, BusinessDate(date) == nil { throw ValidationError("--date: expected YYYY-MM-DD, got '\(date)'") }
        }

        func run() async throws {
            let list: AppointmentList
            if let reader = try hall.readOnlyHall() {
                let now = try hall.now(in: reader.engine.calendar)
                let day = date.flatMap(BusinessDate.init) ?? reader.engine.calendar.businessDate(of: now)
                let state = try reader.state(at: now)
                list = AppointmentList(date: day.description, appointments: state.appointments.appointments(on: day).map {
                    AppointmentAnswer($0, serviceName: reader.engine.config.service($0.service)?.name)
                })
            } else {
                let query = date.map { "?date=\($0)" } ?? ""
                list = try await hall.client().send(DaemonClient.Call(method: .get, path: "/v1/appointments\(query)", role: .admin), as: AppointmentList.self)
            }
            printLine("\(list.date): \(list.appointments.count) 个预约 appointments")
            for appointment in list.appointments { printLine(AppointmentText.line(appointment)) }
        }
    }
}

/// One appointment as the CLI prints it: `123456 · C 失业登记/失业证 · 2026-03-02 09:30 · booked`.
enum AppointmentText {
    static func line(_ a: AppointmentAnswer) -> String {
        "\(a.code) · \(a.service) \(a.serviceName ?? "") · \(a.date) \(a.time) · \(a.state)" + (a.ticket.map { " · \($0)" } ?? "")
            + (a.smsTo.map { " · 短信提醒 SMS \($0)" } ?? "")
    }
}
