import KioskAPI
import KioskCore

extension HallViews {
    /// A committed event as the live stream (`GET /v1/events`) carries it: `event(_:seq:)`,
    /// and on a call (`call`, `recall`, `unpark`, `call_back`) what a hall screen draws of it,
    /// so the screen draws the call from the event without reading the hall: the window's
    /// name (`counter_name`), the ticket's service (`service`, `service_name`) and an
    /// appointment's slot (`appointment_time`, `HH:MM`). `state` is the hall as of a recent
    /// commit (the ticket's service and slot were set when it was issued or booked).
    func streamed(_ event: HallEvent, seq: Int64, in state: HallState) -> EventLine {
        let line = self.event(event, seq: seq)
        let ticket: TicketNumber, counter: CounterID
        switch event.kind {
        case let .called(t, c, _), let .recalled(t, c, _), let .unparked(t, c), let .calledBack(t, c):
            (ticket, counter) = (t, c)
        default:
            return line
        }
        guard case var .object(members) = line.json else { return line }
        members.append(("counter_name", .string(config.counter(counter)?.name ?? counter)))
        if let issued = state.tickets[ticket] {
            members.append(("service", .string(issued.service)))
            members.append(("service_name", .string(config.service(issued.service)?.name ?? issued.service)))
            if let slot = issued.appointmentSlot { members.append(("appointment_time", .string(String(clock(slot).prefix(5))))) }
        }
        return EventLine(json: .object(members))
    }
}
