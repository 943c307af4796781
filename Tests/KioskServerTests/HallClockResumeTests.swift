import Foundation
import KioskCore
import KioskServer
import KioskStore
import KioskTestSupport
import Testing

/// Issue 14, point 8: a hall clock that starts before the journal's last event never stamps
/// backwards: a `--start-at` clock continues from the journal's time, a wall clock is refused.
@Suite struct HallClockResumeTests {
    func options(_ dataDirectory: String, clock: Date) -> KioskDaemon.Options {
        KioskDaemon.Options.forTests(config: .defaultHall, dataDirectory: dataDirectory, clock: { clock })
    }

    @Test func aClockBehindTheJournalContinuesFromItOrIsRefused() async throws {
        let dataDirectory = NSTemporaryDirectory() + "kiosk-clock-resume-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dataDirectory) }
        let ten = ManualClock.instant("10:00"), nine = ManualClock.instant("09:00")
        let local = try LocalHall(config: .defaultHall, dataDirectory: dataDirectory)
        _ = try local.execute(.issue(service: "A", priority: false), at: ten)

        // A wall clock gone back: refused, with the journal's time in the message.
        await #expect(throws: ClockBehindJournal.self) { try await KioskDaemon(options(dataDirectory, clock: nine)) }
        do {
            _ = try await KioskDaemon(options(dataDirectory, clock: nine))
        } catch let error as ClockBehindJournal {
            #expect("\(error)".contains("before the journal's last event at 2026-03-02 10:00:00"))
        }

        // A --start-at clock: carries on from the journal's last event.
        var continuing = options(dataDirectory, clock: nine)
        continuing.continueFromJournal = true
        let daemon = try await KioskDaemon(continuing)
        #expect(daemon.hall.now() >= ten)
        #expect(daemon.hall.now() < ten.addingTimeInterval(1))
    }
}
