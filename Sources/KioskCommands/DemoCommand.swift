import ArgumentParser
import Foundation
import KioskCore
import KioskServer
import KioskTerminal
import Logging
import ServiceLifecycle

/// `kiosk demo`: the daemon on the embedded default hall with simulated citizens arriving and
/// clerks serving on an accelerated clock — what a newcomer sees first.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demo", abstract: "Run the hall with simulated citizens and clerks on an accelerated clock.")

    @Option(help: "Hall seconds per real second.") var speed: Double = 30
    @Option(help: "Hall time to start at, HH:MM today.") var startAt: String = "08:00"
    @Option(help: "Port for the demo daemon's API (0: any free port).") var port: Int = 0
    @Option(help: "Journal directory (default: a new temporary directory).") var dataDir: String?
    @Option(help: "Stop after this many real seconds (default: run until Ctrl-C).") var seconds: Double?
    @Option(help: "Hall screen layout to draw: a file or an embedded layout's name. Default: the embedded main hall screen, its 80x24 version on a smaller terminal.")
    var layout: String?
    @Flag(help: "Print events as lines instead of drawing the hall screen (the default when not on a terminal).")
    var noDisplay = false

    /// `--start-at` and `--speed`: a demo is watched, so at most ten hall minutes a second.
    private var clockFlags: HallClockFlags { HallClockFlags(startAt: startAt, speed: speed, fastest: 600) }

    func validate() throws {
        try clockFlags.validate()
    }

    func run() async throws {
        let config = HallConfig.defaultHall
        let clock = try clockFlags.clock(in: config)
        // Draw the hall screen when there is a terminal to draw on; otherwise print lines. The
        // layout first: a wrong --layout fails before anything is written.
        let screenLayout = (noDisplay || isatty(STDOUT_FILENO) == 0) ? nil : try LayoutFiles.load(screen: layout)
        let dir = dataDir ?? NSTemporaryDirectory() + "kiosk-demo-\(ProcessInfo.processInfo.processIdentifier)"
        // Logs stamped in the hall's zone (they go to demo.log while the screen is drawn).
        try HallLogging.bootstrap(path: nil, timeZone: QueueEngine(config: config).calendar.timeZone)
        var logger = Logger(label: "kiosk.demo")
        logger.logLevel = .warning
        let tokens = try AccessTokenFile.loadOrCreate(dir + "/tokens.json", for: config).tokens
        var options = KioskDaemon.Options.demo(config: config, tokens: tokens, dataDirectory: dir, port: port, logger: logger, hallClock: clock)
        let quietLogger = logger, drawing = screenLayout != nil
        let logPath = dir + "/demo.log"
        if drawing {
            // Logs (and the log outbox's SMS lines) go to a file: the terminal shows the hall screen.
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            let fd = open(logPath, O_WRONLY | O_CREAT | O_APPEND, 0o600)
            guard fd >= 0 else { throw ValidationError("cannot write \(logPath)") }
            dup2(fd, STDERR_FILENO)
            close(fd)
        }
        options.extraServices = { hall in
            [HallSimulation(hall: hall, logger: quietLogger)] + (drawing ? [] : [EventPrinter(hall: hall)])
        }
        options.onReady = { port in
            if !drawing {
                print("== \(config.name) — demo at ×\(Int(speed)) from \(startAt); API on http://127.0.0.1:\(port), tokens in \(dir)/tokens.json ==")
            }
        }
        // The demo ends when the daemon has drained: after Ctrl-C, --seconds, or the screen closing.
        var companions: [KioskDaemon.Companion] = []
        if let screenLayout {
            let token = options.tokens.display
            companions.append { port in
                await HallScreen(screenLayout, address: ServerAddress(host: "127.0.0.1", port: port), token: token).run()
            }
        }
        if let seconds { companions.append { _ in try? await Task.sleep(for: .milliseconds(Int(seconds * 1000))) } }
        try await KioskDaemon.run(options, companions: companions)
        if drawing { print("demo journal: \(dir)/journal.sqlite · logs and SMS (log outbox): \(logPath)") }
    }
}
