import Foundation
import KioskStore
import Testing

@Suite struct LineFileWriterTests {
    @Test func writesEveryLineInOrderAcrossBufferFlushes() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path + "/lines.jsonl"
        try "old content\n".write(toFile: path, atomically: true, encoding: .utf8)
        let writer = try LineFileWriter(path: path)
        // ~2.5 MiB: the 1 MiB buffer flushes twice before close.
        let line = String(repeating: "x", count: 100)
        for i in 0..<25_000 { writer.write("\(i) \(line)") }
        try writer.close()
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 25_001)
        #expect(lines.last == "")
        #expect(lines.first == "0 \(line)")
        #expect(lines[24_999] == "24999 \(line)")
        #expect(zip(lines.indices.dropLast(), lines.dropLast()).allSatisfy { $1.hasPrefix("\($0) ") })
    }

    @Test func aFileThatCannotBeCreatedIsAnError() {
        #expect(throws: LineFileWriter.CannotWrite.self) { try LineFileWriter(path: "/proc/no-such-dir/x.jsonl") }
    }
}
