import Foundation
import KioskCore
import KioskServer
import KioskStore
import KioskTestSupport
import Testing

/// The daemon's self-measured accuracy (`GET /v1/stats`): printed estimates and the moments
/// heads-ups fell due are journaled, so a restart rebuilds the same ledger.
@Suite("Heads-up accuracy")
struct HeadsUpAccuracyTests {
    let config = HallConfig.defaultHall

    @Test func theLedgerSurvivesARestartWithItsHeadsUps() async throws {
        let dataDirectory = NSTemporaryDirectory() + "kiosk-accuracy-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dataDirectory) }
        let clock = ManualClock(hallTime: "09:00", config: config)
        let counter = config.counters[0]
        let service = counter.services[0]

        let before: AccuracyLedger = try await InProcessDaemon.with(.forSMSTests(config: config, dataDirectory: dataDirectory, clock: { clock.now })) { daemon in
            let hall = daemon.hall
            _ = try await hall.execute(.tick)
            var numbers: [TicketNumber] = []
            for _ in 0..<6 {
                let outcome = try await hall.execute(.issue(service: service, priority: false, contact: false))
                numbers.append(try #require(outcome.events.compactMap(\.issuedTicket).first))
            }
            // Within the hold nothing falls due, not even the ticket at the head of the line.
            _ = await hall.enqueueHeadsUps()
            #expect(await !hall.accuracy.headsUpRecorded(numbers[0]))
            clock.advance(by: SMSSettings().headsUpHoldSeconds + 10)
            _ = await hall.enqueueHeadsUps()
            #expect(await hall.accuracy.headsUpRecorded(numbers[0]))
            _ = try await hall.execute(.callNext(counter: counter.id))
            let ledger = await hall.accuracy
            #expect(ledger.summary().called == 1)
            #expect(ledger.outcomes.first?.headsUpLead == 0)   // due at the pass, called the same instant
            return ledger
        }
        try await InProcessDaemon.with(.forSMSTests(config: config, dataDirectory: dataDirectory, clock: { clock.now })) { daemon in
            #expect(await daemon.hall.accuracy == before)
        }
    }
}
