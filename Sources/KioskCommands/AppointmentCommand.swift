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
        static let configuration = CommandConfiguration(abstract: "Book a slot (booking token through the daemon, else admin); prints the 6-digit code.")
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
                let request = BookAppointmentRequest(service: code, date: date, time: time, phone: phone)
                let answer = try await hall.client().send(
                    DaemonClient.Call(path: "/v1/appointments", body: .appointment(request), role: .booking, orElse: [.admin]), as: AppointmentAnswer.self
                )
                return printLine(answer.line)
            }
            let now = try hall.now(in: local.engine.calendar)
            let phone = self.phone.flatMap(PhoneNumber.init)
            var generator = SystemRandomNumberGenerator()
            let booked = try await refusing {
                try await local.bookAppointment(service: code, date: BusinessDate(date)!, time: ClockTime(time)!, phone: phone, at: now, using: &generator)
            }
            var answer = AppointmentAnswer(booked, serviceName: local.engine.config.service(code)?.name)
            answer.smsTo = phone?.masked
            printLine(answer.line)
        }
    }

    struct Cancel: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Cancel a booked appointment by its code (booking token through the daemon, else admin or supervisor).")
        @OptionGroup var hall: HallOptions
        @Argument(help: "The 6-digit code.") var code: String

        func run() async throws {
            guard let local = try hall.localHall() else {
                let call = DaemonClient.Call(method: .delete, path: "/v1/appointments/\(code)", role: .booking, orElse: [.admin, .supervisor])
                return printLine(try await hall.client().send(call, as: AppointmentAnswer.self).line)
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
                let call = DaemonClient.Call(path: "/v1/appointments/\(code)/check-in", role: .kiosk)
                for line in try await hall.client().send(call, as: IssuedTicketAnswer.self).checkInLines { printLine(line) }
                return
            }
            let now = try hall.now(in: local.engine.calendar)
            let outcome = try await refusing { try local.checkIn(code: code, at: now) }
            let config = local.engine.config
            for line in CheckInText.lines(code: code, events: outcome.events, state: outcome.state, config: config, calendar: local.engine.calendar) {
                printLine(line)
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List a day's appointments (booking token through the daemon, else supervisor or admin).")
        @OptionGroup var hall: HallOptions
        @Option(help: "The day, YYYY-MM-DD (default: today).") var date: String?

        func validate() throws {
            if let date, BusinessDate(date) == nil { throw ValidationError("--date: expected YYYY-MM-DD, got '\(date)'") }
        }

        func run() async throws {
            let list: AppointmentList
            if let reader = try hall.readOnlyHall() {
                let (day, appointments) = try reader.appointments(on: date.flatMap(BusinessDate.init), at: try hall.now(in: reader.engine.calendar))
                let config = reader.engine.config
                list = AppointmentList(date: day.description, appointments: appointments.map { AppointmentAnswer($0, serviceName: config.service($0.service)?.name) })
            } else {
                let query = date.map { "?date=\($0)" } ?? ""
                let call = DaemonClient.Call(method: .get, path: "/v1/appointments\(query)", role: .booking, orElse: [.supervisor, .admin])
                list = try await hall.client().send(call, as: AppointmentList.self)
            }
            for line in list.lines { printLine(line) }
        }
    }
}
