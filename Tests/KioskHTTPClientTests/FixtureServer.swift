import Foundation

/// The Python fixture server (`Fixtures/http_fixture_server.py`) running as a child process.
///
/// Readiness is the `PORT <n>` line the script prints once it listens: no sleeping, no polling.
/// Call ``stop()`` in a `defer`; the script also exits when our end of its stdin closes.
final class FixtureServer {
    enum Mode: Sendable {
        /// The HTTP server with all its paths.
        case http
        /// A port whose accept queue is full: connecting hangs.
        case blackhole
        /// A port nobody listens on; the script exits at once.
        case closedPort

        var arguments: [String] {
            switch self {
            case .http: []
            case .blackhole: ["--blackhole"]
            case .closedPort: ["--closed-port"]
            }
        }
    }

    struct StartupError: Error, CustomStringConvertible {
        let description: String
    }

    let port: Int
    private let process: Process
    /// Held so the script's stdin stays open for as long as we want it running.
    private let input: Pipe
    private let output: FileHandle

    var baseURL: String { "http://127.0.0.1:\(port)" }

    func url(_ path: String) -> String { baseURL + path }

    static func start(_ mode: Mode = .http) async throws -> FixtureServer {
        let script = URL(filePath: #filePath)
            .deletingLastPathComponent()
            .appending(path: "Fixtures/http_fixture_server.py")
        let process = Process()
        process.executableURL = URL(filePath: "/usr/bin/env")
        process.arguments = ["python3", script.path] + mode.arguments
        let output = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardInput = input
        try process.run()
        do {
            let line = await readLine(from: output.fileHandleForReading)
            guard let line, line.hasPrefix("PORT "), let port = Int(line.dropFirst(5)) else {
                throw StartupError(description: "fixture server did not announce a port: \(line ?? "<eof>")")
            }
            return FixtureServer(port: port, process: process, input: input, output: output.fileHandleForReading)
        } catch {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            throw error
        }
    }

    private init(port: Int, process: Process, input: Pipe, output: FileHandle) {
        self.port = port
        self.process = process
        self.input = input
        self.output = output
    }

    /// The next line the script prints (e.g. `SLEEPING` when a `/sleep` request arrives);
    /// nil once it has exited.
    func nextLine() async -> String? {
        await Self.readLine(from: output)
    }

    /// Kills the script and waits for it to exit (milliseconds).
    ///
    /// SIGKILL rather than `terminate()`'s SIGTERM: a child spawned from a concurrency thread
    /// inherits that thread's blocked signals, and the script may not have unblocked them yet.
    func stop() {
        try? input.fileHandleForWriting.close()
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// Reads one line on a thread of its own: the read blocks until the script prints.
    private static func readLine(from handle: FileHandle) async -> String? {
        await withCheckedContinuation { continuation in
            Thread {
                var bytes: [UInt8] = []
                var sawNewline = false
                while let byte = handle.readData(ofLength: 1).first {  // empty at EOF
                    if byte == UInt8(ascii: "\n") {
                        sawNewline = true
                        break
                    }
                    bytes.append(byte)
                }
                continuation.resume(returning: sawNewline || !bytes.isEmpty ? String(decoding: bytes, as: UTF8.self) : nil)
            }.start()
        }
    }
}
