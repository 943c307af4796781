import ArgumentParser
import Foundation
import KioskCentral
import KioskCore
import KioskDisplay
import KioskStore
import Logging

/// `kiosk central`: the halls' journals in one PostgreSQL (README "Many halls").
struct CentralCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "central", abstract: "Many halls in one central PostgreSQL: its schema, and shipping a hall's journal to it.",
        subcommands: [CentralMigrateCommand.self, CentralPushCommand.self, CentralReportCommand.self, CentralServeCommand.self]
    )

    /// Exit codes every central command shares: 2 the centre cannot be reached (try again
    /// later), 3 it refused (schema missing, role not allowed, another hall's rows).
    static func exit(for error: CentralError) -> ExitCode {
        printError(error.description)
        return ExitCode(error.isUnreachable ? 2 : 3)
    }

    static func address(_ text: String) throws -> CentralAddress {
        do {
            return try CentralAddress(text)
        } catch let invalid as CentralAddress.Invalid {
            throw ValidationError(invalid.description)
        }
    }

    static var logger: Logger {
        var logger = Logger(label: "kiosk.central")
        logger.logLevel = .error
        return logger
    }
}

struct CentralMigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Create or update the centre's schema (run as the database's owner): tables, monthly partitions ahead, roles, row-level security.",
        discussion: """
            Safe to run again, and as often as wanted (e.g. monthly from cron, so the months ahead always exist). \
            Rows of a month not created yet land in the default partition and move to their month when it is created. \
            --hall ID adds the login role hall_ID, allowed to insert and read only that hall's rows; it has no password: \
            let it present a client certificate (pg_hba.conf cert, sslcert/sslkey in its URL) or set one (ALTER ROLE). Reports read as a member of kiosk_reader.
            """
    )
    @Option(help: "The centre: postgres://OWNER@HOST[:PORT]/DATABASE (password: in the URL or PGPASSWORD; TLS: ?sslmode=verify-full&sslrootcert=FILE, README \"Many halls\").") var central: String
    @Option(help: "First month to have a partition, YYYY-MM (default: this month).") var from: String?
    @Option(help: "Months after the first to create.") var monthsAhead: Int = 12
    @Option(parsing: .singleValue, help: "A hall id (hall.id of its config) to give a login role (repeatable).") var hall: [String] = []

    func run() async throws {
        let address = try CentralCommand.address(central)
        let first: Month
        if let from {
            guard let month = Month(from) else { throw ValidationError("--from: expected YYYY-MM, got '\(from)'") }
            first = month
        } else {
            first = Month(of: Date())
        }
        guard (0...120).contains(monthsAhead) else { throw ValidationError("--months-ahead must be 0…120") }
        for id in hall where !HallConfig.isValidHallID(id) {
            throw ValidationError("--hall: '\(id)' is no hall id (1–40 characters of a–z, 0–9, '-' and '_')")
        }
        do {
            let session = try await CentralSession.connect(address, logger: CentralCommand.logger)
            let outcome: CentralMigrator.Outcome
            do {
                outcome = try await CentralMigrator(session: session).migrate(from: first, monthsAhead: monthsAhead, halls: hall)
            } catch {
                await session.close()
                throw error
            }
            await session.close()
            for line in outcome.applied { print("applied migration \(line)") }
            if !outcome.partitionsCreated.isEmpty {
                print("created \(outcome.partitionsCreated.count) monthly partitions (\(outcome.partitionsCreated.first!) … \(outcome.partitionsCreated.last!))"
                    + (outcome.rowsMovedFromDefault > 0 ? ", moved \(outcome.rowsMovedFromDefault) rows out of the default partition" : ""))
            }
            for id in outcome.hallsAdded { print("added hall \(id): login role \(CentralMigrator.roleName(of: id))") }
            print("the centre at \(address) is up to date")
        } catch let error as CentralError {
            throw CentralCommand.exit(for: error)
        }
    }
}

struct CentralPushCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "push",
        abstract: "Ship a stopped hall's journal to the centre once, from its cursor to the journal's end.",
        discussion: """
            For a hall whose daemon is not running (it holds the data directory): a daemon started with --central \
            ships by itself. Reads the journal and writes only its cursor. Resumable and idempotent: run it again \
            after any failure. Exit 0 only when everything up to the journal's end is in the centre; 2 when the \
            centre cannot be reached, 3 when it refuses (schema missing: run central migrate; role not allowed).
            """
    )
    @Option(help: "The hall's data directory.") var dataDir: String
    @Option(help: "The hall's config (default: the config the journal recorded last); its hall.id names the hall.") var config: String?
    @Option(help: "The centre: postgres://hall_ID@HOST[:PORT]/DATABASE (password: in the URL or PGPASSWORD; TLS: ?sslmode=verify-full&sslrootcert=FILE, README \"Many halls\").") var central: String
    @Option(help: "Rows per batch (one transaction each).") var batch: Int = 2000

    func run() async throws {
        let address = try CentralCommand.address(central)
        guard (1...50_000).contains(batch) else { throw ValidationError("--batch must be 1…50000") }
        // --config, else the hall that last wrote the journal (an imported day records its own).
        let hallConfig = try config.map { try HallOptions.load(configPath: $0) }
            ?? (try LocalHall.recordedConfig(dataDirectory: dataDir)) ?? HallConfig.defaultHall
        guard let hallID = hallConfig.id else {
            printError(hallConfig.centralProblem!)
            throw ExitCode(1)
        }
        guard FileManager.default.fileExists(atPath: dataDir + "/journal.sqlite") else {
            printError("no journal at \(dataDir)/journal.sqlite")
            throw ExitCode(1)
        }
        let hall: LocalHall
        do {
            hall = try LocalHall.openForWriting(config: hallConfig, dataDirectory: dataDir) { printError("warning: \($0)") }
        } catch let busy as DataDirectoryInUse {
            printError("\(busy.description) (a daemon started with --central ships by itself)")
            throw ExitCode(1)
        }
        let shipper = JournalShipper(journal: hall.journal, hallID: hallID, batchSize: batch)
        let started = Date()
        do {
            let session = try await CentralSession.connect(address, logger: CentralCommand.logger)
            let progress: JournalShipper.Progress
            do {
                progress = try await shipper.shipAll(session)
            } catch {
                await session.close()
                throw error
            }
            await session.close()
            let seconds = Date().timeIntervalSince(started)
            let rate = seconds > 0 ? Int(Double(progress.sent) / seconds) : 0
            print("hall \(hallID): \(progress.sent) rows shipped in \(progress.batches) batches (\(progress.resent) already in the centre), "
                + "\(progress.days) days of printed estimates and SMS outcomes, "
                + "\(String(format: "%.2f", seconds)) s, \(rate) rows/s; the centre holds the journal up to seq \(try hall.journal.centralCursor(.event))")
        } catch let error as CentralError {
            throw CentralCommand.exit(for: error)
        }
    }
}

