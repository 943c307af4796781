import Foundation
import Hummingbird
import HummingbirdCore
import KioskCore
import KioskHTTPClient
import KioskSMS
import KioskStore
import KioskWeb
import Logging
import NIOCore
import ServiceLifecycle
import UnixSignals

/// The whole daemon wired in one place — the serve command and the tests build it the same way.
public struct KioskDaemon: Sendable {
    public struct Options: Sendable {
        public var config: HallConfig
        public var tokens: AccessTokens
        /// The daemon's token file, watched so a rotated token takes effect without a restart;
        /// nil: `tokens` never change.
        public var tokenFile: String?
        /// The hall config file the daemon was started on (`--config`; nil: the embedded hall):
        /// named in the command of an advice that adds a service to a window.
        public var configFile: String?
        public var dataDirectory: String
        public var host: String = "127.0.0.1"
        /// 0 picks a free port (tests); `onReady` is told which.
        public var port: Int = 8080
        public var tickInterval: Duration = .seconds(1)
        public var gracefulShutdownSignals: [UnixSignal] = [.sigterm, .sigint]
        public var logger = Logger(label: "kiosk.server")
        public var clock: @Sendable () -> Date = Date.init
        /// `clock` is the PC's wall clock, to be watched (`kiosk serve` without `--start-at`):
        /// hall time is it read once at start and carried on by this monotonic clock, a step of
        /// more than 2 minutes raises the clock warning, and a new business day purges the
        /// previous days' phone numbers only after 2 hours without a warning (or a supervisor's
        /// confirmation). A journal's later days do not stop the start (they were written on a
        /// clock that was ahead): the wall clock's date resumes from its own events. nil: `clock`
        /// is taken as it is (a `--start-at` clock, a test's manual clock).
        public var watchedWallClock: WatchedWallClock?
        /// When `clock` starts before the journal's newest event: true moves the hall clock
        /// forward to continue from the journal's time (a `--start-at` clock after a restart);
        /// false refuses to start (`ClockBehindJournal`: a PC clock gone back). Never backwards.
        public var continueFromJournal = false
        /// Called once the server listens, with its port.
        public var onReady: @Sendable (Int) async -> Void = { _ in }
        /// More services to run beside the hall (e.g. the demo's simulated citizens); they start
        /// after the HTTP server and stop before it.
        public var extraServices: @Sendable (Hall) -> [any Service] = { _ in [] }
        /// The SMS worker's backoff; nil: the defaults with the hall's `sms.max_attempts`.
        public var smsRetry: RetryPolicy?
        /// How often an idle SMS worker looks for due messages when no commit woke it (retries
        /// falling due; a new message wakes it at once).
        public var smsPollInterval: Duration = .seconds(1)
        /// How often waiting tickets are checked for a near-turn message (and appointments for
        /// a reminder), the first time at start; nil: never (a test in which nothing but the
        /// path under test may project the line).
        public var headsUpInterval: Duration? = .seconds(5)
        /// The shortest pause between two projections of the line (`LineProjector`); nil: no
        /// projector (a test that refreshes the shared projection itself, step by step).
        public var projectorSpacing: Duration? = .milliseconds(250)
        /// systemd's notify socket (`Type=notify`): told READY=1 once the journal is folded
        /// and the port listens, WATCHDOG=1 after every tick, STOPPING=1 when a shutdown
        /// begins. nil: not run by systemd.
        public var systemd: SystemdNotifier?
        /// The supervisor's console: its clock (sessions, the wrong-password wait) and cookies.
        public var console = Console.Options()

        public init(config: HallConfig, tokens: AccessTokens, dataDirectory: String) {
            self.config = config
            self.tokens = tokens
            self.dataDirectory = dataDirectory
        }
    }

    public let hall: Hall
    /// The journal file itself, for tools and tests that read it synchronously (the daemon's
    /// own parts go through `hall.journal`, the port).
    public let store: SQLiteJournal
    public let metrics: ServerMetrics
    /// What the SMS worker did (sent, retried, failed, dropped) since start; also counted at
    /// `/metrics` as `kiosk_sms_messages_total{outcome}`.
    public let smsTally: OutboxWorker.Tally
    /// Open HTTP connections and their cap.
    public let connections: ConnectionGauge
    /// The supervisor console's users, sessions and wrong-password throttle.
    public let console: Console
    private let group: ServiceGroup
    /// This daemon is the data directory's one writer until `run()` returns.
    private let writerLock: DataDirectoryLock
    private let logger: Logger

