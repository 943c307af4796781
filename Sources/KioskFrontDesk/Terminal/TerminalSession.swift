import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The process's terminal in raw mode: keys and clock ticks in, full screens out. Restores the
/// terminal (mode, cursor, main screen) on `close()`, which the loops call on every exit path.
public final class TerminalSession {
    /// What the reader thread reports.
    public enum Event: Sendable {
        case key(Key)
        case tick
        /// SIGTERM, SIGINT or SIGHUP: leave cleanly.
        case signal
    }

    private var saved: termios?
    private let stopPipe: (read: Int32, write: Int32)
    private var signalSources: [DispatchSourceSignal] = []
    private var reader: Thread?
    private var closed = false

    public init() throws {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw SessionError(description: "pipe: \(String(cString: strerror(errno)))") }
        stopPipe = (fds[0], fds[1])
        if isatty(STDIN_FILENO) != 0 {
            var settings = termios()
            if tcgetattr(STDIN_FILENO, &settings) == 0 {
                saved = settings
                cfmakeraw(&settings)
                _ = tcsetattr(STDIN_FILENO, TCSANOW, &settings)
            }
        }
        // Alternate screen, hidden cursor, keypad in application mode (numpad digits decode too).
        write("\u{1B}[?1049h\u{1B}[?25l\u{1B}=")
    }

    public struct SessionError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Keys as they are typed and a tick every `tick` seconds, until `close()`.
    public func events(tick: Double = 0.25) -> AsyncStream<Event> {
        let (stream, continuation) = AsyncStream<Event>.makeStream()
        let stopRead = stopPipe.read
        let thread = Thread {
            var decoder = KeyDecoder()
            var fds = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0), pollfd(fd: stopRead, events: Int16(POLLIN), revents: 0)]
            var buffer = [UInt8](repeating: 0, count: 256)
            var lastTick = Date()
            while true {
                let ready = poll(&fds, 2, Int32(tick * 1000))
                if ready < 0 && errno != EINTR { break }
                if fds[1].revents != 0 { break }
                if ready > 0, fds[0].revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 {
                    let n = read(STDIN_FILENO, &buffer, buffer.count)
                    if n <= 0 { break }
                    for key in decoder.feed(Array(buffer[0..<n])) { continuation.yield(.key(key)) }
                }
                if Date().timeIntervalSince(lastTick) >= tick {
                    lastTick = Date()
                    continuation.yield(.tick)
                }
            }
            continuation.finish()
        }
        thread.start()
        reader = thread
        for sig in [SIGTERM, SIGINT, SIGHUP] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { continuation.yield(.signal) }
            source.resume()
            signalSources.append(source)
        }
        return stream
    }

    /// The terminal's size in columns and rows (80×24 when it cannot tell).
    public var size: (width: Int, height: Int) {
        var ws = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0, ws.ws_row > 0 {
            return (Int(ws.ws_col), Int(ws.ws_row))
        }
        return (80, 24)
    }

    /// Draws `lines` from the top left, replacing the whole screen.
    public func draw(_ lines: [String]) {
        write("\u{1B}[H" + lines.joined(separator: "\u{1B}[K\r\n") + "\u{1B}[K\u{1B}[J")
    }

    public func write(_ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue } else { return } }
            offset += n
        }
    }

    /// Stops the reader and gives the terminal back as it was.
    public func close() {
        guard !closed else { return }
        closed = true
        var one: UInt8 = 1
        _ = Glibc.write(stopPipe.write, &one, 1)
        for source in signalSources { source.cancel() }
        write("\u{1B}>\u{1B}[?25h\u{1B}[?1049l")
        if var saved { _ = tcsetattr(STDIN_FILENO, TCSANOW, &saved) }
    }

    deinit {
        close()
        Glibc.close(stopPipe.read)
        Glibc.close(stopPipe.write)
    }
}
