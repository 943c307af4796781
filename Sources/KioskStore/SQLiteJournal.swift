import Foundation
import GRDB
import KioskCore
import Synchronization

/// The journal in one SQLite file (GRDB): WAL, `synchronous = FULL`, so a committed transaction
/// survives a crash or power cut; each event row is its trace-format line.
public final class SQLiteJournal: Sendable {
    let pool: DatabasePool
    let calendar: HallCalendar
    let readOnly: Bool
    /// Rows that could not be read: moved to `journal_quarantine` (writable journal) or skipped
    /// (read-only), counted so `/healthz` can say the journal is degraded.
    private let unreadable: Mutex<Int>

    /// How long a write waits for another connection's lock before it fails (seconds). Clients
    /// that retry an issue wait longer than this for an answer.
    public static let busyTimeout: TimeInterval = 10
    /// The page cache of each reading connection, in KiB (SQLite's default is 2,000).
    static let readerCacheKiB = 256
    /// Rung after every commit that wrote new outbox messages (the SMS worker listens).
    public let outboxBell = OutboxBell()
    /// Write transactions that recorded outbox answers or claimed messages since this journal
    /// was opened (the SMS bench and tests: a burst must not cost one durable write per message).
    let outboxWriteCounter = Atomic<Int>(0)
    public var outboxWrites: Int { outboxWriteCounter.load(ordering: .relaxed) }

