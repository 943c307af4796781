import Foundation
import KioskCore
import Testing

/// Which contact rows a command's events store: the rule the daemon's hall and a journal worked
/// on directly share.
@Suite struct TicketContactRowsTests {
    let at = Date(timeIntervalSince1970: 1_772_413_200)
    let contact = TicketContact(ticket: "", phone: PhoneNumber("13800138000"), caretaker: PhoneNumber("13900139000"))

    @Test func anIssuedTicketKeepsTheContactUnderItsNumber() {
        let events = [HallEvent(at: at, .issued(ticket: "C014", service: "C", priority: false, contact: true, audit: nil))]
        #expect(TicketContact.rows(contact, for: events) == [TicketContact(ticket: "C014", phone: contact.phone, caretaker: contact.caretaker)])
    }

    @Test func aBookingKeepsTheContactUnderItsCode() {
        let booked = HallEvent(at: at, .appointmentBooked(code: "042137", service: "C", date: BusinessDate("2026-03-03")!, time: ClockTime("09:30")!))
        #expect(TicketContact.rows(contact, for: [booked]).map(\.ticket) == ["042137"])
    }

    /// Timed rules can run before the issue in the same command: the ticket issued is the one.
    @Test func theLastTicketIssuedIsTheOne() {
        let events = [
            HallEvent(at: at, .issued(ticket: "C013", service: "C", priority: false, contact: false, audit: nil)),
            HallEvent(at: at, .called(ticket: "C013", counter: "3", audit: nil)),
            HallEvent(at: at, .issued(ticket: "C014", service: "C", priority: false, contact: true, audit: nil)),
        ]
        #expect(TicketContact.rows(contact, for: events).map(\.ticket) == ["C014"])
    }

    @Test func nothingIsKeptWithoutAContactOrWithoutAnIssueOrBooking() {
        let issued = [HallEvent(at: at, .issued(ticket: "C014", service: "C", priority: false, contact: false, audit: nil))]
        #expect(TicketContact.rows(nil, for: issued).isEmpty)
        #expect(TicketContact.rows(contact, for: [HallEvent(at: at, .called(ticket: "C013", counter: "3", audit: nil))]).isEmpty)
        #expect(TicketContact.rows(contact, for: []).isEmpty)
    }
}
