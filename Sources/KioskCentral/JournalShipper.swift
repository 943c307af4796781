import Foundation
import KioskCore
import KioskStore
import PostgresNIO

/// Ships a hall's journal to the centre: each stream (events, configs) from its cursor, in
/// journal order, in batches, one transaction each. A row is keyed by (hall, stream, seq), so a
/// batch sent again (the cursor not yet moved when a daemon was killed, a commit whose answer
/// was lost) inserts nothing twice. The cursor moves only after the centre committed.
public struct JournalShipper: Sendable {
    public let journal: SQLiteJournal
    public let hallID: String
    public var batchSize: Int

    public init(journal: SQLiteJournal, hallID: String, batchSize: Int = 2000) {
        self.journal = journal
        self.hallID = hallID
        self.batchSize = batchSize
    }

    /// What a shipping pass did.
    public struct Progress: Sendable, Equatable {
        /// Rows sent (new and resent).
        public var sent = 0
        /// Rows the centre had already (a resend after a crash or a lost answer).
        public var resent = 0
        public var batches = 0
        /// Days whose printed estimates and SMS outcomes were (re)sent.
        public var days = 0
        /// Whether every stream reached the journal's end as it was when the pass looked.
        public var caughtUp = false

        public static func += (a: inout Progress, b: Progress) {
            a.sent += b.sent
            a.resent += b.resent
            a.batches += b.batches
            a.days += b.days
            a.caughtUp = b.caughtUp
        }
    }

    /// Ships every stream up to the journal's end (as it was when each stream started); stops
    /// early, with what it did, only by throwing.
    public func shipAll(_ session: CentralSession, now: @Sendable () -> Date = Date.init) async throws(CentralError) -> Progress {
        var progress = Progress()
        // Configs first: a report of a day needs the config the day ran under.
        for stream in [ShippedStream.config, .event] {
            let end: Int64
            do {
                end = try journal.lastSeq(of: stream)
            } catch {
                throw .refused(sqlState: "journal", message: "the journal cannot be read: \(error)")
            }
            while true {
                let batch = try await shipBatch(stream, session, now: now)
                progress += batch
                if batch.sent == 0 || (try? journal.centralCursor(stream)).map({ $0 >= end }) == true { break }
            }
        }
        progress += try await shipDayExtras(session, now: now)
        progress.caughtUp = true
        return progress
    }

    /// Sends each day's printed estimates and SMS outcomes whose content changed since the
    /// centre last acknowledged them. Days before the newest two that were sent once are not
    /// read again: they no longer change.
    public func shipDayExtras(_ session: CentralSession, now: @Sendable () -> Date = Date.init) async throws(CentralError) -> Progress {
        var progress = Progress()
        let days: [BusinessDate]
        do {
            days = try journal.daysWithExtras()
        } catch {
            throw .refused(sqlState: "journal", message: "the journal cannot be read: \(error)")
        }
        let settled = days.count >= 2 ? days[days.count - 2] : days.first
        for day in days {
            let text: String, shipped: Int64?
            do {
                shipped = try journal.shippedExtrasFingerprint(on: day)
                if let settled, day < settled, shipped != nil { continue }
                text = try journal.dayExtras(on: day)
            } catch {
                throw .refused(sqlState: "journal", message: "the journal cannot be read: \(error)")
            }
            let fingerprint = DayExtras.fingerprint(text)
            guard fingerprint != shipped else { continue }
            let upsert: PostgresQuery = """
                INSERT INTO hall_day (hall_id, business_date, extras) VALUES (\(hallID), \(day.description)::date, \(text))
                ON CONFLICT (hall_id, business_date) DO UPDATE SET extras = EXCLUDED.extras, shipped_at = now()
                """
            _ = try await session.rows(upsert, as: (Int64).self)
            do {
                try await journal.recordShippedExtras(on: day, fingerprint: fingerprint, at: now())
            } catch {
                throw .refused(sqlState: "journal", message: "the cursor cannot be written: \(error)")
            }
            progress.days += 1
        }
        return progress
    }

    /// Ships one batch of `stream` after its cursor.
    public func shipBatch(_ stream: ShippedStream, _ session: CentralSession, now: @Sendable () -> Date = Date.init) async throws(CentralError) -> Progress {
        let rows: [ShippedRow]
        do {
            rows = try journal.rowsToShip(stream, after: try journal.centralCursor(stream), limit: batchSize)
        } catch {
            throw .refused(sqlState: "journal", message: "the journal cannot be read: \(error)")
        }
        guard let last = rows.last else { return Progress() }
        var binds = PostgresBindings(capacity: 7)
        binds.append(hallID)
        binds.append(stream.rawValue)
        binds.append(rows.map(\.seq))
        binds.append(rows.map(\.date))
        binds.append(rows.map(\.atMilliseconds))
        binds.append(rows.map(\.ev))
        binds.append(rows.map(\.line))
        let insert = PostgresQuery(unsafeSQL: """
            INSERT INTO journal_row (hall_id, stream, seq, business_date, at, ev, line)
            SELECT $1, $2, r.seq, r.day::date, to_timestamp(r.ms / 1000.0), r.ev, r.line
            FROM unnest($3::int8[], $4::text[], $5::int8[], $6::text[], $7::text[]) AS r(seq, day, ms, ev, line)
            ORDER BY r.seq
            ON CONFLICT DO NOTHING
            RETURNING seq
            """, binds: binds)
        // One statement is its own transaction: the batch is in the centre whole, or not at all.
        let inserted = try await session.rows(insert, as: (Int64).self).count
        do {
            try await journal.advanceCentralCursor(stream, to: last.seq, at: now())
        } catch {
            throw .refused(sqlState: "journal", message: "the cursor cannot be written: \(error)")
        }
        return Progress(sent: rows.count, resent: rows.count - inserted, batches: 1, caughtUp: false)
    }
}
