import Foundation
import Hummingbird
import KioskAPI
import KioskCore

/// Appointments (预约): an online booking system (`booking` token) or an admin books and
/// cancels; admins and supervisors list a day; the ticket machine checks a citizen in.
extension KioskAPI {
    func registerAppointments(on router: Router<KioskRequestContext>) {
        router.post("/v1/appointments") { request, _ in
            var request = request
            _ = try authorize(request, "预约 book appointments") { $0 == .booking || $0 == .admin }
            let body = try await JSONBody.read(BookAppointmentRequest.self, from: &request)
            try JSONBody.limit(body.service, "service", maxLength: 8)
            try JSONBody.limit(body.phone, "phone", maxLength: 20)
            let phone = try body.phone.map { text in
                guard let phone = PhoneNumber(text) else { throw APIError.badRequest("invalid_phone", "手机号格式不正确 \"phone\" is not a mainland mobile number (1[3-9] + 9 digits)") }
                return phone
            }
            guard let date = BusinessDate(body.date) else { throw APIError.badRequest("invalid_field", "\"date\" must be YYYY-MM-DD") }
            guard let time = ClockTime(body.time) else { throw APIError.badRequest("invalid_field", "\"time\" must be HH:MM") }
            let service = body.service.uppercased()
            var generator = SystemRandomNumberGenerator()
            let code: String
            do {
                code = try await AppointmentCodes.book(using: &generator) { code in
                    _ = try await hall.execute(
                        .bookAppointment(service: service, date: date, time: time, code: code, hasContact: phone != nil),
                        contact: phone.map { TicketContact(ticket: code, phone: $0, caretaker: nil) }
                    )
                    return code
                }
            } catch let error as QueueError {
                throw error.apiError
            } catch is JournalUnavailable {
                throw APIError(.serviceUnavailable, "journal_unavailable", "暂时无法保存,请重试 The journal could not commit; nothing was changed, try again")
            }
            let answer = AppointmentAnswer(
                code: code, service: service, serviceName: config.service(service)?.name, date: date.description, time: time.description, state: "booked",
                smsTo: phone?.masked
            )
            return JSONResponse.make(answer, status: .created)
        }
        router.delete("/v1/appointments/:code") { request, context in
            _ = try authorize(request, "取消预约 cancel appointments") { $0 == .booking || $0 == .admin || $0 == .supervisor }
            let code = try appointmentCode(context)
            let config = self.config
            let outcome = try await run(.cancelAppointment(code: code)) { state, _, _ in
                state.appointments.find(code).map { AppointmentAnswer($0, serviceName: config.service($0.service)?.name) }
            }
            guard let answer = outcome.view else { throw QueueError.unknownAppointment(code).apiError }
            return JSONResponse.make(answer)
        }
        router.get("/v1/appointments") { request, _ in
            _ = try authorize(request, "查看预约 list appointments") { $0 == .admin || $0 == .supervisor || $0 == .booking }
            let today = hall.engine.calendar.businessDate(of: hall.now())
            var date = today
            if let text = request.uri.queryParameters.get("date") {
                guard let parsed = BusinessDate(String(text.prefix(10))), text.count == 10 else {
                    throw APIError.badRequest("invalid_field", "\"date\" must be YYYY-MM-DD")
                }
                date = parsed
            }
            let config = self.config, day = date
            let list = await hall.read { state in state.appointments.appointments(on: day) }
            return JSONResponse.make(AppointmentList(
                date: date.description, appointments: list.map { AppointmentAnswer($0, serviceName: config.service($0.service)?.name) }
            ))
        }
        router.post("/v1/appointments/:code/check-in") { request, context in
            _ = try authorize(request, "预约签到 check appointments in") { $0 == .kiosk || $0 == .supervisor }
            let code = try appointmentCode(context)
            let views = self.views, config = self.config
            let contact = await bookingContact(code)
            let outcome = try await run(.checkIn(code: code), contact: contact) { state, estimator, events in
                events.lazy.compactMap(\.issuedTicket).last.flatMap { state.tickets[$0] }.map { ticket in
                    (views.ticket(ticket, in: state, estimate: events.last.flatMap { estimator.estimate(for: ticket.number, in: state, at: $0.at) }),
                     state.appointments.find(code))
                }
            }
            guard let (ticket, appointment) = outcome.view, let appointment else { throw APIError(.conflict, "not_issued", "未能取号 No ticket was issued") }
            let late = ticket.appointmentTime == nil
            let answer = IssuedTicketAnswer(
                ticket: ticket, documents: config.service(ticket.service)?.documents ?? [], smsTo: contact?.phone?.masked, hallName: config.name,
                date: appointment.date.description, windows: config.counters.filter { $0.services.contains(ticket.service) }.map(\.name),
                materials: config.service(ticket.service)?.guide.map { $0.materials.map(GuideMaterialView.init) },
                appointment: AppointmentAnswer(appointment, serviceName: config.service(appointment.service)?.name),
                note: late ? AppointmentCodes.lateNote(slot: appointment.time, lateMinutes: config.appointments.lateMinutes) : nil
            )
            return JSONResponse.make(answer, status: .created)
        }
    }

    /// The phone a booking left, to serve the ticket its check-in issues ("your turn", the
    /// heads-up) as a ticket taken with a phone. Read from the journal, where it is kept under the
    /// code until the slot's day ends (the hall's memory holds only today's tickets' phones). A
    /// journal that cannot be read costs the citizen the SMS, never the ticket.
    func bookingContact(_ code: String) async -> TicketContact? {
        let today = hall.engine.calendar.businessDate(of: hall.now())
        guard let contacts = try? await hall.journal.contacts(on: today) else { return nil }
        return contacts.first { $0.ticket == code && $0.phone != nil }
    }

    /// An appointment code from a path: six digits, or 404 as an unknown one.
    func appointmentCode(_ context: KioskRequestContext) throws -> String {
        let raw = context.parameters.get("code") ?? ""
        guard Appointment.isCode(raw) else { throw QueueError.unknownAppointment(String(raw.prefix(8))).apiError }
        return raw
    }
}
