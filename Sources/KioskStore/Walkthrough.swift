import Foundation
import KioskCore

/// `kiosk walkthrough`: a scripted morning on a hall (the embedded default's services and
/// windows), on a simulated clock from 08:00, in a journal: every rule once (an automatic
/// no-show, a cover, a park, a transfer, a refusal). Every step goes through the same engine
/// and journal as the real commands.
public enum Walkthrough {
    /// Runs the morning of `day` on `local`; `write` gets one line per event or refusal.
    /// Returns the hall as the morning leaves it.
    @discardableResult
    public static func morning(on local: LocalHall, day: BusinessDate, write: (String) -> Void) -> HallState {
        let calendar = local.engine.calendar
        var clock = calendar.instant(on: day, at: ClockTime(hour: 8, minute: 0))
        var state = local.engine.initialState()

        func step(_ minutes: Double, _ command: Command, contact: TicketContact? = nil) {
            clock = clock.addingTimeInterval(minutes * 60)
            do {
                let outcome = try local.execute(command, at: clock, contact: contact)
                state = outcome.state
                for event in outcome.events { write(EventText.describe(event, in: state, config: local.engine.config)) }
            } catch let error as QueueError {
                write("\(EventText.clock(clock, calendar))  拒绝 refused [\(error.code)]: \(error.message)")
            } catch {
                write("error: \(error)")
            }
        }
        let elderly = TicketContact(ticket: "", phone: PhoneNumber("13800138000"), caretaker: PhoneNumber("13912345678"))
        step(0.2, .issue(service: "C", priority: false))
        step(0.5, .issue(service: "A", priority: false))
        step(0.3, .issue(service: "L", priority: true, contact: true), contact: elderly)
        step(0.4, .issue(service: "C", priority: false))
        step(0.2, .issue(service: "D", priority: false))
        step(0.1, .callNext(counter: "2"))
        step(0.1, .callNext(counter: "5"))
        step(0.5, .start(counter: "2"))
        step(0.2, .start(counter: "5"))
        step(0.2, .callNext(counter: "3"))
        step(4.0, .tick)                                   // nobody comes to window 3: recalls, then no-show
        step(1.0, .reactivate(ticket: "C002", by: "值班长"))
        step(0.5, .issue(service: "G", priority: false))
        step(0.5, .pause(counter: "6", until: calendar.instant(on: day, at: ClockTime(hour: 8, minute: 40))))
        step(0.5, .cover(counter: "8", covered: "6", by: "值班长"))
        step(6.0, .finish(counter: "2"))
        step(0.2, .callNext(counter: "2"))
        step(0.5, .park(counter: "2"))                    // A001 lacks a copy of a document: fetched next door, not a second trip
        step(1.0, .callNext(counter: "8"))
        step(0.3, .start(counter: "8"))
        step(0.2, .callNext(counter: "2"))
        step(0.3, .start(counter: "2"))
        step(3.0, .transfer(counter: "2", to: "D"))       // C002 also needs social insurance enrolment
        step(0.5, .unpark(counter: "2", ticket: "A001"))
        step(0.3, .start(counter: "2"))
        step(0.5, .issue(service: "Z", priority: false))   // refused: no such service
        step(0.5, .finish(counter: "5"))
        step(0.5, .callNext(counter: "4"))
        step(2.0, .tick)
        return state
    }
}
