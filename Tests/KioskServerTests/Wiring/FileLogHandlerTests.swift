import Foundation
import KioskServer
import Logging
import Testing

/// The daemon's log file when the terminal shows the hall screen (`kiosk serve --display`).
@Suite struct FileLogHandlerTests {
    let path = NSTemporaryDirectory() + "kiosk-log-" + UUID().uuidString + ".log"
    let noon = Date(timeIntervalSince1970: 1_772_452_800)   // 2026-03-02T12:00:00Z

    func lines() -> [String] {
        ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    @Test func writesTimeLevelLabelMessageAndSortedMetadata() throws {
        defer { try? FileManager.default.removeItem(atPath: path) }
        let noon = self.noon
        let handler = try FileLogHandler(label: "kiosk.server", path: path, now: { noon })
        var logger = Logger(label: "kiosk.server", factory: { _ in handler })
        logger[metadataKey: "hall"] = "连城"
        logger.info("serving", metadata: ["port": "8080", "a": "1"])
        logger.debug("not at info level")
        logger.error("journal failed")
        #expect(lines() == [
            "2026-03-02T12:00:00.000Z info [kiosk.server] serving a=1 hall=连城 port=8080",
            "2026-03-02T12:00:00.000Z error [kiosk.server] journal failed hall=连城",
        ])
    }

    @Test func appendsToAnExistingFileAndKeepsLinesFromManyTasksWhole() async throws {
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "earlier line\n".write(toFile: path, atomically: true, encoding: .utf8)
        let noon = self.noon
        let handler = try FileLogHandler(label: "t", path: path, now: { noon })
        let logger = Logger(label: "t", factory: { _ in handler })
        await withTaskGroup(of: Void.self) { group in
            for task in 0..<8 {
                group.addTask { for i in 0..<50 { logger.info("task \(task) line \(i)") } }
            }
        }
        let written = lines()
        #expect(written.first == "earlier line")
        #expect(written.count == 1 + 400)
        #expect(written.dropFirst().allSatisfy { $0.hasPrefix("2026-03-02T12:00:00.000Z info [t] task ") })
        #expect(Set(written.dropFirst()).count == 400)
    }

    /// Issue 14, point 12: the hall's time zone, whatever the server's (it stamped UTC).
    @Test func linesAreStampedInTheHallsTimeZone() throws {
        defer { try? FileManager.default.removeItem(atPath: path) }
        let noon = self.noon
        let output = try FileLogHandler.Output(path: path, timeZone: TimeZone(identifier: "Asia/Shanghai")!)
        Logger(label: "kiosk.sms", factory: { FileLogHandler(label: $0, output: output, now: { noon }) }).info("sent")
        Logger(label: "kiosk.server", factory: { FileLogHandler(label: $0, output: output, now: { noon.addingTimeInterval(0.25) }) }).notice("stopped")
        #expect(lines() == [
            "2026-03-02T20:00:00.000+08:00 info [kiosk.sms] sent",
            "2026-03-02T20:00:00.250+08:00 notice [kiosk.server] stopped",
        ])
    }

    @Test func aFileThatCannotBeWrittenIsAnError() {
        #expect(throws: FileLogHandler.CannotWrite.self) {
            try FileLogHandler(label: "t", path: "/proc/no-such-dir/kiosk.log")
        }
    }
}
