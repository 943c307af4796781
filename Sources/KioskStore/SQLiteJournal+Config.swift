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
        let text = Self.recorded(config)
        return try pool.write { db in
            let last = try String.fetchOne(db, sql: "SELECT config FROM hall_config ORDER BY seq DESC LIMIT 1")
            guard last != text else { return false }
            try insertStart(text, at: now, in: db)
            return true
        }
    }

    /// The config a daemon starts on, and what it did to find it.
    public struct StartConfig: Sendable {
        public var config: HallConfig
        /// The file's config was recorded as in force from now (new, or edited since).
        public var recordedFile: Bool
        /// A live change applied since the file last started the daemon, kept (the file is
        /// unchanged, so the hall runs on the config that was in force when it stopped).
        public var keptLive: ConfigRecord?
    }

    /// Decides the config a daemon started with `file` runs on. The newest word wins: when the
    /// file is what it was at the last start and a live change (`PUT /v1/config`) came after,
    /// the live config stays in force (a restart must not undo it); when the file differs from
    /// what it was at the last start, somebody edited it, and it is recorded and used.
    public func configAtStart(file: HallConfig, at now: Date) throws -> StartConfig {
        let text = Self.recorded(file)
        var recorded = false
        let kept: (text: String, date: String, at: Int64)? = try pool.write { db in
            let lastStart = try String.fetchOne(db, sql: "SELECT config FROM hall_config WHERE source = 'start' ORDER BY seq DESC LIMIT 1")
            let last = try Row.fetchOne(db, sql: "SELECT config, source, business_date, at_ms FROM hall_config ORDER BY seq DESC LIMIT 1")
            if let last, lastStart == text, (last["source"] as String) == "apply" {
                return (last["config"], last["business_date"], last["at_ms"])
            }
            // Recorded when it differs from the config in force, and when it differs from the
            // file's last start (edited to match a live change: the marker makes the next live
            // change survive the next restart).
            if (last?["config"] as String?) != text || lastStart != text {
                try insertStart(text, at: now, in: db)
                recorded = true
            }
            return nil
        }
        guard let kept else {
            return StartConfig(config: file, recordedFile: recorded, keptLive: nil)
        }
        let config = try Self.load(kept.text)
        let record = ConfigRecord(date: BusinessDate(kept.date) ?? calendar.businessDate(of: now), at: Date(millisecondsSince1970: kept.at), config: config)
        return StartConfig(config: config, recordedFile: false, keptLive: record)
    }

    /// The newest record's version (its seq), 0 when none.
    public func lastConfigVersion() throws -> Int64 {
        try pool.read { db in
            guard try db.tableExists("hall_config") else { return 0 }
            return try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM hall_config") ?? 0
        }
    }

    /// The configs of `versions`, and the one recorded before the first of them.
    public func configTimeline(versions: [Int64]) throws -> ConfigTimeline {
        guard let first = versions.min() else { return ConfigTimeline(initial: nil, versions: [:]) }
        return try pool.read { db in
            guard try db.tableExists("hall_config") else { return ConfigTimeline(initial: nil, versions: [:]) }
            var found: [Int64: HallConfig] = [:]
            for version in Set(versions) {
                if let text = try String.fetchOne(db, sql: "SELECT config FROM hall_config WHERE seq = ?", arguments: [version]) {
                    found[version] = try Self.load(text)
                }
            }
            let before = try String.fetchOne(db, sql: "SELECT config FROM hall_config WHERE seq < ? ORDER BY seq DESC LIMIT 1", arguments: [first])
            return ConfigTimeline(initial: try before.map(Self.load), versions: found)
        }
    }

    /// Records live changes with the versions their events name (one writer holds the data
    /// directory, so the version the hall actor chose is free; if not, the batch fails whole).
    func insertApplied(_ configs: [AppliedConfig], in db: Database) throws {
        for applied in configs {
            try db.execute(
                sql: "INSERT INTO hall_config (seq, business_date, at_ms, config, source) VALUES (?, ?, ?, ?, 'apply')",
                arguments: [applied.version, calendar.businessDate(of: applied.at).description, applied.at.millisecondsSince1970, Self.recorded(applied.config)]
            )
        }
    }

    private func insertStart(_ text: String, at now: Date, in db: Database) throws {
        try db.execute(
            sql: "INSERT INTO hall_config (business_date, at_ms, config, source) VALUES (?, ?, ?, 'start')",
            arguments: [calendar.businessDate(of: now).description, now.millisecondsSince1970, text]
        )
    }

    /// A config as the journal keeps it: the whole of it (the journal is the hall's own, 0600).
    static func recorded(_ config: HallConfig) -> String {
        config.jsonValue(withGateway: true).serialized()
    }

    static func load(_ text: String) throws -> HallConfig {
        do {
            return try HallConfig.load(json: text, lenient: true)
        } catch {
            throw JournalError.corruptRow(seq: 0, reason: "hall_config: \(error.diagnostics.map(\.message).joined(separator: "; "))")
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
