import Foundation
import KioskCore
import KioskServer
import KioskSMS
import KioskStore
import KioskTestSupport
import Testing

/// The hall records messages with the events that trigger them, and near-turn messages once
/// per ticket and recipient, across a restart; the log outbox shows them.
@Suite("Hall notifications")
struct HallNotificationTests {
    let config = HallConfig.defaultHall

    @Test func messagesCommitWithTheirEventsAndHeadsUpsAreOncePerTicketAcrossRestarts() async throws {
        let dataDirectory = NSTemporaryDirectory() + "kiosk-sms-hall-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dataDirectory) }
        let clock = ManualClock(hallTime: "09:00", config: config)
        let now = clock.now
        let counter = config.counters[0]
        let service = counter.services[0]
        let phone = PhoneNumber("13800138000")!, caretaker = PhoneNumber("13900139000")!

        let numbers: [TicketNumber] = try await InProcessDaemon.with(.forSMSTests(config: config, dataDirectory: dataDirectory, clock: { clock.now })) { daemon in
            let hall = daemon.hall
            _ = try await hall.execute(.tick)
            var numbers: [TicketNumber] = []
            for _ in 0..<2 {
                let outcome = try await hall.execute(
                    .issue(service: service, priority: false, contact: true),
                    contact: TicketContact(ticket: "", phone: phone, caretaker: caretaker)
                )
                let number = try #require(outcome.events.compactMap(\.issuedTicket).first)
                numbers.append(number)
                // Durable with the issue event: the answer came after the commit.
                #expect(try daemon.daemon.store.outboxMessages(date: SMSFixture.date, ticket: number).map(\.trigger) == [.issued])
            }
            // Not while the citizen is still at the kiosk with the printed ticket (the hold).
            #expect(await hall.enqueueHeadsUps() == 0)
            clock.advance(by: SMSSettings().headsUpHoldSeconds)
            let first = await hall.enqueueHeadsUps()
            #expect(first == 4)  // two tickets × citizen and caretaker
            #expect(await hall.enqueueHeadsUps() == 0)
            // The log outbox (no gateway configured) writes them down, never "delivered";
            // numbers masked in its file.
            try await eventually("logged") {
                try daemon.daemon.store.outboxMessages().allSatisfy { $0.state == .logged }
            }
            return numbers
        }
        let log = try String(contentsOfFile: dataDirectory + "/sms-outbox.log", encoding: .utf8)
        #expect(log.contains("138****8000") && !log.contains("13800138000") && !log.contains("13900139000"))
        #expect(log.split(separator: "\n").count == 6)

        try await InProcessDaemon.with(.forSMSTests(config: config, dataDirectory: dataDirectory, clock: { now.addingTimeInterval(180) })) { daemon in
            let hall = daemon.hall
            #expect(await hall.enqueueHeadsUps() == 0)
            // The call addresses both numbers (kept across the restart).
            _ = try await hall.execute(.callNext(counter: counter.id))
            let yourTurn = try daemon.daemon.store.outboxMessages(date: SMSFixture.date, ticket: numbers[0]).filter { $0.trigger == .yourTurn }
            #expect(Set(yourTurn.map(\.recipient)) == [.citizen, .caretaker])
            #expect(yourTurn.allSatisfy { $0.text == "【连城人社】请\(numbers[0])号到\(counter.name)办理。" })
            try await eventually("logged") {
                try daemon.daemon.store.outboxMessages().allSatisfy { $0.state.isFinal }
            }
        }
        let counts = try SQLiteJournal(path: dataDirectory + "/journal.sqlite", calendar: SMSFixture.calendar).outboxCounts()
        #expect(counts[.logged] == 8)
        #expect(counts[.delivered] == nil)
    }
}
