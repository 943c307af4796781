import Foundation

/// Lines appended to a new file through a 1 MiB buffer (`kiosk replay` writes a few hundred
/// thousand update lines a day).
public final class LineFileWriter {
    private let handle: FileHandle
    private var buffer: [UInt8] = []

    public struct CannotWrite: Error, CustomStringConvertible {
        public var path: String
        public var description: String { "cannot write \(path)" }
    }

    /// Creates (or empties) the file at `path`.
    public init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw CannotWrite(path: path)
        }
        self.handle = handle
        buffer.reserveCapacity(1 << 20)
    }

    /// Appends `line` and a newline.
    public func write(_ line: String) {
        buffer.append(contentsOf: line.utf8)
        buffer.append(0x0A)
        if buffer.count >= 1 << 20 { flush() }
    }

    private func flush() {
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered and closes the file.
    public func close() throws {
        flush()
        try handle.close()
    }
}
