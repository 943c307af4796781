import Foundation
import KioskBench
#if canImport(Glibc)
import Glibc
#endif

/// `Fixtures/flaky_gateway.py`: a gateway in front of the real Kannel that answers 503 (or
/// hangs) for its first `count` requests, then forwards to Kannel.
final class FlakyGateway: @unchecked Sendable {
    let port: Int
    private let process: Process
    private let input: Pipe
    let lines: FileHandle

    var url: String { "http://127.0.0.1:\(port)/cgi-bin/sendsms" }

    init(upstream: String, mode: String, count: Int) throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/flaky_gateway.py")
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, upstream, mode, String(count)]
        let output = Pipe()
        input = Pipe()
        process.standardOutput = output
        process.standardInput = input
        try process.run()
        lines = output.fileHandleForReading
        var line = Data()
        while true {
            let byte = lines.readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) { break }
            line += byte
        }
        let text = String(decoding: line, as: UTF8.self)
        guard text.hasPrefix("PORT "), let port = Int(text.dropFirst(5)) else {
            kill(process.processIdentifier, SIGKILL)
            throw KannelHarness.Failure(description: "flaky gateway did not start: \(text)")
        }
        self.port = port
    }

    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}
