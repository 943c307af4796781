import Foundation
import KioskCore
import KioskServer
import KioskSMS
import KioskStore
import KioskTestSupport
import Testing

/// Issue 14, point 5: after a transfer and a call at the new window, the citizen hears of the
/// new window (the your-turn message was once per ticket, so it kept pointing at the old one).
@Suite("Transferred ticket SMS")
struct TransferredTicketSMSTests {
    let config = HallConfig.defaultHall

    @Test func aCallAtTheNewWindowAfterATransferSendsANewYourTurnMessage() async throws {
        let dataDirectory = NSTemporaryDirectory() + "kiosk-sms-transfer-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dataDirectory) }
        let calendar = QueueEngine(config: config).calendar
        let clock = ManualClock(calendar.instant(on: SMSFixture.date, at: ClockTime("09:00")!))
        let phone = PhoneNumber("13800138000")!
        // Window 1 serves A and B; window 3 serves C (失业登记) first.
        let (first, second) = (try #require(config.counter("1")), try #require(config.counter("3")))
        try await InProcessDaemon.with(.forSMSTests(config: config, dataDirectory: dataDirectory, clock: { clock.now })) { daemon in
            let hall = daemon.hall
            _ = try await hall.execute(.tick)
            let issued = try await hall.execute(.issue(service: "A", priority: false, contact: true), contact: TicketContact(ticket: "", phone: phone, caretaker: nil))
            let number = try #require(issued.events.compactMap(\.issuedTicket).first)
            clock.advance(by: 60)
            _ = try await hall.execute(.callNext(counter: first.id))
            clock.advance(by: 30)
            _ = try await hall.execute(.transfer(counter: first.id, to: "C"))
            clock.advance(by: 30)
            _ = try await hall.execute(.callNext(counter: second.id))

            let yourTurn = try daemon.daemon.store.outboxMessages(date: SMSFixture.date, ticket: number).filter { $0.trigger == .yourTurn }
            #expect(yourTurn.map(\.counter) == ["1", "3"])
            #expect(yourTurn.last?.text == "【连城人社】请\(number)号到\(second.name)办理。")
            #expect(yourTurn.first?.text.contains(first.name) == true)
            // Calling again at the same window is not news: still one message per window.
            let again = try await hall.execute(.recall(counter: second.id))
            #expect(!again.events.isEmpty)
            #expect(try daemon.daemon.store.outboxMessages(date: SMSFixture.date, ticket: number).filter { $0.trigger == .yourTurn }.count == 2)
        }
    }

    /// The outbox's identity includes the window: the same call twice is one message, a call at
    /// another window is a second.
    @Test func theOutboxKeepsOneMessagePerTicketAndWindow() async throws {
        let path = SMSFixture.tempPath()
        let journal = try SQLiteJournal(path: path, calendar: SMSFixture.calendar)
        try await journal.enqueue([SMSFixture.draft("A001"), SMSFixture.draft("A001", recipient: .caretaker, phone: "13900139000")])
        var moved = SMSFixture.draft("A001", text: "【连城人社】请A001号到3号窗口办理。")
        moved.counter = "3"
        #expect(try await journal.enqueue([moved]) == 1)
        #expect(try await journal.enqueue([moved]) == 0)
        #expect(try journal.outboxMessages().map(\.counter) == [nil, nil, "3"])
    }
}
