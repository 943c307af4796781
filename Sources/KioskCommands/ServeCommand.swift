import ArgumentParser
import Foundation
import KioskCentral
import KioskCore
import KioskDisplay
import KioskServer
import KioskStore
import KioskTerminal
import Logging

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the hall's daemon: the HTTP API, the journal, the timers.")

    @Option(name: .long, help: "Hall config file (JSON). Default: the embedded default hall.") var config: String?
    @Option(name: .long, help: "Where the journal and the token file live. Default: $STATE_DIRECTORY (systemd), else ./var.")
    var dataDir: String?
    @Option(name: .long, help: "Address to listen on.") var host: String = "127.0.0.1"
    @Option(name: .long, help: "Port to listen on.") var port: Int = 8080
    @Option(name: .long, help: "Token file (JSON). Default: DATA-DIR/tokens.json, created with random tokens if missing.") var tokens: String?
    @Option(name: .long, help: "Run the hall clock from this hall-local time ('YYYY-MM-DD HH:MM[:SS]'), advancing in real time: for demos, training and tests outside opening hours.")
    var startAt: String?
    @Option(name: .long, help: "With --start-at: how many hall seconds pass per real second.") var speed: Double = 1
    @Option(name: .long, help: "Also draw a hall screen on this terminal: main-hall (embedded; its 80x24 version on a smaller terminal) or a layout file; logs then go to --log.")
    var display: String?
    @Option(name: .long, help: "Write logs to this file instead of the terminal (default with --display: DATA-DIR/serve.log).")
    var log: String?
    @Option(name: .long, help: "With --display: speak each call with this command (e.g. 'espeak-ng -v cmn').") var speakCommand: String?
    @Option(name: .long, help: "With --display: append each announcement to this file.") var announceLog: String?
    @Option(name: .long, help: "Ship the journal to this central PostgreSQL in the background (postgres://hall_ID@HOST[:PORT]/DATABASE[?sslmode=verify-full&sslrootcert=FILE]; password in the URL or PGPASSWORD); needs hall.id. The hall never waits for it.")
    var central: String?
    @Option(name: .long, help: "With --central: journal rows per batch (one transaction each).") var centralBatch: Int = 2000

    /// `--start-at` and `--speed`: a test's daemon may run an hour a second.
    private var clockFlags: HallClockFlags? { startAt.map { HallClockFlags(startAt: $0, speed: speed, fastest: 3600) } }

    func validate() throws {
        guard (1...50_000).contains(centralBatch) else { throw ValidationError("--central-batch must be 1…50000") }
        _ = try central.map(CentralCommand.address)
        try clockFlags?.validate()
    }

    func run() async throws {
        // A file-size limit (or a full quota) must fail the write with EFBIG, which the journal
        // answers with 503 and recovers from, not kill the daemon.
        signal(SIGXFSZ, SIG_IGN)
        // Large freed blocks (the line projection's arrays) go back to the system, not kept.
        LargeBlockReturn.enable()
        let dataDir = dataDir ?? DefaultDataDirectory.path()
        let hallConfig = try HallOptions.load(configPath: config)
        let tokenFile = tokens ?? dataDir + "/tokens.json"
        let centralAddress = try central.map(CentralCommand.address)
        if centralAddress != nil, let problem = hallConfig.centralProblem {
            printError("\(config ?? "<embedded default>"): \(problem)")
            throw ExitCode(1)
        }
        let (accessTokens, addedWindows) = try AccessTokenFile.loadOrCreate(tokenFile, for: hallConfig)
        let screenLayout = try display.map { try LayoutFiles.load(screen: $0) }
        let logPath = log ?? (display != nil ? dataDir + "/serve.log" : nil)
        if logPath != nil { try PrivateFiles.makeDirectory(dataDir) }
        // Every logger (server, SMS, libraries) to one place, stamped in the hall's time zone.
        let zone = QueueEngine(config: hallConfig).calendar.timeZone
        do {
            try HallLogging.bootstrap(path: logPath, timeZone: zone)
        } catch {
            throw ValidationError("--log: \(error)")
        }
        var logger = Logger(label: "kiosk.server")
        logger.logLevel = .info
        if !addedWindows.isEmpty {
            logger.notice("new windows got tokens", metadata: ["windows": "\(addedWindows.joined(separator: ","))", "tokens": "\(tokenFile)"])
        }
        let hallClock = try clockFlags?.clock(in: hallConfig)
        var options = KioskDaemon.Options.serve(
            config: hallConfig, tokens: accessTokens, tokenFile: tokenFile, dataDirectory: dataDir, host: host, port: port, logger: logger, hallClock: hallClock
        )
        options.configFile = config
        if let centralAddress, let hallID = hallConfig.id {
            let batch = centralBatch, shippingLogger = logger
            options.extraServices = { hall in
                guard let live = hall.journal as? LiveJournal else { return [] }
                return [CentralShippingService(
                    address: centralAddress, shipper: JournalShipper(journal: live.store, hallID: hallID, batchSize: batch), logger: shippingLogger
                )]
            }
            logger.info("shipping the journal to the centre", metadata: ["central": "\(centralAddress)", "hall.id": "\(hallID)"])
        }
        let dir = dataDir, host = host, logged = logger
        options.onReady = { port in
            logged.info("kiosk serving \(hallConfig.name) on http://\(host):\(port)", metadata: [
                "journal": "\(dir)/journal.sqlite", "tokens": "\(tokenFile)", "version": "\(KioskVersion.number) \(BuildInfo.commit)",
            ])
        }
        // The screen follows the daemon over its own port, as any other screen would; when the
        // daemon stops (SIGINT/SIGTERM drain it), the screen gives the terminal back.
        let connectHost = options.connectHost
        let screens: [KioskDaemon.Companion] = screenLayout.map { [speakCommand, announceLog] layout in
            [{ port in
                await HallScreen(layout, address: ServerAddress(host: connectHost, port: port), token: accessTokens.display,
                                 speakCommand: speakCommand, announceLog: announceLog, timeZone: zone).run()
            }]
        } ?? []
        do {
            try await KioskDaemon.run(options, companions: screens)
        } catch let busy as DataDirectoryInUse {
            printError(busy.description)
            throw ExitCode(1)
        }
    }
}
