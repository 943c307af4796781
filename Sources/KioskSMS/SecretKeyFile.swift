import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A random secret kept in the data directory as hex, created 0600 (never readable by others,
/// not even for a moment): the delivery-report key (`dlr.key`) and the reply key (`mo.key`).
public enum SecretKeyFile {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The key in `directory/name`, or a fresh random one of `length` bytes written there.
    /// Two processes racing to create it end up with the same key (the loser reads the winner's).
    public static func loadOrCreate(directory: String, name: String, length: Int, consequence: String) throws -> [UInt8] {
        let path = directory + "/" + name
        if let text = try? String(contentsOfFile: path, encoding: .utf8) {
            guard let key = parseHex(text.trimmingCharacters(in: .whitespacesAndNewlines)), key.count >= 16 else {
                throw Failure(description: "\(path): expected at least 16 bytes of hex (delete it to make a new key; \(consequence))")
            }
            return key
        }
        let key = DeliveryReportSigner.randomBytes(length)
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else {
            // Another process made it between our read and our create: use theirs.
            if errno == EEXIST { return try loadOrCreate(directory: directory, name: name, length: length, consequence: consequence) }
            throw Failure(description: "cannot create \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        let text = Array((DeliveryReportSigner.hex(key) + "\n").utf8)
        guard write(fd, text, text.count) == text.count, fsync(fd) == 0 else {
            throw Failure(description: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
        return key
    }

    static func parseHex(_ text: String) -> [UInt8]? {
        let utf8 = Array(text.utf8)
        guard utf8.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        var i = 0
        while i < utf8.count {
            guard let byte = UInt8(String(decoding: utf8[i..<i + 2], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(byte)
            i += 2
        }
        return bytes
    }
}
