import Foundation
import KioskStore
import Logging
import Synchronization

/// A swift-log handler appending `time level [label] message key=value` lines to a file, so
/// the daemon's logs stay off a terminal that shows the hall screen (`kiosk serve --display`).
public struct FileLogHandler: LogHandler {
    /// One file and one date formatter for every copy of the handler; the mutex keeps lines
    /// from many tasks whole (and the formatter, which is not thread-safe, to one at a time).
    private final class Output: Sendable {
        private struct Locked {
            var handle: FileHandle
            let formatter = ISO8601DateFormatter()
        }
        private let locked: Mutex<Locked>
        init(_ handle: FileHandle) { locked = Mutex(Locked(handle: handle)) }

        func append(at time: Date, _ rest: String) {
            locked.withLock { output in
                let line = output.formatter.string(from: time) + rest
                try? output.handle.write(contentsOf: Data(line.utf8))
            }
        }
    }

    public struct CannotWrite: Error, CustomStringConvertible {
        public var path: String
        public var description: String { "cannot write \(path)" }
    }

    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    private let label: String
    private let output: Output
    private let now: @Sendable () -> Date

    /// Appends to `path` (created when missing, mode 0600). `now` stamps each line (tests pass a fixed time).
    public init(label: String, path: String, now: @escaping @Sendable () -> Date = { Date() }) throws {
        // Owner-only and appended to (the log names the token file and the journal).
        guard let handle = try? PrivateFiles.appendingHandle(atPath: path) else { throw CannotWrite(path: path) }
        self.label = label
        self.output = Output(handle)
        self.now = now
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(level: Logger.Level, message: Logger.Message, metadata explicit: Logger.Metadata?, source: String, file: String, function: String, line: UInt) {
        let merged = metadata.merging(explicit ?? [:]) { $1 }
        let fields = merged.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined()
        output.append(at: now(), " \(level) [\(label)] \(message)\(fields)\n")
    }
}
