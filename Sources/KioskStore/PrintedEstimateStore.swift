import Foundation
import GRDB
import KioskCore

/// The estimates printed on tickets, kept with the events so the daemon's self-measured
/// accuracy (`GET /v1/stats`) survives a restart. A printed estimate commits in the same
/// transaction as its ticket's issue event; a heads-up's due moment is added later.
enum PrintedEstimateSchema {
    static func v3(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE printed_estimate (
                business_date TEXT NOT NULL,
                ticket TEXT NOT NULL,
                issued_ms INTEGER NOT NULL,
                wait_s REAL NOT NULL,
                heads_up_ms INTEGER NOT NULL,
                heads_up_due_ms INTEGER,
                PRIMARY KEY (business_date, ticket)
            );
            """)
    }
}

extension SQLiteJournal {
    static func insertPrinted(_ printed: [PrintedEstimate], calendar: HallCalendar, in db: Database) throws {
        for p in printed {
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO printed_estimate (business_date, ticket, issued_ms, wait_s, heads_up_ms, heads_up_due_ms)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [calendar.businessDate(of: p.issuedAt).description, p.ticket, p.issuedAt.millisecondsSince1970,
                            p.wait, p.headsUpAt.millisecondsSince1970, p.headsUpDueAt?.millisecondsSince1970]
            )
        }
    }

    /// Notes when tickets' heads-ups fell due (the first time only), in one transaction.
    public func recordHeadsUps(_ tickets: [TicketNumber], on date: BusinessDate, at: Date) async throws {
        try await pool.write { db in
            for ticket in tickets {
                try db.execute(
                    sql: """
                        UPDATE printed_estimate SET heads_up_due_ms = ?
                        WHERE business_date = ? AND ticket = ? AND heads_up_due_ms IS NULL
                        """,
                    arguments: [at.millisecondsSince1970, date.description, ticket]
                )
            }
        }
    }

    /// The day's printed estimates, in issue order.
    public func printedEstimates(on date: BusinessDate) throws -> [PrintedEstimate] {
        try pool.read { db in
            try Row.fetchAll(
                db, sql: """
                    SELECT ticket, issued_ms, wait_s, heads_up_ms, heads_up_due_ms FROM printed_estimate
                    WHERE business_date = ? ORDER BY issued_ms, ticket
                    """,
                arguments: [date.description]
            ).map { row in
                // Columns by position, as selected: read at every restart, one row per ticket.
                PrintedEstimate(
                    ticket: row[0], issuedAt: Date(millisecondsSince1970: row[1]), wait: row[2],
                    headsUpAt: Date(millisecondsSince1970: row[3]),
                    headsUpDueAt: (row[4] as Int64?).map(Date.init(millisecondsSince1970:))
                )
            }
        }
    }
}
