import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension DeliveryReportSigner {
    /// The key file's name in the data directory.
    public static let keyFileName = "dlr.key"

    public struct KeyFileError: Error, CustomStringConvertible {
        public var description: String
    }

    /// The signer for the daemon whose data directory is `directory`: its key from `dlr.key`
    /// (hex), or a fresh random key written there, created 0600 (never readable by others,
    /// not even for a moment).
    public static func loadOrCreate(dataDirectory directory: String) throws -> DeliveryReportSigner {
        let path = directory + "/" + keyFileName
        if let text = try? String(contentsOfFile: path, encoding: .utf8) {
            guard let key = parseHex(text.trimmingCharacters(in: .whitespacesAndNewlines)), key.count >= 16 else {
                throw KeyFileError(description: "\(path): expected at least 16 bytes of hex (delete it to make a new key; reports for messages already sent will then be refused)")
            }
            return DeliveryReportSigner(key: key)
        }
        let key = randomBytes(keyLength)
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else {
            // Another process made it between our read and our create: use theirs.
            if errno == EEXIST { return try loadOrCreate(dataDirectory: directory) }
            throw KeyFileError(description: "cannot create \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        let text = Array((hex(key) + "\n").utf8)
        guard write(fd, text, text.count) == text.count, fsync(fd) == 0 else {
            throw KeyFileError(description: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
        return DeliveryReportSigner(key: key)
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
