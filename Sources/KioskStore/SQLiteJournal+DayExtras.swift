import Foundation
import GRDB
import KioskCore

/// What a day holds besides its events, for the centre: the estimates printed on its tickets
/// and its text messages' outcomes. Both change after they are written (a heads-up falls due,
/// a message is delivered), so the centre gets each day's whole set again whenever it changed:
/// a JSON object, with the masked number only (never the number, nor the message's text,
/// which may carry a reply link).
extension SQLiteJournal {
    /// Days with printed estimates or text messages, oldest first.
    public func daysWithExtras() throws -> [BusinessDate] {
        try pool.read { db in
            try String.fetchAll(db, sql: """
                SELECT business_date FROM printed_estimate UNION SELECT business_date FROM sms_outbox ORDER BY 1
                """).compactMap(BusinessDate.init)
        }
    }

    /// `date`'s printed estimates and text messages, as the centre stores them.
    public func dayExtras(on date: BusinessDate) throws -> String {
        let printed = try printedEstimates(on: date).map { p -> JSONValue in
            var members: [(key: String, value: JSONValue)] = [
                ("ticket", .string(p.ticket)), ("issued_ms", .number(Double(p.issuedAt.millisecondsSince1970))),
                ("wait_s", .number(p.wait)), ("heads_up_ms", .number(Double(p.headsUpAt.millisecondsSince1970))),
            ]
            if let due = p.headsUpDueAt { members.append(("heads_up_due_ms", .number(Double(due.millisecondsSince1970)))) }
            return .object(members)
        }
        let messages = try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, ticket, trigger, recipient, counter, phone_masked, state, reason, attempts, created_ms, updated_ms
                FROM sms_outbox WHERE business_date = ? ORDER BY id
                """, arguments: [date.description])
        }.map { row -> JSONValue in
            let reason: String? = row["reason"]
            return .object([
                ("id", .number(Double(row["id"] as Int64))), ("ticket", .string(row["ticket"])), ("trigger", .string(row["trigger"])),
                ("recipient", .string(row["recipient"])), ("counter", .string(row["counter"])), ("phone_masked", .string(row["phone_masked"])),
                ("state", .string(row["state"])), ("reason", reason.map(JSONValue.string) ?? .null), ("attempts", .number(Double(row["attempts"] as Int))),
                ("created_ms", .number(Double(row["created_ms"] as Int64))), ("updated_ms", .number(Double(row["updated_ms"] as Int64))),
            ])
        }
        return JSONValue.object([("printed", .array(printed)), ("sms", .array(messages))]).serialized()
    }

    /// The fingerprint of the day's extras the centre last acknowledged (nil: none).
    public func shippedExtrasFingerprint(on date: BusinessDate) throws -> Int64? {
        try pool.read { db in
            guard try db.tableExists("central_cursor") else { return nil }
            return try Int64.fetchOne(db, sql: "SELECT seq FROM central_cursor WHERE stream = ?", arguments: ["day " + date.description])
        }
    }

    /// Remembers that the centre holds the day's extras with this fingerprint.
    public func recordShippedExtras(on date: BusinessDate, fingerprint: Int64, at now: Date) async throws {
        try await pool.write { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO central_cursor (stream, seq, updated_ms) VALUES (?, ?, ?)",
                arguments: ["day " + date.description, fingerprint, now.millisecondsSince1970]
            )
        }
    }
}

/// Reads a day's extras back (the centre's report): printed estimates, and the messages'
/// outcomes by trigger and state.
public enum DayExtras {
    public static func printed(_ text: String) -> [PrintedEstimate] {
        guard let root = try? JSONParser.parse(text).value, case let .array(items)? = root["printed"] else { return [] }
        return items.compactMap { item in
            guard let ticket = item["ticket"]?.stringValue, let issued = item["issued_ms"]?.doubleValue, let wait = item["wait_s"]?.doubleValue,
                  let headsUp = item["heads_up_ms"]?.doubleValue else { return nil }
            return PrintedEstimate(
                ticket: ticket, issuedAt: Date(millisecondsSince1970: Int64(issued)), wait: wait,
                headsUpAt: Date(millisecondsSince1970: Int64(headsUp)),
                headsUpDueAt: item["heads_up_due_ms"]?.doubleValue.map { Date(millisecondsSince1970: Int64($0)) }
            )
        }
    }

    public static func smsOutcomes(_ text: String, into out: inout [String: [String: Int]]) {
        guard let root = try? JSONParser.parse(text).value, case let .array(items)? = root["sms"] else { return }
        for item in items {
            guard let trigger = item["trigger"]?.stringValue, let state = item["state"]?.stringValue else { continue }
            out[trigger, default: [:]][state, default: 0] += 1
        }
    }

    /// A stable 64-bit fingerprint (FNV-1a) of the extras' text.
    public static func fingerprint(_ text: String) -> Int64 {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100000001b3
        }
        return Int64(bitPattern: hash)
    }
}
