import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The built `kiosk` executable the process tests run: beside the test bundle (both come from
/// the same build), or `KIOSK_BINARY` when set.
public enum KioskBinary {
    public static var url: URL {
        if let path = ProcessInfo.processInfo.environment["KIOSK_BINARY"], !path.isEmpty { return URL(fileURLWithPath: path) }
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for candidate in [here, here.deletingLastPathComponent(), here.deletingLastPathComponent().deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("kiosk")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return here.appendingPathComponent("kiosk")
    }

    public static var exists: Bool { FileManager.default.isExecutableFile(atPath: url.path) }
}

/// A TCP port nobody listens on right now on loopback: bound to 0, read back, released.
public func freePort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw PortUnavailable(reason: "socket: errno \(errno)") }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
    }
    guard bound else { throw PortUnavailable(reason: "bind: errno \(errno)") }
    return Int(UInt16(bigEndian: address.sin_port))
}

public struct PortUnavailable: Error, CustomStringConvertible {
    public var reason: String
    public var description: String { "no free loopback port (\(reason))" }
}

/// Polls `condition` until it holds or `seconds` pass (no fixed sleeps: the deadline only
/// bounds a failure). Returns whether it held.
public func eventually(
    within seconds: Double, every interval: Duration = .milliseconds(10), _ condition: () throws -> Bool
) async rethrows -> Bool {
    let deadline = ContinuousClock.now + .seconds(seconds)
    while ContinuousClock.now < deadline {
        if try condition() { return true }
        try? await Task.sleep(for: interval)
    }
    return try condition()
}

/// Runs a command (found on `PATH`) to completion; returns its status and standard output
/// (discarded with `capture: false`). Outside any tmux the test runs in. The output goes to a
/// file, not a pipe: a tmux server forked by `new-session` may keep an inherited pipe open for
/// its whole life, and reading to EOF would then never return.
@discardableResult
public func runCommand(_ executable: String, _ arguments: [String], capture: Bool = true) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [executable] + arguments
    var environment = ProcessInfo.processInfo.environment
    environment["TMUX"] = nil
    process.environment = environment
    let file = NSTemporaryDirectory() + "kiosk-test-out-" + UUID().uuidString
    FileManager.default.createFile(atPath: file, contents: nil)
    defer { try? FileManager.default.removeItem(atPath: file) }
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
    process.standardOutput = capture ? handle : FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try? handle.close()
    let data = capture ? (try? Data(contentsOf: URL(fileURLWithPath: file))) ?? Data() : Data()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}
