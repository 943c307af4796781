import ArgumentParser
import Foundation
import KioskCore
import KioskServer
import Logging

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

    func run() async throws {
        let hallConfig = try HallOptions.load(configPath: config)
        let tokenFile = tokens ?? dataDir + "/tokens.json"
        let accessTokens = try TokenFile.loadOrCreate(tokenFile, for: hallConfig)
        var configuredLogger = Logger(label: "kiosk.server")
        configuredLogger.logLevel = .info
        let logger = configuredLogger
        var options = KioskDaemon.Options(config: hallConfig, tokens: accessTokens, dataDirectory: dataDir)
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
        options.onReady = { port in
            logger.info("kiosk serving \(hallConfig.name) on http://\(host):\(port)", metadata: ["journal": "\(dir)/journal.sqlite", "tokens": "\(tokenFile)"])
        }
        try await KioskDaemon(options).run()
    }
}

/// The bearer tokens on disk (mode 0600): read, or created with fresh random tokens.
enum TokenFile {
    static func loadOrCreate(_ path: String, for config: HallConfig) throws -> AccessTokens {
        if FileManager.default.fileExists(atPath: path) {
            return try AccessTokens.load(json: String(contentsOfFile: path, encoding: .utf8))
        }
        let tokens = AccessTokens.generate(for: config)
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: path, contents: Data((tokens.jsonValue.serialized() + "\n").utf8), attributes: [.posixPermissions: 0o600])
        return tokens
    }
}
