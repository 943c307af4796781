import ArgumentParser
import Foundation
import KioskCore
import KioskDisplay
import KioskHTTPClient
import KioskServer
import KioskTerminal

/// `kiosk display`: the hall screen on this terminal, following a running daemon.
struct DisplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "display",
        abstract: "Show a hall screen layout on this terminal, live from a running daemon.",
        discussion: """
        Follows the daemon's event stream, redraws only what changed, repaints on resize, and keeps
        retrying (showing 重新连接中 reconnecting…) while the daemon is away. Ctrl-C gives the terminal back.
        With --bench N it instead measures N calls against an in-process daemon and prints the figures.
        """
    )

    @Option(name: .long, help: "The layout file (*.layout).") var layout: String = "layouts/main-hall.layout"
    @Option(name: .long, help: "The daemon's base URL.") var server: String = "http://127.0.0.1:8080"
    @Option(name: .long, help: "The display token (default: \"display\" from --tokens).") var token: String?
    @Option(name: [.customLong("token-file"), .customLong("tokens")], help: "Token file: the daemon's tokens.json or the display's own (`kiosk tokens issue --role display`).")
    var tokens: String = "./var/tokens.json"
    @Option(name: .long, help: "For the window-strip layout: the window id this screen hangs over.") var window: String?
    @Option(name: .long, help: "Draw at WxH instead of the terminal's size.") var size: String?
    @Option(name: .long, help: "Milliseconds to wait for more events before redrawing.") var coalesceMs: Int = 20
    @Option(name: .long, help: "Speak each call with this command, text appended as its last argument (e.g. 'espeak-ng -v cmn'). Off by default.")
    var speakCommand: String?
    @Option(name: .long, help: "Append each spoken announcement to this file.") var announceLog: String?
    @Option(name: .long, help: "How many times each announcement is said (2: said, then repeated once).") var repeats: Int = 2
    @Option(name: .long, help: "Measure N calls against an in-process daemon and print latency and byte figures instead of drawing.")
    var bench: Int?

    func run() async throws {
        let parsedLayout = try LayoutFiles.load(layout)
        let fixedSize = try LayoutFiles.size(size)
        guard (0...1000).contains(coalesceMs) else { throw ValidationError("--coalesce-ms must be 0…1000") }
        if let bench {
            guard bench > 0 else { throw ValidationError("--bench needs a positive number of calls") }
            try await DisplayBenchRun(layout: parsedLayout, size: fixedSize ?? parsedLayout.canvas, calls: bench, coalesceMs: coalesceMs).run()
            return
        }
        guard let address = ServerAddress(url: server) else { throw ValidationError("--server: expected http://host[:port], got '\(server)'") }
        let bearer = try token ?? Self.displayToken(from: tokens)
        let screen = HallScreen(
            layout: parsedLayout, address: address, token: bearer, window: window, fixedSize: fixedSize,
            coalesce: .milliseconds(coalesceMs), speakCommand: speakCommand, announceLog: announceLog, repeats: repeats
        )
        await ShutdownSignals.run { await screen.run() }
    }

    /// The `display` token from a token file (falls back to nothing: the daemon will say 401
    /// and the screen shows it is reconnecting).
    static func displayToken(from path: String) throws -> String? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            printError("warning: cannot read \(path); connecting without a token (use --token or --tokens)")
            return nil
        }
        let book = try TokenBook.parse(text)
        guard let token = book.token(for: .display) else {
            throw ValidationError("\(path) holds \(book.holdings), not the display token (`kiosk tokens issue --role display -o FILE`)")
        }
        return token
    }
}

/// A hall screen wired up: the live terminal, the stream reader, the snapshot source and
/// the voice. `kiosk display` and `kiosk serve --display` both run one.
struct HallScreen: Sendable {
    var layout: Layout
    var address: ServerAddress
    var token: String?
    var window: String?
    var fixedSize: Size?
    var coalesce: Duration = .milliseconds(20)
    var speakCommand: String?
    var announceLog: String?
    var repeats: Int = 2

    /// Draws until cancelled; the terminal is restored on return.
    func run() async {
        let transport = CurlHTTPTransport()
        defer { transport.shutdown() }
        var speakers: [any Speaker] = []
        if let announceLog { speakers.append(AnnouncementLog(path: announceLog)) }
        if let speakCommand, let speaker = CommandSpeaker(command: speakCommand) { speakers.append(speaker) }
        let announcements = speakers.isEmpty ? nil : AnnouncementQueue(speaker: SpeakerChain(speakers), repetitions: repeats)
        var options = DisplayLoop.Options(layout: layout)
        options.window = window
        options.fixedSize = fixedSize
        options.coalesce = coalesce
        let client = EventStreamClient(.init(address: address, token: token))
        let loop = DisplayLoop(
            options: options, sink: POSIXTerminal(fallback: fixedSize ?? layout.canvas),
            snapshots: HTTPHallSnapshotSource(transport: transport, address: address, token: token),
            events: { client.updates() }, announcements: announcements
        )
        await loop.run()
    }
}

/// `kiosk display --bench N`: an in-process daemon on a temporary journal (hall clock at a
/// weekday 09:00), the real display loop drawing into memory, N calls through the API.
struct DisplayBenchRun {
    var layout: Layout
    var size: Size
    var calls: Int
    var coalesceMs: Int

    func run() async throws {
        let config = HallConfig.defaultHall
        let directory = NSTemporaryDirectory() + "kiosk-display-bench-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let tokens = AccessTokens.generate(for: config)
        var options = KioskDaemon.Options(config: config, tokens: tokens, dataDirectory: directory)
        options.port = 0
        options.gracefulShutdownSignals = []
        var logger = options.logger
        logger.logLevel = .critical
        options.logger = logger
        let calendar = QueueEngine(config: config).calendar
        guard let start = LocalTimeArgument.parse("2026-03-02 09:00", calendar: calendar, today: calendar.businessDate(of: Date())) else {
            throw ValidationError("bench clock")
        }
        let realStart = Date()
        options.clock = { start.addingTimeInterval(Date().timeIntervalSince(realStart)) }
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        options.onReady = { port in portContinuation.yield(port) }
        let daemon = try KioskDaemon(options)
        let layout = self.layout, size = self.size, calls = self.calls, coalesce = Duration.milliseconds(coalesceMs)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await daemon.run() }
            group.addTask {
                var iterator = ports.makeAsyncIterator()
                guard let port = await iterator.next() else { return }
                let bench = DisplayBench(
                    address: ServerAddress(host: "127.0.0.1", port: port),
                    tokens: .init(kiosk: tokens.kiosk, supervisor: tokens.supervisor, display: tokens.display),
                    layout: layout, size: size, calls: calls, coalesce: coalesce
                )
                let result = try await bench.run()
                printLine(result.report)
            }
            try await group.next()
            await daemon.shutdown()
            try await group.waitForAll()
        }
    }
}
