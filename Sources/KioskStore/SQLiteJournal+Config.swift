import Foundation
import GRDB
import KioskCore

/// The config in force, journaled: a `config` record whenever it differs from the last one.
extension SQLiteJournal {
    /// A config as recorded, and when.
    public struct ConfigRecord: Sendable {
        public var date: BusinessDate
        public var at: Date
        public var config: HallConfig
    }

    /// Records `config` as in force from `now` when it differs from the last one recorded (or
    /// none is); returns whether it wrote a record.
    @discardableResult
    public func recordConfigIfChanged(_ config: HallConfig, at now: Date) throws -> Bool {
        // The whole config (limits, the SMS gateway): a daemon or command working on the
        // recorded hall must get the hall that was recorded, not one with default limits and
        // no gateway. The journal is the hall's own (0600); exports leave the secrets out.
        let text = config.jsonValue(withGateway: true).serialized()
        return try pool.write { db in
            let last = try String.fetchOne(db, sql: "SELECT config FROM hall_config ORDER BY seq DESC LIMIT 1")
            guard last != text else { return false }
            try db.execute(
                sql: "INSERT INTO hall_config (business_date, at_ms, config) VALUES (?, ?, ?)",
                arguments: [calendar.businessDate(of: now).description, now.millisecondsSince1970, text]
            )
            return true
        }
    }

    /// The config most recently recorded, if any.
    public func lastRecordedConfig() throws -> ConfigRecord? {
        try record(sql: "SELECT business_date, at_ms, config FROM hall_config ORDER BY seq DESC LIMIT 1", [])
    }

    /// The config in force on `date`: the last one recorded on or before that day (nil: none
    /// was, e.g. a journal written before configs were recorded).
    public func config(inForceOn date: BusinessDate) throws -> ConfigRecord? {
        try record(
            sql: "SELECT business_date, at_ms, config FROM hall_config WHERE business_date <= ? ORDER BY seq DESC LIMIT 1",
            [date.description]
        )
    }

    /// Business dates with events, oldest first.
    public func businessDates() throws -> [BusinessDate] {
        try pool.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT business_date FROM event ORDER BY business_date").compactMap(BusinessDate.init)
        }
    }

    private func record(sql: String, _ arguments: StatementArguments) throws -> ConfigRecord? {
        // A journal opened read-only is not migrated: one written before configs were recorded
        // has no such table, and records none.
        guard let row = try pool.read({ db in
            try db.tableExists("hall_config") ? try Row.fetchOne(db, sql: sql, arguments: arguments) : nil
        }) else { return nil }
        let dateText: String = row["business_date"], text: String = row["config"]
        guard let date = BusinessDate(dateText) else { throw JournalError.corruptRow(seq: 0, reason: "hall_config: bad date \(dateText)") }
        do {
            return ConfigRecord(date: date, at: Date(millisecondsSince1970: row["at_ms"]), config: try HallConfig.load(json: text, lenient: true))
        } catch {
            throw JournalError.corruptRow(seq: 0, reason: "hall_config: \(error.diagnostics.map(\.message).joined(separator: "; "))")
        }
    }
}
