import ArgumentParser
import Foundation
import KioskCore
import KioskServer
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

    func run() async throws {
        guard speed > 0 && speed <= 600 else { throw ValidationError("--speed must be in (0, 600]") }
        let config = HallConfig.defaultHall
        let calendar = QueueEngine(config: config).calendar
        guard let start = LocalTimeArgument.parse(startAt, calendar: calendar, today: calendar.businessDate(of: Date())) else {
            throw ValidationError("--start-at: expected HH:MM")
        }
        let dir = dataDir ?? NSTemporaryDirectory() + "kiosk-demo-\(ProcessInfo.processInfo.processIdentifier)"
        var logger = Logger(label: "kiosk.demo")
        logger.logLevel = .warning
        let realStart = Date(), speed = speed
        var options = KioskDaemon.Options(config: config, tokens: try TokenFile.loadOrCreate(dir + "/tokens.json", for: config), dataDirectory: dir)
        options.port = port
        options.logger = logger
        options.clock = { start.addingTimeInterval(Date().timeIntervalSince(realStart) * speed) }
        options.tickInterval = .milliseconds(100)
        let quietLogger = logger
        options.extraServices = { hall in [HallSimulation(hall: hall, logger: quietLogger), EventPrinter(hall: hall)] }
        options.onReady = { port in
            print("== \(config.name) — demo at ×\(Int(speed)) from \(startAt); API on http://127.0.0.1:\(port), tokens in \(dir)/tokens.json ==")
        }
        let daemon = try KioskDaemon(options)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await daemon.run() }
            if let seconds {
                group.addTask {
                    try await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
                    await daemon.shutdown()
                }
            }
            try await group.waitForAll()
        }
    }
}

/// Prints every committed event as a line, for a terminal without the hall screen.
struct EventPrinter: Service {
    let hall: Hall

    func run() async throws {
        guard let subscription = await hall.subscribe() else { return }
        let config = hall.engine.config
        for await item in subscription.events.cancelOnGracefulShutdown() {
            let state = await hall.read { $0 }
            print(EventText.describe(item.event, in: state, config: config))
        }
        await hall.unsubscribe(subscription.id)
    }
}
