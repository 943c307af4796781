import KioskDisplay
import Synchronization

/// A ``TerminalSink`` that keeps what it is sent instead of writing it: for the benchmark and
/// the display tests. It applies nothing; `writes` holds the bytes in order.
public final class RecordingTerminal: TerminalSink {
    private struct State {
        var size: Size
        var writes: [String] = []
        var entered = false
        var resize: AsyncStream<Void>.Continuation?
    }

    private let state: Mutex<State>

    public init(size: Size) {
        state = Mutex(State(size: size))
    }

    public func size() -> Size { state.withLock { $0.size } }
    public func enter() { state.withLock { $0.entered = true } }
    public func leave() { state.withLock { $0.entered = false } }
    public func write(_ bytes: String) { state.withLock { $0.writes.append(bytes) } }

    public func resizes() -> AsyncStream<Void> {
        let (stream, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        state.withLock { $0.resize = continuation }
        return stream
    }

    /// Whether the screen is taken over (between `enter` and `leave`).
    public var isEntered: Bool { state.withLock { $0.entered } }
    /// Every write so far.
    public var writes: [String] { state.withLock { $0.writes } }

    /// Changes the size and notifies, as a SIGWINCH would.
    public func resize(to size: Size) {
        let continuation = state.withLock { state in
            state.size = size
            return state.resize
        }
        continuation?.yield()
    }
}
