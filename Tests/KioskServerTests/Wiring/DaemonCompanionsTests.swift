import Foundation
import KioskCore
import KioskHTTPClient
import KioskServer
import KioskTestSupport
import Logging
import ServiceLifecycle
import Synchronization
import Testing

/// `KioskDaemon.run(_:companions:)`: the hall screen and the demo timer beside the daemon.
@Suite(.timeLimit(.minutes(1))) struct DaemonCompanionsTests {
    final class Flags: Sendable {
        let values = Mutex<[String]>([])
        func set(_ flag: String) { values.withLock { $0.append(flag) } }
        var all: [String] { values.withLock { $0 } }
    }

    func options(_ directory: String) -> KioskDaemon.Options {
        let clock = ManualClock(hallTime: "09:00")
        var options = KioskDaemon.Options(config: .defaultHall, tokens: AccessTokens.generate(for: .defaultHall), dataDirectory: directory)
        options.port = 0
        options.gracefulShutdownSignals = []
        options.clock = { clock.now }
        options.logger.logLevel = .critical
        return options
    }

    /// Waits until cancelled, then says so.
    static func waitForCancellation(_ flags: Flags, _ name: String) async {
        while !Task.isCancelled { try? await Task.sleep(for: .seconds(3600)) }
        flags.set(name + " cancelled")
    }

    @Test func companionsGetThePortAndTheFirstToReturnStopsTheDaemonAndTheOthers() async throws {
        let dir = NSTemporaryDirectory() + "kiosk-companions-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let flags = Flags()
        var options = options(dir)
        options.onReady = { _ in flags.set("ready") }
        try await KioskDaemon.run(options, companions: [
            { port in
                let transport = CurlHTTPTransport()
                defer { transport.shutdown() }
                let health = try? await transport.send(HTTPRequest(url: "http://127.0.0.1:\(port)/healthz"))
                flags.set("healthz \(health?.status ?? 0)")
            },
            { _ in await Self.waitForCancellation(flags, "screen") },
        ])
        #expect(flags.all.first == "ready", "the daemon's own onReady still runs first")
        #expect(flags.all.contains("healthz 200"))
        #expect(flags.all.contains("screen cancelled"))
    }

    struct Failing: Service {
        struct Broken: Error {}
        func run() async throws { throw Broken() }
    }

    @Test func aDaemonThatEndsCancelsItsCompanions() async throws {
        let dir = NSTemporaryDirectory() + "kiosk-companions-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let flags = Flags()
        var options = options(dir)
        options.extraServices = { _ in [Failing()] }
        await #expect(throws: (any Error).self) {
            try await KioskDaemon.run(options, companions: [{ _ in await Self.waitForCancellation(flags, "screen") }])
        }
        #expect(flags.all.isEmpty || flags.all == ["screen cancelled"], "a companion that started was cancelled")
    }
}
