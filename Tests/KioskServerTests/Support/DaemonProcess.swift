import Foundation
import KioskTestSupport
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
            process.executableURL = KioskBinary.url
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
