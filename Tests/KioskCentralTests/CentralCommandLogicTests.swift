import Foundation
@testable import KioskCentral
import KioskCore
import KioskStore
import Logging
import Testing

/// What `kiosk central migrate` and `push` decide before and after they talk to the centre,
/// without a PostgreSQL (the commands themselves are run against one in CentralPushTests).
@Suite struct CentralCommandLogicTests {
    let now = Date(timeIntervalSince1970: 1_772_413_200)  // 2026-03-02 01:00 UTC

    @Test func aMigrationStartsThisMonthUnlessToldAndChecksItsHalls() throws {
        let plan = try MigrationPlan(from: nil, monthsAhead: 12, halls: ["north", "fj-liancheng-rsj"], now: now)
        #expect(plan.firstMonth == Month(year: 2026, month: 3))
        #expect(try MigrationPlan(from: "2025-06", monthsAhead: 0, halls: [], now: now).firstMonth == Month(year: 2025, month: 6))
        #expect(throws: MigrationPlan.Invalid(description: "--from: expected YYYY-MM, got '2025-6'")) {
            try MigrationPlan(from: "2025-6", monthsAhead: 12, halls: [], now: now)
        }
        #expect(throws: MigrationPlan.Invalid(description: "--months-ahead must be 0…120")) {
            try MigrationPlan(from: nil, monthsAhead: 121, halls: [], now: now)
        }
        #expect(throws: MigrationPlan.Invalid(description: "--hall: 'North Hall' is no hall id (1–40 characters of a–z, 0–9, '-' and '_')")) {
            try MigrationPlan(from: nil, monthsAhead: 1, halls: ["north", "North Hall"], now: now)
        }
    }

    @Test func aMigrationSaysWhatItAppliedMadeMovedAndAdded() {
        var outcome = CentralMigrator.Outcome()
        #expect(outcome.lines(address: "pg") == ["the centre at pg is up to date"])
        outcome.applied = ["1: tables"]
        outcome.partitionsCreated = ["journal_row_2026_03", "journal_row_2026_04"]
        outcome.rowsMovedFromDefault = 7
        outcome.hallsAdded = ["north"]
        #expect(outcome.lines(address: "pg") == [
            "applied migration 1: tables",
            "created 2 monthly partitions (journal_row_2026_03 … journal_row_2026_04), moved 7 rows out of the default partition",
            "added hall north: login role hall_north",
            "the centre at pg is up to date",
        ])
    }

    @Test func aPushSaysWhatItShippedAndHowFast() {
        var progress = JournalShipper.Progress()
        (progress.sent, progress.resent, progress.batches, progress.days) = (120, 20, 3, 2)
        #expect(progress.summary(hallID: "north", seconds: 0.5, cursor: 118) ==
            "hall north: 120 rows shipped in 3 batches (20 already in the centre), 2 days of printed estimates and SMS outcomes, 0.50 s, 240 rows/s; the centre holds the journal up to seq 118")
        #expect(JournalShipper.Progress().summary(hallID: "north", seconds: 0, cursor: 0).contains("0 rows shipped in 0 batches"))
    }

    @Test func aHallShipsOnlyWithAnIDAJournalAndNoDaemonOnIt() throws {
        let dir = NSTemporaryDirectory() + "kiosk-shipment-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var north = HallConfig.defaultHall
        north.id = "north"
        #expect(throws: StoppedHallShipment.Problem.noJournal(path: dir + "/journal.sqlite")) {
            try StoppedHallShipment(dataDirectory: dir, config: north, batchSize: 10)
        }
        #expect(throws: StoppedHallShipment.Problem.noHallID(HallConfig.defaultHall.centralProblem!)) {
            try StoppedHallShipment(dataDirectory: dir, config: nil, batchSize: 10)
        }
        // A journal the hall wrote: without --config the shipment is of the hall it recorded.
        let writer = try LocalHall.openForWriting(config: north, dataDirectory: dir)
        let nine = QueueEngine(config: north).calendar.instant(on: BusinessDate(year: 2026, month: 3, day: 2), at: ClockTime(hour: 9, minute: 0))
        _ = try writer.execute(.issue(service: "A", priority: false), at: nine)
        let refusal = #expect(throws: StoppedHallShipment.Problem.self) { try StoppedHallShipment(dataDirectory: dir, config: nil, batchSize: 10) }
        guard case .running = refusal else { Issue.record("\(String(describing: refusal))"); return }
        #expect("\(refusal!)".hasSuffix("(a daemon started with --central ships by itself)"))
        writer.writerLock?.release()
        let shipment = try StoppedHallShipment(dataDirectory: dir, config: nil, batchSize: 10)
        #expect(shipment.hallID == "north")
        #expect(try shipment.summary(of: JournalShipper.Progress(), seconds: 1).hasSuffix("up to seq 0"))
    }

    @Test func anAbsentCentreIsUnreachableAndTheBodyNeverRuns() async throws {
        let address = try CentralAddress("postgres://hall_north@127.0.0.1:1/kiosk")
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        do {
            _ = try await CentralSession.using(address, logger: logger) { _ throws(CentralError) in Issue.record("the body ran") }
            Issue.record("no error")
        } catch {
            #expect(error.isUnreachable, "\(error)")
        }
    }
}
