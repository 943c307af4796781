import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the `kiosk` binary with `arguments`, both streams captured (through files: safe with
/// children that outlive it). A process still running after `timeout` seconds is killed and
/// reported with status -1 (a command that should have refused at once but ran on).
public func runKiosk(
    _ arguments: [String], environment: [String: String] = [:], input: String? = nil, timeout: Double = 60
) async throws -> (status: Int32, stdout: String, stderr: String) {
    let run = try KioskRun(arguments, environment: environment, input: input)
    defer { run.removeFiles() }
    try run.process.run()
    let deadline = ContinuousClock.now + .seconds(timeout)
    while run.process.isRunning && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
    let timedOut = run.process.isRunning
    if timedOut { kill(run.process.processIdentifier, SIGKILL) }
    run.process.waitUntilExit()
    let result = run.result()
    return (timedOut ? -1 : result.status, result.stdout, result.stderr)
}

/// The built `kiosk` executable run as a user would, for a test that waits for it in line.
public enum KioskProcess {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Runs to completion and captures both streams.
    /// `directory`: the working directory (a user's own folder, not the repository).
    public static func run(_ arguments: [String], in directory: String? = nil) throws -> Result {
        let run = try KioskRun(arguments, directory: directory)
        defer { run.removeFiles() }
        try run.process.run()
        run.process.waitUntilExit()
        return run.result()
    }
}

/// One run of the binary: the process set up, its output going to two temporary files.
private struct KioskRun {
    let process = Process()
    let base = NSTemporaryDirectory() + "kiosk-run-" + UUID().uuidString

    init(_ arguments: [String], environment: [String: String] = [:], input: String? = nil, directory: String? = nil) throws {
        process.executableURL = KioskBinary.url
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        _ = FileManager.default.createFile(atPath: base + ".out", contents: nil)
        _ = FileManager.default.createFile(atPath: base + ".err", contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: base + ".out"))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: base + ".err"))
        if let input {
            _ = FileManager.default.createFile(atPath: base + ".in", contents: Data(input.utf8))
            process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: base + ".in"))
        } else {
            process.standardInput = FileHandle.nullDevice
        }
    }

    /// Its exit status and both streams, once it has exited.
    func result() -> KioskProcess.Result {
        KioskProcess.Result(
            status: process.terminationStatus,
            stdout: String(decoding: FileManager.default.contents(atPath: base + ".out") ?? Data(), as: UTF8.self),
            stderr: String(decoding: FileManager.default.contents(atPath: base + ".err") ?? Data(), as: UTF8.self)
        )
    }

    func removeFiles() {
        for suffix in [".out", ".err", ".in"] { try? FileManager.default.removeItem(atPath: base + suffix) }
    }
}
