import Foundation
import KioskCore
import KioskStore

extension Hall {
    /// The appointment reminder pass (with the heads-up pass, every few seconds): records the
    /// day-before and "near" SMS of the bookings that left a phone, once each, when their
    /// moment comes (`AppointmentReminders`). The phones are read from the journal only when a
    /// reminder is due and not yet in the outbox. Returns how many messages were recorded.
    @discardableResult
    public func enqueueAppointmentReminders() async -> Int {
        let now = self.now()
        let planner = AppointmentReminders(config: triggers.config, calendar: engine.calendar)
        let candidates = planner.due(in: state.appointments, at: now)
        guard !candidates.isEmpty else { return 0 }
        do {
            var drafts: [OutboxDraft] = []
            for date in Set(candidates.map(\.appointment.date)) {
                let onDate = candidates.filter { $0.appointment.date == date }
                var sent: [SMSTrigger: Set<TicketNumber>] = [:]
                for trigger in Set(onDate.map(\.trigger)) { sent[trigger] = try await journal.outboxTickets(date: date, trigger: trigger) }
                let unsent = onDate.filter { !(sent[$0.trigger]?.contains($0.appointment.code) ?? false) }
                guard !unsent.isEmpty else { continue }
                let phones = Dictionary(try await journal.contacts(on: date).compactMap { c in c.phone.map { (c.ticket, $0) } }) { $1 }
                drafts += unsent.compactMap { due in phones[due.appointment.code].flatMap { planner.draft(due, to: $0, at: now) } }
            }
            guard !drafts.isEmpty else { return 0 }
            return try await journal.enqueue(drafts)
        } catch {
            if faultLog.admit("appointment_reminders." + JournalFault.kind(of: error)) != nil {
                logger.error("appointment reminders could not be recorded", metadata: ["error": "\(error)"])
            }
            return 0
        }
    }
}
