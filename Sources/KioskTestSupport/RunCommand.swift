import Foundation

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

/// Quotes a word for `sh -c`.
public func shellQuoted(_ word: String) -> String {
    "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
}

/// `words` as one `sh -c` command line, standard error appended to `errorLog` when given,
/// then `after` (e.g. `; echo "exited $?"`) as written.
public func shellCommand(_ words: [String], errorLog: String? = nil, then after: String = "") -> String {
    words.map(shellQuoted).joined(separator: " ") + (errorLog.map { " 2>>" + shellQuoted($0) } ?? "") + after
}
