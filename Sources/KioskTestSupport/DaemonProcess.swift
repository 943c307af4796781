import Foundation
import KioskHTTPClient
#if canImport(Glibc)
import Glibc
#endif

/// The built `kiosk serve` as a child process, as an operator runs it: on a data directory,
/// its output appended to `serve.log` there, ready once `/healthz` answers. Stop it gracefully
/// (SIGTERM) or kill it (SIGKILL) as a crash would; either can be followed by another start on
/// the same journal.
public final class DaemonProcess: @unchecked Sendable {
    public let dataDir: String
    /// Where it listens; chosen free at the first start unless given.
    public private(set) var port: Int
    private let fixedPort: Bool
    private var tokensFile: String?
    private var process: Process?
    private let health = CurlHTTPTransport(configuration: .init(maximumConcurrentRequests: 1))

    public init(dataDir: String, port: Int? = nil) {
        self.dataDir = dataDir
        self.port = port ?? 0
        fixedPort = port != nil
    }

    public var base: String { "http://127.0.0.1:\(port)" }
    /// The tokens it reads (`--tokens`) or wrote on its first start.
    public var tokensPath: String { tokensFile ?? dataDir + "/tokens.json" }
    public var logPath: String { dataDir + "/serve.log" }
    public var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }
    public var isRunning: Bool { process?.isRunning == true }
    /// The running child's process id.
    public var pid: Int32? { process?.processIdentifier }
    /// How the last run ended (after `stop()` or `kill()`).
    public private(set) var exitStatus: Int32?
    /// Added to the child's environment at the next start (e.g. libfaketime's variables).
    public var environment: [String: String] = [:]
    /// Added to `kiosk serve`'s arguments at the next start (e.g. `--central URL`).
    public var extraArguments: [String] = []

    /// The token at the dotted `path` (`kiosk`, `windows.1`) in its tokens file.
    public func token(_ path: String) throws -> String {
        try TokenFile.token(path, in: tokensPath)
    }

    /// Starts it with the hall clock at `startAt` (nil: the process's wall clock) and returns
    /// once `/healthz` answers. On a port of its own choosing it tries another port when the
    /// child exits first (somebody took the port in between).
    public func start(at startAt: String?, config: String? = nil, tokens: String? = nil, within seconds: Double = 20) async throws {
        try FileManager.default.createDirectory(atPath: dataDir, withIntermediateDirectories: true)
        if let tokens { tokensFile = tokens }
        var problem = ""
        for _ in 0..<(fixedPort ? 1 : 5) {
            if !fixedPort { port = try freePort() }
            try launch(["serve", "--data-dir", dataDir, "--port", String(port)] + (startAt.map { ["--start-at", $0] } ?? [])
                + (config.map { ["--config", $0] } ?? []) + (tokensFile.map { ["--tokens", $0] } ?? []) + extraArguments)
            let url = base + "/healthz"
            let up = await eventually(within: seconds, every: .milliseconds(20)) { [health] in
                guard self.isRunning else { return true }
                return (try? await health.send(HTTPRequest(url: url, timeout: 2)))?.status == 200
            }
            if up && isRunning { return }
            problem = isRunning ? "no /healthz within \(seconds) s" : "exited with \(process?.terminationStatus ?? -1)"
            kill()
        }
        throw DaemonDidNotStart(description: "kiosk serve did not start on \(base): \(problem); log:\n\(log.suffix(2000))")
    }

    /// SIGKILL, as a crash or a pulled plug would, then reap.
    public func kill() {
        guard let process else { return }
        if process.isRunning { Glibc.kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        exitStatus = process.terminationStatus
        self.process = nil
    }

    /// SIGTERM (a graceful shutdown) if still running; SIGKILL after 10 s if that is ignored.
    public func stop() {
        guard let process else { return }
        if process.isRunning {
            process.terminate()
            let deadline = Date().addingTimeInterval(10)
            while process.isRunning && Date() < deadline { usleep(20_000) }
        }
        kill()
    }

    private func launch(_ arguments: [String]) throws {
        if !FileManager.default.fileExists(atPath: logPath) { _ = FileManager.default.createFile(atPath: logPath, contents: nil) }
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        _ = try log.seekToEnd()
        let process = Process()
        if environment.isEmpty {
            process.executableURL = KioskBinary.url
            process.arguments = arguments
        } else {
            // Through `sh`'s exec (same process, still our direct child): a child Foundation
            // spawns directly with libfaketime preloaded sees an empty CommandLine.arguments
            // (libfaketime 0.9.10, Swift 6.3) and prints the usage; one exec-ed by sh does not.
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", #"exec "$0" "$@""#, KioskBinary.url.path] + arguments
        }
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        try process.run()
        self.process = process
    }

    public struct DaemonDidNotStart: Error, CustomStringConvertible {
        public var description: String
    }
}
