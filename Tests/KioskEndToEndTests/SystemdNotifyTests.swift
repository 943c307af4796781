import Foundation
import KioskCore
import KioskTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `kiosk serve` under systemd (`Type=notify`, `StateDirectory=kiosk`), seen from systemd's
/// side: the test binds its own notify socket, hands its path to a real daemon process as
/// `$NOTIFY_SOCKET`, and reads the datagrams it sends.
@Suite(.serialized) struct SystemdNotifyTests {
    @Test func readyOnlyOnceTheJournalIsFoldedAndThePortListensThenWatchdogThenStopping() async throws {
        let dir = NSTemporaryDirectory() + "kiosk-notify-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // A first run leaves a ticket in the journal; the notified start must have folded it.
        let first = DaemonProcess(dataDir: dir)
        try await first.start(at: "2026-03-02 09:00")
        #expect(try first.post("/v1/tickets", #"{"service":"A"}"#, token: first.token("kiosk")) == 201)
        first.stop()

        let listener = try NotifySocketListener(path: dir + "/notify.sock")
        let port = try freePort()
        let daemon = try launchServe(["--data-dir", dir, "--port", String(port)], environment: ["NOTIFY_SOCKET": listener.path], log: dir + "/serve.log")
        defer { if daemon.isRunning { kill(daemon.processIdentifier, SIGKILL); daemon.waitUntilExit() } }

        try await eventually("READY=1 on the notify socket", within: 30) { listener.receive().contains { $0.contains("READY=1") } }
        // Checked right after READY, without waiting: the port already answers, and the
        // ticket of the first run is there.
        let probe = DaemonProcess(dataDir: dir, port: port)
        let ticket = try probe.request("GET", "/v1/tickets/A001")
        #expect(ticket.status == 200, "READY=1 sent before the hall answered: \(ticket)")
        let ready = try #require(listener.receive().first { $0.contains("READY=1") })
        #expect(ready.split(separator: "\n").contains("MAINPID=\(daemon.processIdentifier)"), "\(ready)")

        // The hall's tick pets the watchdog (once a second by default).
        try await eventually("two WATCHDOG=1", within: 15) { listener.receive().filter { $0 == "WATCHDOG=1" }.count >= 2 }

        daemon.terminate()
        try await eventually("the daemon to exit", within: 20) { !daemon.isRunning }
        #expect(daemon.terminationStatus == 0)
        let all = listener.receive()
        let stopping = try #require(all.firstIndex { $0.contains("STOPPING=1") }, "no STOPPING=1 in \(all)")
        let readyAt = try #require(all.firstIndex { $0.contains("READY=1") })
        #expect(readyAt < stopping)
        #expect(all.filter { $0.contains("READY=1") }.count == 1)
    }

    @Test func stateDirectoryIsTheDefaultDataDirectory() async throws {
        let dir = NSTemporaryDirectory() + "kiosk-statedir-" + UUID().uuidString
        let state = dir + "/state", elsewhere = dir + "/cwd"
        for path in [state, elsewhere] { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let listener = try NotifySocketListener(path: dir + "/notify.sock")
        let port = try freePort()
        let daemon = try launchServe(
            ["--port", String(port)], environment: ["NOTIFY_SOCKET": listener.path, "STATE_DIRECTORY": state],
            log: dir + "/serve.log", workingDirectory: elsewhere
        )
        defer { if daemon.isRunning { kill(daemon.processIdentifier, SIGKILL); daemon.waitUntilExit() } }
        try await eventually("READY=1 on the notify socket", within: 30) { listener.receive().contains { $0.contains("READY=1") } }
        #expect(FileManager.default.fileExists(atPath: state + "/journal.sqlite"))
        #expect(FileManager.default.fileExists(atPath: state + "/tokens.json"))
        #expect(!FileManager.default.fileExists(atPath: elsewhere + "/var"), "used ./var although STATE_DIRECTORY was set")
        daemon.terminate()
        daemon.waitUntilExit()
    }

    /// `kiosk serve` on the hall clock of a Monday morning, with `environment` added to ours.
    private func launchServe(_ arguments: [String], environment: [String: String], log: String, workingDirectory: String? = nil) throws -> Process {
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        let process = Process()
        process.executableURL = KioskBinary.url
        process.arguments = ["serve", "--start-at", "2026-03-02 09:05"] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        if let workingDirectory { process.currentDirectoryURL = URL(fileURLWithPath: workingDirectory) }
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }
}
