import Foundation
import KioskTestSupport
import KioskCore

/// `kiosk serve` as a child process on a data directory and port, logging to a file.
final class DaemonProcess {
    let dataDir: String
    let port: Int
    private var process: Process?

    init(dataDir: String, port: Int) {
        self.dataDir = dataDir
        self.port = port
    }

    var base: String { "http://127.0.0.1:\(port)" }

    /// Starts it with the hall clock at `startAt` and waits until it answers (10 s deadline).
    func start(at startAt: String) async throws {
        try FileManager.default.createDirectory(atPath: dataDir, withIntermediateDirectories: true)
        let log = dataDir + "/daemon-\(port).log"
        if !FileManager.default.fileExists(atPath: log) { _ = FileManager.default.createFile(atPath: log, contents: nil) }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        _ = try handle.seekToEnd()
        let process = Process()
        process.executableURL = KioskBinary.url
        process.arguments = ["serve", "--data-dir", dataDir, "--port", String(port), "--start-at", startAt]
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        self.process = process
        let base = self.base
        let up = await eventually(within: 10, every: .milliseconds(50)) {
            (try? runCommand("curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}", base + "/healthz"]).output) == "200"
        }
        guard up else { throw DaemonError(message: "kiosk serve did not answer on \(base) within 10 s: \((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")") }
    }

    /// Kills it abruptly (SIGKILL), as a crash or a pulled plug would, and waits for it to go.
    func kill() {
        guard let process else { return }
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        self.process = nil
    }

    /// Stops it gracefully (SIGTERM) if still running.
    func stop() {
        guard let process, process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
        self.process = nil
    }

    /// The tokens the daemon wrote on first start.
    func token(_ path: String) throws -> String {
        let text = try String(contentsOfFile: dataDir + "/tokens.json", encoding: .utf8)
        var value = try JSONParser.parse(text).value
        for key in path.split(separator: ".") { value = value[String(key)] ?? .null }
        guard let token = value.stringValue else { throw DaemonError(message: "no token \(path)") }
        return token
    }

    /// POSTs JSON with a bearer token through curl; returns the HTTP status.
    @discardableResult
    func post(_ path: String, _ body: String, token: String) throws -> Int {
        let result = try runCommand("curl", [
            "-s", "-o", "/dev/null", "-w", "%{http_code}", "-X", "POST", "-H", "Content-Type: application/json",
            "-H", "Authorization: Bearer \(token)", "--data", body, base + path,
        ])
        return Int(result.output) ?? 0
    }

    struct DaemonError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
