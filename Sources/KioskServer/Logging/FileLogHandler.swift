import Foundation
import KioskStore
import Logging
import Synchronization

/// A swift-log handler appending `time level [label] message key=value` lines to a file or
/// standard error, stamped in the hall's time zone (`2026-03-02T09:00:00.000+08:00`): a hall's
/// IT person reads the log against the hall's clock, whatever zone the server is set to.
public struct FileLogHandler: LogHandler {
    /// One destination and one time stamp style shared by every handler writing there; the
    /// mutex keeps lines from many tasks whole.
    public final class Output: Sendable {
        private let handle: Mutex<FileHandle>
        /// FoundationEssentials' ISO 8601 style, not `ISO8601DateFormatter`: that one formats
        /// through ICU, and stamping the first lines pulled a few megabytes of ICU's code and
        /// data into the daemon's memory for good (issue 17, goal 3). Same text.
        private let style: Date.ISO8601FormatStyle

        /// Appends to `path` (created when missing, mode 0600: the log names the token file and the journal).
        public convenience init(path: String, timeZone: TimeZone = TimeZone(identifier: "UTC")!) throws(CannotWrite) {
            guard let handle = try? PrivateFiles.appendingHandle(atPath: path) else { throw CannotWrite(path: path) }
            self.init(handle: handle, timeZone: timeZone)
        }

        public init(handle: FileHandle, timeZone: TimeZone = TimeZone(identifier: "UTC")!) {
            // Milliseconds: a burst of lines keeps its order readable.
            style = Date.ISO8601FormatStyle(timeZoneSeparator: .colon, includingFractionalSeconds: true, timeZone: timeZone)
            self.handle = Mutex(handle)
        }

        func append(at time: Date, _ rest: String) {
            let line = style.format(time) + rest
            handle.withLock { handle in
                try? handle.write(contentsOf: Data(line.utf8))
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

    /// Appends to `path` (created when missing, mode 0600), stamped in UTC. `now` stamps each
    /// line (tests pass a fixed time).
    public init(label: String, path: String, now: @escaping @Sendable () -> Date = { Date() }) throws {
        self.init(label: label, output: try Output(path: path), now: now)
    }

    /// Writes to `output`, shared with other handlers (`HallLogging` gives every logger one).
    public init(label: String, output: Output, now: @escaping @Sendable () -> Date = { Date() }) {
        self.label = label
        self.output = output
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
