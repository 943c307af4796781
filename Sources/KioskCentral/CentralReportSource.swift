import Foundation
import KioskCore
import KioskStore
import PostgresNIO

/// The central database as a report source: for one hall it fills the same `ReportInput` a
/// hall's journal fills (its events, the config it ran under, its printed estimates, SMS
/// outcomes and ratings), so `ReportInput.report` gives the hall's own figures. Read as a
/// member of `kiosk_reader` (or the owner).
public struct CentralReportSource: Sendable {
    public let session: CentralSession

    public init(session: CentralSession) {
        self.session = session
    }

    /// The halls with events in `from`…`to`, by id.
    public func halls(from: BusinessDate, to: BusinessDate) async throws(CentralError) -> [String] {
        try await session.rows("""
            SELECT DISTINCT hall_id FROM journal_row
            WHERE stream = 'event' AND business_date BETWEEN \(from.description)::date AND \(to.description)::date ORDER BY hall_id
            """, as: (String).self)
    }

    /// The config hall `id` ran under on `to` (the last one shipped on or before it).
    public func config(hall id: String, on date: BusinessDate) async throws(CentralError) -> HallConfig? {
        let rows = try await session.rows("""
            SELECT line FROM journal_row WHERE hall_id = \(id) AND stream = 'config' AND business_date <= \(date.description)::date
            ORDER BY seq DESC LIMIT 1
            """, as: (String).self)
        return rows.first.flatMap { try? HallConfig.load(json: $0, lenient: true) }
    }

    /// What hall `id`'s report of `from`…`to` is made of; `config` overrides the shipped one.
    public func input(hall id: String, from: BusinessDate, to: BusinessDate, config: HallConfig? = nil) async throws(CentralError) -> ReportInput {
        var shipped = config
        if shipped == nil { shipped = try await self.config(hall: id, on: to) }
        guard let config = shipped else {
            throw .refused(sqlState: "kiosk", message: "hall \(id) shipped no config on or before \(to)")
        }
        let calendar = QueueEngine(config: config).calendar
        func decode(_ rows: [(String, String)]) -> [(date: BusinessDate, event: HallEvent)] {
            var codecs: [String: TraceCodec] = [:]
            return rows.compactMap { day, line in
                guard let date = BusinessDate(day) else { return nil }
                let codec = codecs[day] ?? TraceCodec(calendar: calendar, date: date)
                codecs[day] = codec
                guard let node = try? JSONParser.parse(line), let event = try? codec.decode(node.value) else { return nil }
                return (date, event)
            }
        }
        let events = decode(try await session.rows("""
            SELECT business_date::text, line FROM journal_row
            WHERE hall_id = \(id) AND stream = 'event' AND business_date BETWEEN \(from.description)::date AND \(to.description)::date
            ORDER BY seq
            """, as: (String, String).self))
        let ratings = decode(try await session.rows("""
            SELECT business_date::text, line FROM journal_row
            WHERE hall_id = \(id) AND stream = 'event' AND ev IN ('rate', 'followup_close') ORDER BY seq
            """, as: (String, String).self))
        var printed: [BusinessDate: [PrintedEstimate]] = [:]
        var sms: [String: [String: Int]] = [:]
        for (day, extras) in try await session.rows("""
            SELECT business_date::text, extras FROM hall_day
            WHERE hall_id = \(id) AND business_date BETWEEN \(from.description)::date AND \(to.description)::date
            """, as: (String, String).self) {
            guard let date = BusinessDate(day) else { continue }
            printed[date] = DayExtras.printed(extras)
            DayExtras.smsOutcomes(extras, into: &sms)
        }
        return ReportInput(config: config, events: events, printed: printed, sms: sms, ratingEvents: ratings)
    }

    /// The report of every hall with events in the period (or of `only`), and their totals.
    public func cityReport(from: BusinessDate, to: BusinessDate, only: [String] = [], today: BusinessDate) async throws(CentralError) -> CityReport {
        let ids = only.isEmpty ? try await halls(from: from, to: to) : only
        var halls: [CityReport.Hall] = []
        var builders: [ReportBuilder] = []
        for id in ids {
            let input = try await input(hall: id, from: from, to: to)
            halls.append(CityReport.Hall(id: id, report: input.report(from: from, to: to, today: today)))
            builders.append(input.builder())
        }
        return CityReport(from: from, to: to, halls: halls, totals: ReportBuilder.totals(builders))
    }
}