struct CentralReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Every hall's figures for a day or a period, from the centre: each hall's own report, and the totals.",
        discussion: """
            Each hall's figures are its own `kiosk report` of the same days (one report implementation, fed from the \
            centre's rows instead of the hall's journal), under the config the hall shipped. JSON: halls[] (id, hall, \
            days, services, ratings) and the totals under hall. Connect as a member of kiosk_reader.
            """
    )
    @Option(help: "The centre: postgres://READER@HOST[:PORT]/DATABASE (password: in the URL or PGPASSWORD; TLS: ?sslmode=verify-full&sslrootcert=FILE, README \"Many halls\").") var central: String
    @Option(help: "One business date YYYY-MM-DD.") var date: String?
    @Option(help: "First date of a period YYYY-MM-DD.") var from: String?
    @Option(help: "Last date of a period YYYY-MM-DD (default: --from).") var to: String?
    @Option(parsing: .singleValue, help: "Only this hall (repeatable; default: every hall with events in the period).") var hall: [String] = []
    @Option(help: "table, json, csv or html.") var format: String = "table"
    @Option(name: .shortAndLong, help: "Output file (default: standard output).") var output: String?

    func run() async throws {
        let address = try CentralCommand.address(central)
        guard let format = ReportFormat(rawValue: format) else {
            throw ValidationError("--format must be one of \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let period: (from: BusinessDate, to: BusinessDate)
        do {
            period = try ReportPeriod.parse(date: date, from: from, to: to)
            try JournalReport.checkPeriod(from: period.from, to: period.to)
        } catch let invalid as ReportPeriod.Invalid {
            throw ValidationError("--" + invalid.message)
        } catch {
            throw ValidationError("\(error)")
        }
        do {
            let session = try await CentralSession.connect(address, logger: CentralCommand.logger)
            let report: CityReport
            do {
                report = try await CentralReportSource(session: session).cityReport(
                    from: period.from, to: period.to, only: hall, today: QueueEngine(config: .defaultHall).calendar.businessDate(of: Date())
                )
            } catch {
                await session.close()
                throw error
            }
            await session.close()
            let text: String
            switch format {
            case .table: text = report.table { DisplayWidth.columns(of: $0) }
            case .json: text = report.jsonValue.serialized() + "\n"
            case .csv: text = report.csv
            case .html: text = report.html
            }
            try writeText(text, to: output)
        } catch let error as CentralError {
            throw CentralCommand.exit(for: error)
        }
    }
}

struct CentralServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the city report over HTTP for a city's supervisors (GET /central/report?date=D&format=json|csv|html).",
        discussion: """
            Its own tokens file in its own data directory (DATA-DIR/tokens.json: {"supervisors": [...]}, made with one \
            random token on the first start, 0600). Each request reads the centre as the URL's role (a member of kiosk_reader).
            """
    )
    @Option(help: "The centre: postgres://READER@HOST[:PORT]/DATABASE (password: in the URL or PGPASSWORD; TLS: ?sslmode=verify-full&sslrootcert=FILE, README \"Many halls\").") var central: String
    @Option(help: "Its data directory (tokens.json).") var dataDir: String
    @Option(help: "Address to listen on.") var host: String = "127.0.0.1"
    @Option(help: "Port to listen on.") var port: Int = 8090

    func run() async throws {
        let address = try CentralCommand.address(central)
        for fix in try PrivateFiles.prepareDataDirectory(dataDir) { printError("warning: \(fix)") }
        let path = dataDir + "/tokens.json"
        let tokens: CentralTokens
        do {
            let loaded = try CentralTokens.loadOrCreate(path)
            tokens = loaded.tokens
            if loaded.created { printError("made \(path) with one supervisor token (0600)") }
        } catch let invalid as CentralTokens.Invalid {
            throw ValidationError(invalid.description)
        }
        var logger = Logger(label: "kiosk.central.serve")
        logger.logLevel = .info
        try await CentralHTTPServer(address: address, tokens: tokens, logger: logger).run(host: host, port: port) { [host] port in
            printLine("kiosk central serve: the city report on http://\(host):\(port)/central/report (centre \(address))")
        }
    }
}
