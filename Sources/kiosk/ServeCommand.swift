import ArgumentParser
import Foundation
import KioskCore
import KioskDisplay
import KioskServer
import KioskStore
import KioskTerminal
import Logging
import Synchronization

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the hall's daemon: the HTTP API, the journal, the timers.")

    @Option(name: .long, help: "Hall config file (JSON). Default: the embedded default hall.") var config: String?
    @Option(name: .long, help: "Where the journal and the token file live.") var dataDir: String = "./var"
    @Option(name: .long, help: "Address to listen on.") var host: String = "127.0.0.1"
    @Option(name: .long, help: "Port to listen on.") var port: Int = 8080
    @Option(name: .long, help: "Token file (JSON). Default: DATA-DIR/tokens.json, created with random tokens if missing.") var tokens: String?
    @Option(name: .long, help: "Run the hall clock from this hall-local time ('YYYY-MM-DD HH:MM[:SS]'), advancing in real time: for demos, training and tests outside opening hours.")
    var startAt: String?
    @Option(name: .long, help: "With --start-at: how many hall seconds pass per real second.") var speed: Double = 1
    @Option(name: .long, help: "Also draw this hall screen layout on this terminal (e.g. layouts/main-hall.layout); logs then go to --log.")
    var display: String?
    @Option(name: .long, help: "Write logs to this file instead of the terminal (default with --display: DATA-DIR/serve.log).")
    var log: String?
    @Option(name: .long, help: "With --display: speak each call with this command (e.g. 'espeak-ng -v cmn').") var speakCommand: String?
    @Option(name: .long, help: "With --display: append each announcement to this file.") var announceLog: String?

    func run() async throws {
        // A file-size limit (or a full quota) must fail the write with EFBIG, which the journal
        // answers with 503 and recovers from, not kill the daemon.
        signal(SIGXFSZ, SIG_IGN)
        let hallConfig = try HallOptions.load(configPath: config)
        let tokenFile = tokens ?? dataDir + "/tokens.json"
        let (accessTokens, addedWindows) = try AccessTokenFile.loadOrCreate(tokenFile, for: hallConfig)
        let screenLayout = try display.map { try LayoutFiles.load($0) }
        let logPath = log ?? (display != nil ? dataDir + "/serve.log" : nil)
        var configuredLogger: Logger
        if let logPath {
            try PrivateFiles.makeDirectory(dataDir)
            let handler = try FileLogHandler(label: "kiosk.server", path: logPath)
            configuredLogger = Logger(label: "kiosk.server", factory: { _ in handler })
        } else {
            configuredLogger = Logger(label: "kiosk.server")
        }
        configuredLogger.logLevel = .info
        let logger = configuredLogger
        if !addedWindows.isEmpty {
            logger.notice("new windows got tokens", metadata: ["windows": "\(addedWindows.joined(separator: ","))", "tokens": "\(tokenFile)"])
        }
        var options = KioskDaemon.Options(config: hallConfig, tokens: accessTokens, dataDirectory: dataDir)
        options.tokenFile = tokenFile
        options.host = host
        options.port = port
        options.logger = logger
        if let startAt {
            let calendar = QueueEngine(config: hallConfig).calendar
            guard let start = LocalTimeArgument.parse(startAt, calendar: calendar, today: calendar.businessDate(of: Date())) else {
                throw ValidationError("--start-at: expected 'YYYY-MM-DD HH:MM[:SS]', got '\(startAt)'")
            }
            guard speed > 0 && speed <= 3600 else { throw ValidationError("--speed must be in (0, 3600]") }
            let realStart = Date(), speed = speed
            options.clock = { start.addingTimeInterval(Date().timeIntervalSince(realStart) * speed) }
        }
        let dir = dataDir, host = host
        let (ready, readyContinuation) = AsyncStream.makeStream(of: Int.self, bufferingPolicy: .bufferingNewest(1))
        options.onReady = { port in
            logger.info("kiosk serving \(hallConfig.name) on http://\(host):\(port)", metadata: ["journal": "\(dir)/journal.sqlite", "tokens": "\(tokenFile)"])
            readyContinuation.yield(port)
        }
        let daemon: KioskDaemon
        do {
            daemon = try KioskDaemon(options)
        } catch let busy as DataDirectoryInUse {
            printError(busy.description)
            throw ExitCode(1)
        }
        guard let screenLayout else {
            try await daemon.run()
            return
        }
        // The screen follows the daemon over its own port, as any other screen would; when the
        // daemon stops (SIGINT/SIGTERM drain it), the screen gives the terminal back.
        let connectHost = host == "0.0.0.0" || host == "::" ? "127.0.0.1" : host
        let speak = speakCommand, announce = announceLog
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await daemon.run() }
            group.addTask {
                var ports = ready.makeAsyncIterator()
                guard let port = await ports.next() else { return }
                let screen = HallScreen(
                    layout: screenLayout, address: ServerAddress(host: connectHost, port: port), token: accessTokens.display,
                    speakCommand: speak, announceLog: announce
                )
                await screen.run()
            }
            try await group.next()   // the daemon ended (or failed): stop drawing
            group.cancelAll()
            try await group.waitForAll()
        }
    }
}

/// A swift-log handler appending `time level [label] message key=value` lines to a file, so
/// the daemon's logs stay off a terminal that shows the hall screen.
struct FileLogHandler: LogHandler {
    /// One file for every copy of the handler; the mutex keeps lines from many tasks whole.
    private final class Output: Sendable {
        let handle: Mutex<FileHandle>
        init(_ handle: FileHandle) { self.handle = Mutex(handle) }
        func append(_ line: String) {
            handle.withLock { try? $0.write(contentsOf: Data(line.utf8)) }
        }
    }

    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info
    private let label: String
    private let output: Output

    init(label: String, path: String) throws {
        guard let handle = try? PrivateFiles.appendingHandle(atPath: path) else { throw ValidationError("--log: cannot write \(path)") }
        self.label = label
        self.output = Output(handle)
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(level: Logger.Level, message: Logger.Message, metadata explicit: Logger.Metadata?, source: String, file: String, function: String, line: UInt) {
        let merged = metadata.merging(explicit ?? [:]) { $1 }
        let fields = merged.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined()
        output.append("\(ISO8601DateFormatter().string(from: Date())) \(level) [\(label)] \(message)\(fields)\n")
    }
}