    /// Makes the data directory private (warning about what it had to tighten), takes its
    /// writer lock (throws `DataDirectoryInUse` before touching the journal if another process
    /// writes it), opens the journal, folds today's events, builds the routes and the services.
    public init(_ options: Options) async throws {
        for fix in try PrivateFiles.prepareDataDirectory(options.dataDirectory) {
            options.logger.warning("\(fix)", metadata: ["file": "\(fix.path)"])
        }
        writerLock = try DataDirectoryLock.acquire(directory: options.dataDirectory)
        logger = options.logger
        let calendar = QueueEngine(config: options.config).calendar
        let journal = try await LiveJournal.open(path: options.dataDirectory + "/journal.sqlite", calendar: calendar)
        store = journal.store
        let resumed = try ClockBehindJournal.resume(
            options.clock, journal: journal.store, calendar: calendar, continuing: options.continueFromJournal,
            sameDayOnly: options.watchedWallClock != nil, logger: options.logger
        )
        var clockTrust: ClockTrust?
        var clock: @Sendable () -> Date = resumed
        if let watched = options.watchedWallClock {
            let trust = ClockTrust.watching(resumed, monotonic: watched.monotonic, tolerance: watched.tolerance, trustPeriod: watched.trustPeriod)
            clockTrust = trust
            clock = { trust.watch.clock.now() }
        }
        // The journal says which hall wrote it: a changed file is recorded as in force from
        // now; an unchanged one leaves a live change (`PUT /v1/config`) in force.
        let start = try await journal.configAtStart(file: options.config, at: clock())
        let config = start.config
        if start.recordedFile {
            options.logger.info("hall config recorded in the journal", metadata: ["hall": "\(config.name)"])
        }
        if let kept = start.keptLive {
            options.logger.notice("running on the hall config applied live (the --config file is unchanged since the last start)", metadata: [
                "config.applied_at": "\(kept.at)", "hall": "\(config.name)",
            ])
        }
        let engine = QueueEngine(config: config)
        metrics = ServerMetrics()
        let registry = metrics.registry
        smsTally = OutboxWorker.Tally { outcome in
            registry.makeCounter(
                name: "kiosk_sms_messages_total", labels: [("outcome", outcome)],
                help: "What the SMS outbox worker did with each message it took up, per outcome (logged, accepted, retried, held, failed_…, dropped_…)."
            ).increment()
        }
        hall = try await Hall(engine: engine, journal: journal, metrics: metrics, logger: options.logger, clock: clock, clockTrust: clockTrust)

        let reportSigner = try DeliveryReportSigner.loadOrCreate(dataDirectory: options.dataDirectory)
        let router = Router(context: KioskRequestContext.self)
        router.add(middleware: ErrorMiddleware(metrics: metrics, logger: options.logger))
        router.add(middleware: WebHeadersMiddleware())
        let tokenStore = TokenStore(options.tokens, path: options.tokenFile)
        let added = try tokenStore.addWindows(of: config)
        if !added.isEmpty {
            options.logger.notice("new windows got tokens", metadata: ["windows": "\(added.joined(separator: ","))"])
        }
        let api = KioskAPI(
            hall: hall, tokens: tokenStore, kioskGuard: KioskRoleGuard(limits: config.limits), metrics: metrics,
            logger: options.logger, reportSigner: reportSigner,
            replyKey: try ReplyKey.loadOrCreate(dataDirectory: options.dataDirectory),
            pageKeys: try TicketPageKeys.loadOrCreate(dataDirectory: options.dataDirectory), templates: try WebTemplates(),
            configFile: options.configFile
        )
        api.register(on: router)
        // The console's users come from DATA-DIR/users.json (`kiosk users add`).
        // A hall whose public address is https is reached through TLS: the cookie says so.
        var consoleOptions = options.console
        if config.publicURL?.lowercased().hasPrefix("https://") == true { consoleOptions.secureCookies = true }
        let console = try Console(dataDirectory: options.dataDirectory, options: consoleOptions)
        self.console = console
        var consoleLogger = options.logger
        consoleLogger[metadataKey: "part"] = "console"
        ConsoleRoutes(api: api, console: console, logger: consoleLogger).register(on: router)
        let sms = config.sms
        let callback = CallbackAddress(sms.callbackURL, signer: reportSigner)
        let gateway = SMSGateways.make(
            sms, transport: CurlHTTPTransport(configuration: .init(maximumConcurrentRequests: sms.concurrency)),
            dataDirectory: options.dataDirectory, callback: callback,
            logger: Logger(label: "kiosk.sms"), clock: clock
        )
        var workerOptions = OutboxWorker.Options()
        workerOptions.concurrency = sms.concurrency
        workerOptions.retry = options.smsRetry ?? RetryPolicy(maxAttempts: sms.maxAttempts)
        workerOptions.pollInterval = options.smsPollInterval
        workerOptions.clock = clock
        let hall = self.hall
        var smsLogger = options.logger
        smsLogger[metadataKey: "part"] = "sms"
        let worker = OutboxWorker(
            journal: journal, gateway: gateway, options: workerOptions, tally: smsTally, logger: smsLogger,
            held: { date in await hall.holdsMessages(of: date) },
            appointmentState: { date, code in await hall.read { state in state.appointments.appointment(code, on: date)?.state } }
        ) { date, number in
            await hall.read { state in state.date == date ? state.tickets[number]?.state : nil }
        }
        let host = options.connectHost
        let userOnReady = options.onReady
        let systemd = options.systemd
        let hallName = config.name
        let onReady: @Sendable (Int) async -> Void = { port in
            callback.setIfUnset("http://\(host):\(port)")
            // The journal was folded in Hall.init, before the server could listen.
            systemd?.ready(status: "\(hallName) on port \(port)")
            await userOnReady(port)
        }
        // The edges: a request's headers (and a kept-alive connection's next request) within
        // the read timeout (Hummingbird's idle timeout), its body within it too, at most the
        // connection cap open at once (a 503 beyond).
        let limits = config.limits
        let readTimeout = TimeAmount.milliseconds(Int64(limits.readTimeoutSeconds * 1000))
        let gauge = ConnectionGauge(cap: FileDescriptorLimit.connectionsAllowed(cap: limits.maxConnections))
        if gauge.cap < limits.maxConnections {
            options.logger.warning("connection cap lowered to fit the open-file limit", metadata: ["connections.cap": "\(gauge.cap)"])
        }
        let metrics = self.metrics
        metrics.setConnectionCap(gauge.cap)
        let http1 = HTTP1Channel.Configuration(
            additionalChannelHandlers: [RequestReadDeadlineHandler(timeout: readTimeout) { metrics.recordRefused("read_timeout") }],
            idleTimeout: readTimeout
        )
        self.connections = gauge
        let app = Application(
            router: router,
            server: .cappedHTTP1(configuration: http1, gauge: gauge, metrics: metrics),
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: "kiosk"),
            onServerRunning: { channel in await onReady(channel.localAddress?.port ?? options.port) },
            logger: options.logger
        )
        // Graceful shutdown runs in reverse: streams end, the server stops taking requests and
        // finishes those in flight, the ticker stops, and the journal writer drains last.
        var services: [any Service] = [
            JournalWriter(hall: hall),
            TickService(hall: hall, interval: options.tickInterval, logger: options.logger, systemd: systemd),
            // Before the server, so on shutdown it stops after it: a send in flight finishes.
            worker,
            PeriodicService(every: .seconds(1)) { [logger = options.logger] in tokenStore.reloadIfChanged(logger: logger) },
            PeriodicService(every: .seconds(1)) { [logger = consoleLogger] in console.reloadIfChanged(logger: logger) },
            PeriodicService(every: .milliseconds(Int64(limits.streamHeartbeatSeconds * 1000))) { hall.heartbeat() },
        ]
        if let interval = options.headsUpInterval {
            services.append(PeriodicService(every: interval) {
                await hall.enqueueHeadsUps()
                await hall.enqueueAppointmentReminders()
            })
        }
        // The shared projection of the line, outside the hall actor: after changes, and at
        // least once a second.
        if let spacing = options.projectorSpacing { services.append(LineProjector(hall: hall, spacing: spacing)) }
        services.append(app)
        services += options.extraServices(hall)
        services += [StreamCloser(hall: hall), ShutdownNotice(logger: options.logger)]
        if let systemd { services.append(SystemdStopNotice(notifier: systemd)) }
        group = ServiceGroup(configuration: .init(
            services: services,
            gracefulShutdownSignals: options.gracefulShutdownSignals,
            logger: options.logger
        ))
    }

    /// Runs until a shutdown signal (or `shutdown()`), then drains and returns.
    public func run() async throws {
        defer { writerLock.release() }
        try await group.run()
        // The last line: a log that ends without it ended in a crash or a kill.
        logger.notice("kiosk stopped: the journal holds every acknowledged command", metadata: ["journal.seq": "\(hall.published.current.seq)"])
    }

    public func shutdown() async {
        await group.triggerGracefulShutdown()
    }
}
