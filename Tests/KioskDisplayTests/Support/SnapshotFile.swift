import Foundation
import Testing

/// Plain-text snapshots under `Tests/KioskDisplayTests/Snapshots`, reviewed as diffs.
///
/// Compares against the bundled copy; with `KIOSK_RECORD_SNAPSHOTS=1` writes the source file
/// instead (and still fails, so a recording run is never mistaken for a passing one). A
/// missing snapshot fails rather than being recorded silently.
enum SnapshotFile {
    static let recordVariable = "KIOSK_RECORD_SNAPSHOTS"

    static func assertMatches(_ actual: String, named name: String,
                              sourceLocation: SourceLocation = #_sourceLocation) {
        let fileName = "\(name).txt"
        if ProcessInfo.processInfo.environment[recordVariable] == "1" {
            let url = sourceDirectory.appendingPathComponent(fileName)
            do {
                try actual.write(to: url, atomically: true, encoding: .utf8)
                Issue.record("recorded snapshot \(fileName); rerun without \(recordVariable) to compare",
                             sourceLocation: sourceLocation)
            } catch {
                Issue.record("cannot write snapshot \(url.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected = stored(fileName) else {
            Issue.record("missing snapshot \(fileName); record it with \(recordVariable)=1 and review the file",
                         sourceLocation: sourceLocation)
            return
        }
        guard expected != actual else { return }
        Issue.record("snapshot \(fileName) differs:\n\(lineDiff(expected: expected, actual: actual))",
                     sourceLocation: sourceLocation)
    }

    /// The snapshot from the test bundle, falling back to the source tree.
    private static func stored(_ fileName: String) -> String? {
        let bundled = Bundle.module.url(forResource: fileName, withExtension: nil, subdirectory: "Snapshots")
        let url = bundled ?? sourceDirectory.appendingPathComponent(fileName)
        return try? String(contentsOf: url, encoding: .utf8)
    }

    private static var sourceDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Snapshots")
    }

    /// Differing lines as `-expected` / `+actual` pairs with 1-based line numbers.
    static func lineDiff(expected: String, actual: String) -> String {
        let old = expected.components(separatedBy: "\n")
        let new = actual.components(separatedBy: "\n")
        var out: [String] = []
        for index in 0..<max(old.count, new.count) {
            let before = index < old.count ? old[index] : "<none>"
            let after = index < new.count ? new[index] : "<none>"
            if before != after { out += ["line \(index + 1):", "-\(before)", "+\(after)"] }
        }
        return out.prefix(30).joined(separator: "\n")
    }
}