    /// Opens (creating if needed) the journal at `path` for a hall in `calendar`'s time zone.
    /// `readOnly`: for commands that only look (export, status): nothing is created, migrated
    /// or written, and it works beside a running daemon.
    public init(path: String, calendar: HallCalendar, readOnly: Bool = false) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.readonly = readOnly
        configuration.prepareDatabase { db in
            // Purged phone numbers are overwritten with zeros, not left in free space.
            if !readOnly { try db.execute(sql: "PRAGMA secure_delete = ON") }
            // Reading connections (up to five in the pool) each keep a page cache of up to 2 MiB
            // by default, and the fold, a replay or a report fills one with pages it reads once.
            // Reads here are scans, not lookups of hot pages, so a small cache costs them little
            // and keeps the daemon's memory down; the one writer keeps the default.
            if db.configuration.readonly { try db.execute(sql: "PRAGMA cache_size = -\(Self.readerCacheKiB)") }
        }
        if readOnly {
            guard FileManager.default.fileExists(atPath: path) else { throw JournalMissing(path: path) }
        } else {
            // Created 0600 before SQLite opens it: SQLite gives its -wal and -shm the mode of
            // the database file, so all three are private from their first byte.
            try PrivateFiles.createFile(atPath: path)
        }
        pool = try DatabasePool(path: path, configuration: configuration)
        self.calendar = calendar
        self.readOnly = readOnly
        unreadable = Mutex(0)
        guard !readOnly else { return }
        // FULL: the WAL is fsynced at every commit; NORMAL could lose the last tickets on power
        // loss. Set here, not in prepareDatabase: the pool's WAL set-up runs after that and
        // chooses NORMAL. Only the single writer connection commits, so this one setting holds.
        try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        try JournalSchema.migrator.migrate(pool)
        let quarantined = try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM journal_quarantine") ?? 0 }
        unreadable.withLock { $0 = quarantined }
    }

    /// How many journal rows could not be read (quarantined, or skipped by a read-only look).
    public var unreadableRowCount: Int { unreadable.withLock { $0 } }

    /// Empties the WAL into the database and truncates it to zero bytes: after a purge, the
    /// old pages (with the numbers) would otherwise stay in the WAL file until overwritten.
    func truncateWAL(_ db: Database) throws {
        try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
    }

    public func append(_ events: [HallEvent], contacts: [TicketContact]) throws -> [Int64] {
        try pool.writeWithoutTransaction { db in
            var seqs: [Int64] = []
            try db.inTransaction(.immediate) {
                seqs = try insert(events, contacts: contacts, in: db)
                return .commit
            }
            return seqs
        }
    }

    /// The same as `append`, awaiting GRDB's writer queue instead of blocking the caller's
    /// thread: the daemon's group commit calls this from the cooperative pool. The text
    /// messages the events trigger (`outbox`) and the estimates printed on the tickets they
    /// issue (`printed`) commit in the same transaction.
    public func appendAsync(
        _ events: [HallEvent], contacts: [TicketContact], outbox: [OutboxDraft] = [], printed: [PrintedEstimate] = [],
        issueKeys: [IssueKeyRecord] = [], configs: [AppliedConfig] = []
    ) async throws -> [Int64] {
        let (seqs, messages) = try await pool.writeWithoutTransaction { db in
            var seqs: [Int64] = []
            var messages = 0
            try db.inTransaction(.immediate) {
                seqs = try self.insert(events, contacts: contacts, in: db)
                messages = try Self.insertOutbox(outbox, in: db)
                try Self.insertPrinted(printed, calendar: self.calendar, in: db)
                try Self.insertIssueKeys(issueKeys, in: db)
                try self.insertApplied(configs, in: db)
                return .commit
            }
            return (seqs, messages)
        }
        if messages > 0 { outboxBell.ring() }
        return seqs
    }

    /// Reads the day's events, decides what to append, and appends it, all in one IMMEDIATE
    /// transaction: processes that share the file (CLI commands) are serialised, so two of
    /// them can never hand out the same number.
    public func transact<T>(
        on date: BusinessDate,
        _ decide: ([StoredEvent]) throws -> (events: [HallEvent], contacts: [TicketContact], result: T)
    ) throws -> T {
        try pool.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.immediate) {
                let read = try fetch(sql: "SELECT seq, business_date, line FROM event WHERE business_date = ? ORDER BY seq", [date.description], in: db)
                try quarantine(read.unreadable, in: db)
                let decided = try decide(read.events)
                _ = try insert(decided.events, contacts: decided.contacts, in: db)
                result = decided.result
                return .commit
            }
            return result!
        }
    }

    func insert(_ events: [HallEvent], contacts: [TicketContact], in db: Database) throws -> [Int64] {
        var seqs: [Int64] = []
        for event in events {
            let date = calendar.businessDate(of: event.at)
            let line = TraceCodec(calendar: calendar, date: date).encode(event).serialized()
            try db.execute(
                sql: "INSERT INTO event (business_date, at_ms, line) VALUES (?, ?, ?)",
                arguments: [date.description, event.at.millisecondsSince1970, line]
            )
            seqs.append(db.lastInsertedRowID)
        }
        for contact in contacts {
            // The contact belongs to the day its ticket was issued on (an appointment's phone:
            // the appointment's day).
            guard let date = ContactDay.of(contact.ticket, committedWith: events, calendar: calendar)?.description else { continue }
            try db.execute(
                sql: "INSERT OR REPLACE INTO ticket_contact (business_date, ticket, phone, caretaker_phone) VALUES (?, ?, ?, ?)",
                arguments: [date, contact.ticket, contact.phone?.digits, contact.caretaker?.digits]
            )
        }
        return seqs
    }

    /// Every readable event of `date`; a row that cannot be read is quarantined, not thrown.
    public func events(on date: BusinessDate) throws -> [StoredEvent] {
        let read = try pool.read { db in
            try fetch(sql: "SELECT seq, business_date, line FROM event WHERE business_date = ? ORDER BY seq", [date.description], in: db)
        }
        try setAside(read.unreadable)
        return read.events
    }

    /// Readable events `sql` selects (range reads for reports; its columns: seq, business_date
    /// and line, in that order); unreadable rows are set aside
    /// as `events(on:)` does.
    func readableEvents(sql: String, _ arguments: StatementArguments) throws -> [StoredEvent] {
        let read = try pool.read { db in try fetch(sql: sql, arguments, in: db) }
        try setAside(read.unreadable)
        return read.events
    }

    /// Readable events after `seq`; a row that cannot be read is quarantined, not thrown.
    public func events(after seq: Int64, limit: Int) throws -> [StoredEvent] {
        let read = try pool.read { db in
            try fetch(sql: "SELECT seq, business_date, line FROM event WHERE seq > ? ORDER BY seq LIMIT ?", [seq, limit], in: db)
        }
        try setAside(read.unreadable)
        return read.events
    }

    /// Rows quarantined so far, oldest position first.
    public func quarantinedRows() throws -> [QuarantinedRow] {
        try pool.read { db in
            guard try db.tableExists("journal_quarantine") else { return [] }
            return try Row.fetchAll(db, sql: "SELECT seq, business_date, error FROM journal_quarantine ORDER BY seq").map { row in
                QuarantinedRow(seq: row["seq"], date: String.fromDatabaseValue(row["business_date"] as DatabaseValue), error: row["error"])
            }
        }
    }

    /// Moves unreadable rows out of the journal (writable) or just counts them (read-only).
    private func setAside(_ rows: [UnreadableRow]) throws {
        guard !rows.isEmpty else { return }
        if readOnly {
            unreadable.withLock { $0 += rows.count }
            return
        }
        try pool.writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                try quarantine(rows, in: db)
                return .commit
            }
        }
    }

    /// One unreadable row is the hall's loss of one event, not of its day: the row moves, as it
    /// was, to `journal_quarantine` with its error and position, and the rest of the journal
    /// goes on being read.
    private func quarantine(_ rows: [UnreadableRow], in db: Database) throws {
        guard !rows.isEmpty else { return }
        var moved = 0
        for bad in rows {
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO journal_quarantine (seq, business_date, at_ms, line, error, quarantined_ms)
                    SELECT seq, business_date, at_ms, line, ?, ? FROM event WHERE seq = ?
                    """,
                arguments: [bad.reason, Date().millisecondsSince1970, bad.seq]
            )
            try db.execute(sql: "DELETE FROM event WHERE seq = ?", arguments: [bad.seq])
            moved += db.changesCount
        }
        unreadable.withLock { $0 += moved }
    }

    /// Business dates with events before `date`, newest first, at most `limit`.
    public func businessDates(before date: BusinessDate, limit: Int) throws -> [BusinessDate] {
        try pool.read { db in
            try String.fetchAll(
                db, sql: "SELECT DISTINCT business_date FROM event WHERE business_date < ? ORDER BY business_date DESC LIMIT ?",
                arguments: [date.description, limit]
            ).compactMap(BusinessDate.init)
        }
    }

    /// The newest sequence number in the journal, 0 when empty.
    public func lastSeq() throws -> Int64 {
        try pool.read { db in try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM event") ?? 0 }
    }

    public func latestDate() throws -> BusinessDate? {
        try pool.read { db in
            try String.fetchOne(db, sql: "SELECT business_date FROM event ORDER BY seq DESC LIMIT 1").flatMap(BusinessDate.init)
        }
    }

    public func contact(for ticket: TicketNumber, on date: BusinessDate) throws -> TicketContact? {
        try pool.read { db in
            guard let row = try Row.fetchOne(
                db, sql: "SELECT phone, caretaker_phone FROM ticket_contact WHERE business_date = ? AND ticket = ?",
                arguments: [date.description, ticket]
            ) else { return nil }
            let phone: String? = row["phone"]
            let caretaker: String? = row["caretaker_phone"]
            return TicketContact(ticket: ticket, phone: phone.flatMap(PhoneNumber.init), caretaker: caretaker.flatMap(PhoneNumber.init))
        }
    }

    @discardableResult
    public func purgeContacts(before date: BusinessDate) throws -> Int {
        try pool.writeWithoutTransaction { db in
            var purged = 0
            try db.inTransaction(.immediate) {
                try db.execute(sql: "DELETE FROM ticket_contact WHERE business_date < ?", arguments: [date.description])
                purged = db.changesCount
                return .commit
            }
            if purged > 0 { try truncateWAL(db) }
            return purged
        }
    }

    /// The durability settings in force on a connection: (journal mode, synchronous level).
    /// `("wal", 2)` is what we promise: 2 = FULL.
    public func durabilitySettings() throws -> (journalMode: String, synchronous: Int) {
        try pool.write { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "", try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1)
        }
    }

    /// The page cache size (`PRAGMA cache_size`) of a reading connection and of the writer.
    func pageCacheSizes() throws -> (reader: Int, writer: Int) {
        let sql = "PRAGMA cache_size"
        return (try pool.read { try Int.fetchOne($0, sql: sql) ?? 0 }, try pool.write { try Int.fetchOne($0, sql: sql) ?? 0 })
    }

    /// The rows `sql` selects (seq, business_date, line), decoded; those that cannot be decoded
    /// are returned apart.
    private func fetch(sql: String, _ arguments: StatementArguments, in db: Database) throws -> (events: [StoredEvent], unreadable: [UnreadableRow]) {
        var out: [StoredEvent] = []
        var bad: [UnreadableRow] = []
        var codecs: [String: TraceCodec] = [:]
        // Rows come day by day: the date text is parsed once per run of a day, not per row.
        var lastDate: (text: String, date: BusinessDate)?
        // A cursor, columns by position (`sql` selects seq, business_date, line): a restart reads
        // the whole day, and rows fetched all at once, with their columns looked up by name, were
        // a tenth of its CPU.
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try rows.next() {
            let seq: Int64 = row[0]
            // Read as optional values: a corrupted row may hold NULL or bytes that are no text.
            guard let dateText = String.fromDatabaseValue(row[1] as DatabaseValue),
                  let date = lastDate?.text == dateText ? lastDate?.date : BusinessDate(dateText)
            else {
                bad.append(UnreadableRow(seq: seq, reason: "bad business date"))
                continue
            }
            guard let line = String.fromDatabaseValue(row[2] as DatabaseValue) else {
                bad.append(UnreadableRow(seq: seq, reason: "no text line"))
                continue
            }
            lastDate = (dateText, date)
            let codec = codecs[dateText] ?? TraceCodec(calendar: calendar, date: date)
            codecs[dateText] = codec
            do {
                // The strict parser only for a line the fast one does not take (it says why).
                let value = try FlatJSONParser.parse(line) ?? JSONParser.parse(line).value
                guard let event = try codec.decode(value) else {
                    bad.append(UnreadableRow(seq: seq, reason: "not a hall event"))
                    continue
                }
                out.append(StoredEvent(seq: seq, date: date, event: event))
            } catch {
                bad.append(UnreadableRow(seq: seq, reason: "\(error)"))
            }
        }
        return (out, bad)
    }
}

/// A journal row that could not be decoded, and why.
struct UnreadableRow: Sendable, Equatable {
    var seq: Int64
    var reason: String
}

/// A row moved to `journal_quarantine`: its position, its day (if readable) and why.
public struct QuarantinedRow: Sendable, Equatable {
    public var seq: Int64
    public var date: String?
    public var error: String
}

/// A command that only reads found no journal.
public struct JournalMissing: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var description: String { "no journal at \(path)" }
}

public enum JournalError: Error, Sendable, Equatable, CustomStringConvertible {
    case corruptRow(seq: Int64, reason: String)

    public var description: String {
        switch self {
        case let .corruptRow(seq, reason): return "journal row \(seq) cannot be read: \(reason)"
        }
    }
}
