import Foundation

/// One line per redraw of a screen, appended to a file, so a benchmark outside the process can
/// tell when a call reached the terminal: `WALL_SECONDS THROUGH_SEQ BYTES LINK CALLS`, the wall
/// clock (seconds since 1970, to the microsecond) taken right after the bytes were written,
/// the newest event received, the bytes written, `live`/`connecting`/`reconnecting`, and the
/// drawn calls' tickets newest first, comma-separated (`-` when none).
public final class PaintLog: Sendable {
    private let handle: FileHandle

    /// Nil when the file cannot be opened for appending.
    public init?(path: String) {
        if !FileManager.default.fileExists(atPath: path) { FileManager.default.createFile(atPath: path, contents: nil) }
        guard let handle = FileHandle(forWritingAtPath: path) else { return nil }
        handle.seekToEndOfFile()
        self.handle = handle
    }

    deinit {
        try? handle.close()
    }

    public func append(_ paint: DisplayLoop.Paint) {
        let wall = String(format: "%.6f", Date().timeIntervalSince1970)
        let calls = paint.calls.isEmpty ? "-" : paint.calls.joined(separator: ",")
        let line = "\(wall) \(paint.throughSeq ?? -1) \(paint.bytes) \(paint.link) \(calls)\n"
        try? handle.write(contentsOf: Data(line.utf8))
    }
}
