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
    let process = Process()
    process.executableURL = KioskBinary.url
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let base = NSTemporaryDirectory() + "kiosk-run-" + UUID().uuidString
    FileManager.default.createFile(atPath: base + ".out", contents: nil)
    FileManager.default.createFile(atPath: base + ".err", contents: nil)
    defer {
        try? FileManager.default.removeItem(atPath: base + ".out")
        try? FileManager.default.removeItem(atPath: base + ".err")
        try? FileManager.default.removeItem(atPath: base + ".in")
    }
    process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: base + ".out"))
    process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: base + ".err"))
    if let input {
        FileManager.default.createFile(atPath: base + ".in", contents: Data(input.utf8))
        process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: base + ".in"))
    } else {
        process.standardInput = FileHandle.nullDevice
    }
    try process.run()
    let deadline = ContinuousClock.now + .seconds(timeout)
    while process.isRunning && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
    let timedOut = process.isRunning
    if timedOut { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
    let out = String(decoding: FileManager.default.contents(atPath: base + ".out") ?? Data(), as: UTF8.self)
    let err = String(decoding: FileManager.default.contents(atPath: base + ".err") ?? Data(), as: UTF8.self)
    return (timedOut ? -1 : process.terminationStatus, out, err)
}
