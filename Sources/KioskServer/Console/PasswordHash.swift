import CLibCrypto
import Foundation

/// A console user's password as it is kept: PBKDF2-HMAC-SHA256 of the password with a random
/// salt, written `pbkdf2-sha256$ITERATIONS$SALT$HASH` (salt and hash in base64).
///
/// Slow on purpose: a copied `users.json` must not give up its passwords to a GPU in an
/// afternoon. The iteration count is stored with each hash, so raising the default later
/// leaves older passwords working.
public struct PasswordHash: Sendable, Equatable, CustomStringConvertible {
    /// OWASP's figure for PBKDF2-HMAC-SHA256 (2023): 0.3–0.6 s of one core on the hall PC class.
    public static let defaultIterations = 600_000
    static let scheme = "pbkdf2-sha256"
    static let saltLength = 16
    static let hashLength = 32

    public let iterations: Int
    public let salt: [UInt8]
    public let hash: [UInt8]

    /// Hashes `password` with a fresh random salt.
    public static func make(password: String, iterations: Int = defaultIterations) -> PasswordHash {
        let salt = SecureRandom.bytes(saltLength)
        return PasswordHash(iterations: iterations, salt: salt, hash: derive(password, salt: salt, iterations: iterations, length: hashLength))
    }

    init(iterations: Int, salt: [UInt8], hash: [UInt8]) {
        self.iterations = iterations
        self.salt = salt
        self.hash = hash
    }

    /// Parses the stored form; nil for anything else (the file was edited by hand).
    public init?(encoded: String) {
        let parts = encoded.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == Self.scheme,
              let iterations = Int(parts[1]), (1...10_000_000).contains(iterations),
              let salt = Data(base64Encoded: String(parts[2])), salt.count >= 8,
              let hash = Data(base64Encoded: String(parts[3])), hash.count == Self.hashLength
        else { return nil }
        self.init(iterations: iterations, salt: Array(salt), hash: Array(hash))
    }

    public var description: String {
        "\(Self.scheme)$\(iterations)$\(Data(salt).base64EncodedString())$\(Data(hash).base64EncodedString())"
    }

    /// Whether `password` is the one hashed, compared in constant time.
    public func matches(_ password: String) -> Bool {
        let candidate = Self.derive(password, salt: salt, iterations: iterations, length: hash.count)
        return CRYPTO_memcmp(candidate, hash, hash.count) == 0
    }

    /// PBKDF2-HMAC-SHA256 (RFC 8018) of `password`, `length` bytes (exposed for the RFC 7914 vectors).
    public static func derive(_ password: String, salt: [UInt8], iterations: Int, length: Int) -> [UInt8] {
        // A trailing NUL so even an empty password has a buffer to point at; not counted.
        let secret = Array(password.utf8CString)
        var out = [UInt8](repeating: 0, count: length)
        let ok = secret.withUnsafeBufferPointer { p in
            salt.withUnsafeBufferPointer { s in
                out.withUnsafeMutableBufferPointer { o in
                    PKCS5_PBKDF2_HMAC(
                        p.baseAddress, Int32(p.count - 1), s.baseAddress, Int32(s.count), Int32(iterations), EVP_sha256(),
                        Int32(length), o.baseAddress
                    ) == 1
                }
            }
        }
        precondition(ok, "PBKDF2-HMAC-SHA256 failed")
        return out
    }
}

/// The system's cryptographic random source (OpenSSL's `RAND_bytes`).
enum SecureRandom {
    static func bytes(_ count: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        let ok = bytes.withUnsafeMutableBufferPointer { RAND_bytes($0.baseAddress, Int32(count)) == 1 }
        precondition(ok, "no random bytes from the system")
        return bytes
    }

    /// `count` random bytes as lowercase hex (session ids, CSRF tokens: cookie- and form-safe).
    static func hex(_ count: Int) -> String {
        bytes(count).map { String(format: "%02x", $0) }.joined()
    }
}
