import Foundation
import KioskCore
import KioskServer
#if canImport(Glibc)
import Glibc
#endif

/// The built `kiosk serve` as a child process: started, waited for on `/healthz`, killed.
final class DaemonProcess {
    let port: Int
    let process: Process

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The `kiosk` binary beside the test bundle (both are products of the same build), or
    /// `KIOSK_BINARY` when set.
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["KIOSK_BINARY"], !path.isEmpty { return URL(fileURLWithPath: path) }
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for candidate in [here, here.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("kiosk")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return here.appendingPathComponent("kiosk")
    }

    /// A port nobody listens on right now: bound to 0, read back, released.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: \(errno)") }
        defer { Glibc.close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 ? getsockname(fd, pointer, &length) : -1
            }
        }
        guard bound == 0 else { throw Failure(description: "bind: \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private init(port: Int, process: Process) {
        self.port = port
        self.process = process
    }

    /// Starts `kiosk serve` on a free port and returns once `/healthz` answers; retries with
    /// another port if the child exits first (the port was taken in between).
    static func start(dataDirectory: String, tokensFile: String, startAt: String, client: (Int) -> APIClient) async throws -> (DaemonProcess, APIClient) {
        var lastProblem = ""
        for _ in 0..<5 {
            let port = try freePort()
            let process = Process()
            process.executableURL = binary
            process.arguments = ["serve", "--data-dir", dataDirectory, "--port", String(port), "--start-at", startAt, "--tokens", tokensFile]
            if !FileManager.default.fileExists(atPath: dataDirectory + "/serve.log") {
                _ = FileManager.default.createFile(atPath: dataDirectory + "/serve.log", contents: nil)
            }
            let log = FileHandle(forWritingAtPath: dataDirectory + "/serve.log") ?? FileHandle.nullDevice
            log.seekToEndOfFile()
            process.standardOutput = log
            process.standardError = log
            try process.run()
            let daemon = DaemonProcess(port: port, process: process)
            let api = client(port)
            let deadline = ContinuousClock.now + .seconds(20)
            while ContinuousClock.now < deadline && process.isRunning {
                if let answer = try? await api.get("/healthz"), answer.status == 200 { return (daemon, api) }
                try await Task.sleep(for: .milliseconds(20))
            }
            lastProblem = process.isRunning ? "no /healthz within 20 s" : "exited with \(process.terminationStatus)"
            daemon.kill()
        }
        throw Failure(description: "kiosk serve did not start: \(lastProblem); see \(dataDirectory)/serve.log")
    }

    /// SIGKILL, then reap.
    func kill() {
        if process.isRunning { Glibc.kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}
