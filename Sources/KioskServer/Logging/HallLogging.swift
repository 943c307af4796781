import Foundation
import Logging

/// The daemon's logging, set once per process (`kiosk serve`, `kiosk demo`): every logger —
/// the server's, the SMS worker's, the libraries' — writes `FileLogHandler` lines to one
/// destination, stamped in the hall's time zone. (swift-log's default stamps in the server's
/// own zone, usually UTC on a hall's PC set up by a contractor, eight hours off the hall's clock.)
public enum HallLogging {
    /// - Parameters:
    ///   - path: the log file (created 0600, appended to); nil: standard error.
    ///   - timeZone: the hall's (`HallCalendar.timeZone`).
    /// - Returns: the destination, for a caller that wants its own handler on it.
    @discardableResult
    public static func bootstrap(path: String?, timeZone: TimeZone, now: @escaping @Sendable () -> Date = { Date() }) throws -> FileLogHandler.Output {
        let output = try path.map { try FileLogHandler.Output(path: $0, timeZone: timeZone) }
            ?? FileLogHandler.Output(handle: .standardError, timeZone: timeZone)
        LoggingSystem.bootstrap { label in FileLogHandler(label: label, output: output, now: now) }
        return output
    }
}
