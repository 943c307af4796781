import ArgumentParser
import Foundation
import KioskCore
import KioskBench
import KioskDisplay
import KioskFrontDesk
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

    @Option(name: .long, help: "A layout file (*.layout), or an embedded layout's name. Default: the embedded main hall screen, its 80x24 version on a smaller terminal.")
    var layout: String?
    @Option(name: .long, help: "The daemon's base URL.") var server: String = "http://127.0.0.1:8080"
    @Option(name: .long, help: "The display token (default: \"display\" from --tokens).") var token: String?
    @Option(name: [.customLong("token-file"), .customLong("tokens")], help: "Token file: the daemon's tokens.json or the display's own (`kiosk tokens issue --role display`).")
    var tokens: String = "./var/tokens.json"
    @Option(name: .long, help: "For the window-strip layout: the window id this screen hangs over.") var window: String?
    @Option(name: .long, help: "Draw at WxH instead of the terminal's size.") var size: String?
    @Option(name: .long, help: "Milliseconds after a redraw during which further events are gathered into the next one (the first event of a burst is drawn at once).") var coalesceMs: Int = 20
    @Option(name: .long, help: "Speak each call with this command, text appended as its last argument (e.g. 'espeak-ng -v cmn'). Off by default.")
    var speakCommand: String?
    @Option(name: .long, help: "Append each spoken announcement to this file.") var announceLog: String?
    @Option(name: .long, help: "How many times each announcement is said (2: said, then repeated once).") var repeats: Int = 2
    @Option(name: .long, help: "Measure N calls against an in-process daemon and print latency and byte figures instead of drawing.")
    var bench: Int?
    @Option(name: .long, help: ArgumentHelp("Append a line per redraw to this file (wall time, newest event, bytes, link, calls drawn), for scripts/bench-screens.py.", visibility: .hidden))
    var paintLog: String?

    func validate() throws {
        _ = try LayoutFiles.size(size)
        guard (0...1000).contains(coalesceMs) else { throw ValidationError("--coalesce-ms must be 0…1000") }
        if let bench, bench < 1 { throw ValidationError("--bench needs a positive number of calls") }
        if bench == nil, ServerAddress(url: server) == nil { throw ValidationError("--server: expected http://host[:port], got '\(server)'") }
    }

    func run() async throws {
        let layouts = try LayoutFiles.load(screen: layout), parsedLayout = layouts.layout
        let fixedSize = try LayoutFiles.size(size)
        if let bench {
            let bench = DisplayBenchRun(layout: parsedLayout, size: fixedSize ?? parsedLayout.canvas, calls: bench, coalesce: .milliseconds(coalesceMs))
            return printLine(try await bench.run().report)
        }
        guard let address = ServerAddress(url: server) else { throw ValidationError("--server: expected http://host[:port], got '\(server)'") }
        let bearer = try token ?? Self.displayToken(from: tokens)
        var screen = HallScreen(
            layouts, address: address, token: bearer, window: window, fixedSize: fixedSize,
            coalesce: .milliseconds(coalesceMs), speakCommand: speakCommand, announceLog: announceLog, repeats: repeats
        )
        screen.paintLog = paintLog
        await ShutdownSignals.run { [screen] in await screen.run() }
    }

    /// The `display` token from a token file (falls back to nothing: the daemon will say 401
    /// and the screen shows it is reconnecting).
    static func displayToken(from path: String) throws -> String? {
        do {
            return try TokenFileReader.token(for: .display, at: path)
        } catch {
            switch error {
            case .unreadable:
                printError("warning: cannot read \(path); connecting without a token (use --token or --tokens)")
                return nil
            case let .malformed(_, reason): throw TokenBook.ParseError(description: reason)
            case .lacks: throw ValidationError("\(error) (`kiosk tokens issue --role display -o FILE`)")
            }
        }
    }
}
