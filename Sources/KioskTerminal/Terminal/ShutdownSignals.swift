#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@preconcurrency import Dispatch

/// Runs work until it returns or the process gets SIGINT, SIGTERM or SIGHUP; a signal cancels
/// the work (so its `defer`s restore the terminal) and waits for it to finish.
public enum ShutdownSignals {
    public static func run(_ body: @escaping @Sendable () async -> Void) async {
        let (signals, continuation) = AsyncStream.makeStream(of: Int32.self, bufferingPolicy: .bufferingNewest(1))
        var sources: [any DispatchSourceSignal] = []
        for number in [SIGINT, SIGTERM, SIGHUP] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            sources.append(source)
        }
        defer {
            for source in sources { source.cancel() }
            continuation.finish()
        }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await body() }
            group.addTask {
                for await _ in signals { return }
            }
            await group.next()
            group.cancelAll()
        }
    }
}
