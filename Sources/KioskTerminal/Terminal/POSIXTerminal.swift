#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@preconcurrency import Dispatch
import KioskDisplay
import Synchronization

/// The live ``TerminalSink``: the process's standard output.
///
/// Size comes from `ioctl(TIOCGWINSZ)` (falling back to `fallback` when the output is not a
/// terminal); `SIGWINCH` is turned into resize notifications. `enter()` also turns input echo
/// off so a stray key press does not scribble on the hall screen; `leave()` restores it.
public final class POSIXTerminal: TerminalSink {
    private struct State {
        var savedTermios: termios?
        var entered = false
        var winch: (any DispatchSourceSignal)?
    }

    private let output: Int32
    private let fallback: Size
    private let state = Mutex(State())

    public init(output: Int32 = STDOUT_FILENO, fallback: Size) {
        self.output = output
        self.fallback = fallback
    }

    public func size() -> Size {
        var window = winsize()
        guard ioctl(output, UInt(TIOCGWINSZ), &window) == 0, window.ws_col > 0, window.ws_row > 0 else { return fallback }
        return Size(width: Int(window.ws_col), height: Int(window.ws_row))
    }

    public func enter() {
        state.withLock { state in
            guard !state.entered else { return }
            state.entered = true
            var settings = termios()
            if isatty(STDIN_FILENO) == 1, tcgetattr(STDIN_FILENO, &settings) == 0 {
                state.savedTermios = settings
                settings.c_lflag &= ~tcflag_t(ECHO | ICANON)
                _ = tcsetattr(STDIN_FILENO, TCSANOW, &settings)
            }
        }
        write(ANSIEncoder.enterScreen)
    }

    public func leave() {
        let wasEntered = state.withLock { state in
            defer { state.entered = false }
            if var saved = state.savedTermios {
                _ = tcsetattr(STDIN_FILENO, TCSANOW, &saved)
                state.savedTermios = nil
            }
            state.winch?.cancel()
            state.winch = nil
            return state.entered
        }
        if wasEntered { write(ANSIEncoder.leaveScreen) }
    }

    public func write(_ bytes: String) {
        var data = Array(bytes.utf8)[...]
        while !data.isEmpty {
            let written = data.withUnsafeBytes { raw in
                #if canImport(Glibc)
                Glibc.write(output, raw.baseAddress, raw.count)
                #else
                Darwin.write(output, raw.baseAddress, raw.count)
                #endif
            }
            if written < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return   // the terminal went away; nothing sensible left to do
            }
            data = data.dropFirst(written)
        }
    }

    public func resizes() -> AsyncStream<Void> {
        let (stream, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        signal(SIGWINCH, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGWINCH, queue: .global())
        source.setEventHandler { continuation.yield() }
        source.setCancelHandler { continuation.finish() }
        source.resume()
        state.withLock { state in
            state.winch?.cancel()
            state.winch = source
        }
        continuation.onTermination = { [self] _ in stopResizes() }
        return stream
    }

    private func stopResizes() {
        state.withLock { state in
            state.winch?.cancel()
            state.winch = nil
        }
    }
}
