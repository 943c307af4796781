import Foundation

extension KioskDaemon {
    /// What runs beside a daemon in the same process once it listens, given its port: the
    /// hall screen of `kiosk serve --display` and `kiosk demo`, the demo's `--seconds` timer.
    public typealias Companion = @Sendable (_ port: Int) async -> Void

    /// Runs a daemon with `companions`. Each starts once the daemon listens. When any of them
    /// returns, the daemon shuts down gracefully (the screen was closed, the time is up); when
    /// the daemon ends first (a signal, a failure), they are cancelled. Returns once all ended.
    public static func run(_ options: Options, companions: [Companion]) async throws {
        var options = options
        let (ready, readyContinuation) = AsyncStream.makeStream(of: Int.self, bufferingPolicy: .bufferingNewest(1))
        let onReady = options.onReady
        options.onReady = { port in
            await onReady(port)
            readyContinuation.yield(port)
        }
        let daemon = try await KioskDaemon(options)
        try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                defer { readyContinuation.finish() }
                try await daemon.run()
                return true
            }
            if !companions.isEmpty {
                group.addTask {
                    var ports = ready.makeAsyncIterator()
                    guard let port = await ports.next() else { return false }
                    await withTaskGroup(of: Void.self) { running in
                        for companion in companions { running.addTask { await companion(port) } }
                        await running.next()
                        running.cancelAll()
                    }
                    await daemon.shutdown()
                    return false
                }
            }
            while let daemonEnded = try await group.next() {
                if daemonEnded { break }
            }
            group.cancelAll()
        }
    }
}
