import Foundation
import KioskCore
import KioskTestSupport
import Testing

/// `kiosk central migrate` and `kiosk central push` against a real PostgreSQL of the test's
/// own: every row once, only into its own hall, resumable, and the exit codes a script acts on.
@Suite(.serialized) struct CentralPushTests {
    @Test func aStoppedHallShipsItsJournalOnceAndOnlyAsItself() async throws {
        try await CentralFixtures.withCentre("push") { pg, root in
            let north = try CentralFixtures.config(id: "north", in: root)
            let hall = root + "/north"

            // A day in June 2025 (no partition yet: it lands in the default) and one in March 2026.
            for (verb, at) in [(["take", "A", "--phone", "13800138000"], "2025-06-02 09:00"), (["call", "1"], "2025-06-02 09:01"),
                               (["take", "B"], "2026-03-02 09:00"), (["take", "A"], "2026-03-02 09:01"), (["call", "1"], "2026-03-02 09:02")] {
                let run = try await runKiosk(verb + ["--config", north, "--data-dir", hall, "--at", at])
                #expect(run.status == 0, "\(verb): \(run.stderr)")
            }
            let journal = try CentralFixtures.journalRows(hall)
            #expect(journal.count >= 5)

            let migrate = try await runKiosk(["central", "migrate", "--central", pg.url(), "--from", "2026-03", "--months-ahead", "2", "--hall", "north", "--hall", "south"])
            #expect(migrate.status == 0, "\(migrate.stderr)")
            #expect(migrate.stdout.contains("applied migration 1:"))
            #expect(migrate.stdout.contains("created 3 monthly partitions (journal_row_2026_03 … journal_row_2026_05)"), "\(migrate.stdout)")
            #expect(migrate.stdout.contains("added hall north: login role hall_north"))
            let again = try await runKiosk(["central", "migrate", "--central", pg.url(), "--from", "2026-03", "--months-ahead", "2", "--hall", "north"])
            #expect(again.status == 0 && !again.stdout.contains("applied") && !again.stdout.contains("added hall"), "\(again.stdout)")

            let push = try await runKiosk(["central", "push", "--data-dir", hall, "--config", north, "--central", pg.url(user: "hall_north"), "--batch", "2"])
            #expect(push.status == 0, "\(push.stderr)")
            #expect(push.stdout.contains("hall north: \(journal.count + 1) rows shipped"), "events and the one config: \(push.stdout)")
            #expect(try CentralFixtures.centralRows(pg, hall: "north") == journal, "every row, once, in order, as the journal has it")
            #expect(try pg.psql("SELECT count(*) FROM journal_row WHERE line LIKE '%13800138000%' OR line LIKE '%token%'") == "0", "no phone number, no token")
            let june = try pg.psql("SELECT count(*) FROM journal_row WHERE business_date < '2025-07-01'")
            #expect((Int(june) ?? 0) >= 3, "June's events and its config")
            #expect(try pg.psql("SELECT count(*) FROM journal_row_default") == june, "June 2025 waits in the default partition")

            // A later migrate gives June 2025 its month and moves its rows there.
            let later = try await runKiosk(["central", "migrate", "--central", pg.url(), "--from", "2026-03", "--months-ahead", "2"])
            #expect(later.stdout.contains("created 1 monthly partitions (journal_row_2025_06 … journal_row_2025_06), moved \(june) rows out of the default partition"), "\(later.stdout)")
            #expect(try pg.psql("SELECT count(*) FROM journal_row_2025_06") == june)
            #expect(try pg.psql("SELECT count(*) FROM journal_row_default") == "0")
            #expect(try CentralFixtures.centralRows(pg, hall: "north") == journal)

            // Nothing new: nothing sent. The cursor lost (an old backup restored): all resent, none doubled.
            let nothing = try await runKiosk(["central", "push", "--data-dir", hall, "--central", pg.url(user: "hall_north")])
            #expect(nothing.status == 0 && nothing.stdout.contains("hall north: 0 rows shipped"), "\(nothing.stdout)\(nothing.stderr)")
            _ = try runCommand("sqlite3", [hall + "/journal.sqlite", "DELETE FROM central_cursor"])
            let resend = try await runKiosk(["central", "push", "--data-dir", hall, "--central", pg.url(user: "hall_north")])
            #expect(resend.stdout.contains("\(journal.count + 1) rows shipped in 2 batches (\(journal.count + 1) already in the centre)"), "\(resend.stdout)")
            #expect(try CentralFixtures.centralRows(pg, hall: "north") == journal)

            // Row-level security: south's role neither sees north's rows nor writes rows as north.
            #expect(try pg.psql("SELECT count(*) FROM journal_row", user: "hall_south") == "0")
            #expect(throws: PostgresCluster.Failure.self) {
                try pg.psql("INSERT INTO journal_row (hall_id, stream, seq, business_date, at, ev, line) VALUES ('north', 'event', 99999, '2026-03-02', now(), 'x', '{}')", user: "hall_south")
            }
            let asSouth = try await runKiosk(["central", "push", "--data-dir", hall, "--central", pg.url(user: "hall_south")])
            #expect(asSouth.status == 0, "nothing left to send: \(asSouth.stderr)")
            _ = try runCommand("sqlite3", [hall + "/journal.sqlite", "DELETE FROM central_cursor"])
            let refused = try await runKiosk(["central", "push", "--data-dir", hall, "--central", pg.url(user: "hall_south")])
            #expect(refused.status == 3, "\(refused.stdout)\(refused.stderr)")
            #expect(refused.stderr.contains("the centre refused: new row violates row-level security policy"), "\(refused.stderr)")
            // A reader sees every hall.
            try pg.psql("CREATE ROLE city_report LOGIN IN ROLE kiosk_reader")
            #expect(try pg.psql("SELECT count(*) FROM journal_row WHERE stream = 'event'", user: "city_report") == String(journal.count))

            // The centre away: exit 2, the cursor where it was; back: exit 0.
            try pg.stop()
            let away = try await runKiosk(["central", "push", "--data-dir", hall, "--central", pg.url(user: "hall_north")])
            #expect(away.status == 2 && away.stderr.contains("the centre cannot be reached"), "\(away.stderr)")
            try pg.start()
            let back = try await runKiosk(["central", "push", "--data-dir", hall, "--central", pg.url(user: "hall_north")])
            #expect(back.status == 0, "\(back.stderr)")
            #expect(try CentralFixtures.centralRows(pg, hall: "north") == journal)
        }
    }

    @Test func pushRefusesAHallWithoutAnIDAndACentreWithoutTheSchema() async throws {
        try await CentralFixtures.withCentre("refuse") { pg, root in
            #expect(try await runKiosk(["take", "A", "--data-dir", root + "/plain", "--at", "2026-03-02 09:00"]).status == 0)
            let noID = try await runKiosk(["central", "push", "--data-dir", root + "/plain", "--central", pg.url()])
            #expect(noID.status == 1 && noID.stderr.contains("hall.id is required with --central"), "\(noID.stderr)")
            let check = try await runKiosk(["config", "check", "--central"])
            #expect(check.status == 1 && check.stderr.contains("hall.id is required with --central"))
            let serve = try await runKiosk(["serve", "--data-dir", root + "/serve", "--port", "0", "--central", pg.url()], timeout: 20)
            #expect(serve.status == 1 && serve.stderr.contains("hall.id is required with --central"), "\(serve.stderr)")

            let east = try CentralFixtures.config(id: "east", in: root)
            #expect(try await runKiosk(["take", "A", "--config", east, "--data-dir", root + "/east", "--at", "2026-03-02 09:00"]).status == 0)
            let noSchema = try await runKiosk(["central", "push", "--data-dir", root + "/east", "--central", pg.url()])
            #expect(noSchema.status == 3 && noSchema.stderr.contains("relation \"journal_row\" does not exist"), "\(noSchema.stderr)")
            #expect(try await runKiosk(["central", "push", "--data-dir", root + "/east", "--central", "mysql://x@y/z"]).status != 0)
        }
    }
}
