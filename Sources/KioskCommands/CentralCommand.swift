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

    /// Connects to `address`, runs `body`, closes the session. Exit codes every central
    /// command shares: 2 the centre cannot be reached (try again later), 3 it refused (schema
    /// missing, role not allowed, another hall's rows).
    static func withSession<T: Sendable>(_ address: CentralAddress, _ body: (CentralSession) async throws(CentralError) -> T) async throws -> T {
        do {
            return try await CentralSession.using(address, logger: logger, body)
        } catch {
            printError(error.description)
            throw ExitCode(error.isUnreachable ? 2 : 3)
        }
    }

    /// `--central`'s address, or a usage error. Each command checks it in `validate()` (a wrong
    /// URL, TLS parameter or certificate path is refused while parsing) and reads it again in
    /// `run()`: the value holds the password, taken from `PGPASSWORD` when the URL has none.
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

    func validate() throws {
        _ = try CentralCommand.address(central)
        _ = try plan(now: Date())
    }

    /// What to migrate, or a usage error; `now` names the first month when `--from` does not.
    func plan(now: Date) throws -> MigrationPlan {
        do {
            return try MigrationPlan(from: from, monthsAhead: monthsAhead, halls: hall, now: now)
        } catch {
            throw ValidationError(error.description)
        }
    }

    func run() async throws {
        let address = try CentralCommand.address(central)
        let plan = try plan(now: Date())
        let outcome = try await CentralCommand.withSession(address) { session throws(CentralError) in
            try await CentralMigrator(session: session).migrate(plan)
        }
        for line in outcome.lines(address: "\(address)") { print(line) }
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

    func validate() throws {
        _ = try CentralCommand.address(central)
        guard (1...50_000).contains(batch) else { throw ValidationError("--batch must be 1…50000") }
    }

    func run() async throws {
        let address = try CentralCommand.address(central)
        let shipment: StoppedHallShipment
        do {
            shipment = try StoppedHallShipment(dataDirectory: dataDir, config: config.map { try HallOptions.load(configPath: $0) }, batchSize: batch) {
                printError("warning: \($0)")
            }
        } catch let problem as StoppedHallShipment.Problem {
            printError(problem.description)
            throw ExitCode(1)
        }
        let started = Date()
        let progress = try await CentralCommand.withSession(address) { session throws(CentralError) in try await shipment.shipper.shipAll(session) }
        printLine(try shipment.summary(of: progress, seconds: Date().timeIntervalSince(started)))
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
    @OptionGroup var days: ReportOptions
    @Option(parsing: .singleValue, help: "Only this hall (repeatable; default: every hall with events in the period).") var hall: [String] = []

    func validate() throws {
        _ = try CentralCommand.address(central)
        let period = try days.parsed()
        do {
            try JournalReport.checkPeriod(from: period.from, to: period.to)
        } catch {
            throw ValidationError("\(error)")
        }
    }

    func run() async throws {
        let address = try CentralCommand.address(central)
        let period = try days.parsed()
        let halls = hall, today = QueueEngine(config: .defaultHall).calendar.businessDate(of: Date())
        let report = try await CentralCommand.withSession(address) { session throws(CentralError) in
            try await CentralReportSource(session: session).cityReport(from: period.from, to: period.to, only: halls, today: today)
        }
        try days.write { period.format.render(report, columns: $0) }
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

    func validate() throws {
        _ = try CentralCommand.address(central)
    }

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
