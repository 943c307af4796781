import Foundation
import KioskHTTPClient

/// The daemon under the issue bench, as its own process (`BINARY serve`, hall clock from a
/// weekday 08:00), so its memory and restart time are its own.
public struct BenchDaemon {
    let process = Process()
    public let port: Int

    /// Starts `binary serve` on `dataDir` with `config`, on `port` or a free loopback port.
    /// `extraArguments`: more for `serve` (the central bench's `--central`).
    public init(binary: String, dataDir: String, config: String, port: Int? = nil, extraArguments: [String] = []) throws {
        self.port = try port ?? LoopbackPort.free()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["serve", "--data-dir", dataDir, "--config", config, "--port", String(self.port), "--start-at", "2026-03-02 08:00"] + extraArguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    /// Polls /healthz (every 2 ms, for at most ~2000 tries).
    public func waitUntilHealthy() async throws {
        let transport = CurlHTTPTransport()
        defer { transport.shutdown() }
        for _ in 0..<2000 {
            if let r = try? await transport.send(HTTPRequest(url: "http://127.0.0.1:\(port)/healthz", connectTimeout: 1, timeout: 2)), r.isSuccess { return }
            try await Task.sleep(for: .milliseconds(2))
        }
        throw BenchFailure("the daemon did not become healthy")
    }

    /// The process's resident set (VmRSS), in MiB.
    public func residentMegabytes() -> Double {
        let status = (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
        return (Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) / 1024
    }

    /// CPU time the daemon has used so far, user and system (`/proc/PID/stat`), in seconds: on
    /// a shared machine a steadier cost per ticket than the wall clock's rate.
    public func cpuSeconds() -> Double {
        let stat = (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8)) ?? ""
        // Fields after the command name (in parentheses, possibly with spaces): the first is
        // field 3 (state), so utime (14) and stime (15) are the 12th and 13th.
        guard let close = stat.lastIndex(of: ")") else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    public func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }
}
