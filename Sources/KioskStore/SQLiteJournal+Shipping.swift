import Foundation
import GRDB
import KioskCore

/// A journal row as the centre receives it: its place in the journal, its day and instant,
/// what it is, and its trace-format line as stored (events never carry phone numbers: an
/// issue says only `contact: true`; configs are shipped without the SMS gateway's secrets).
public struct ShippedRow: Sendable, Equatable {
    public var seq: Int64
    public var date: String
    public var atMilliseconds: Int64
    public var ev: String
    public var line: String

    public init(seq: Int64, date: String, atMilliseconds: Int64, ev: String, line: String) {
        self.seq = seq
        self.date = date
        self.atMilliseconds = atMilliseconds
        self.ev = ev
        self.line = line
    }
}

/// What a hall ships: its events (sequence = the journal's event seq), and the configs it ran
/// under (sequence = the config record's). Each has its own cursor.
public enum ShippedStream: String, Sendable, CaseIterable {
    case event
    case config
}

extension SQLiteJournal {
    /// The last sequence of `stream` the centre holds, as the journal remembers it (0: none).
    public func centralCursor(_ stream: ShippedStream) throws -> Int64 {
        try pool.read { db in
            guard try db.tableExists("central_cursor") else { return 0 }
            return try Int64.fetchOne(db, sql: "SELECT seq FROM central_cursor WHERE stream = ?", arguments: [stream.rawValue]) ?? 0
        }
    }

    /// Moves `stream`'s cursor forward to `seq` (never back: two shippers racing cannot undo
    /// each other's progress).
    public func advanceCentralCursor(_ stream: ShippedStream, to seq: Int64, at now: Date) async throws {
        try await pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO central_cursor (stream, seq, updated_ms) VALUES (?, ?, ?)
                    ON CONFLICT (stream) DO UPDATE SET seq = MAX(seq, excluded.seq), updated_ms = excluded.updated_ms
                    """,
                arguments: [stream.rawValue, seq, now.millisecondsSince1970]
            )
        }
    }

    /// Up to `limit` rows of `stream` after `seq`, in journal order, as the centre stores them.
    public func rowsToShip(_ stream: ShippedStream, after seq: Int64, limit: Int) throws -> [ShippedRow] {
        switch stream {
        case .event:
            return try pool.read { db in
                try Row.fetchAll(
                    db, sql: """
                        SELECT seq, business_date, at_ms, line, (CASE WHEN json_valid(line) THEN json_extract(line, '$.ev') END) AS ev
                        FROM event WHERE seq > ? ORDER BY seq LIMIT ?
                        """,
                    arguments: [seq, limit]
                ).map { row in
                    ShippedRow(seq: row["seq"], date: row["business_date"], atMilliseconds: row["at_ms"], ev: row["ev"] ?? "?", line: row["line"])
                }
            }
        case .config:
            let rows = try pool.read { db in
                try Row.fetchAll(
                    db, sql: "SELECT seq, business_date, at_ms, config FROM hall_config WHERE seq > ? ORDER BY seq LIMIT ?",
                    arguments: [seq, limit]
                )
            }
            return try rows.map { row in
                // The journal keeps the gateway's address and secrets; the centre gets the
                // config as an export does, without them.
                let config = try Self.load(row["config"])
                return ShippedRow(
                    seq: row["seq"], date: row["business_date"], atMilliseconds: row["at_ms"], ev: "config",
                    line: config.jsonValue(withGateway: false).serialized()
                )
            }
        }
    }

    /// The newest sequence of `stream` (0: none).
    public func lastSeq(of stream: ShippedStream) throws -> Int64 {
        switch stream {
        case .event: return try lastSeq()
        case .config: return try lastConfigVersion()
        }
    }
}
