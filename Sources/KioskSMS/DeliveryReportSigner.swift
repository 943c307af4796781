import CLibCrypto
import Foundation

/// Signs and checks the message id in a delivery-report callback URL.
///
/// The gateway calls `/v1/sms/dlr` without a token, and message ids are sequential, so anyone on
/// the hall's LAN could otherwise mark any message delivered. Each `dlr-url` Kiosk gives the
/// gateway carries `sig`, the HMAC-SHA256 of the message id under a key only the daemon holds
/// (`DATA-DIR/dlr.key`, 0600); a report is believed only if its `sig` matches.
public struct DeliveryReportSigner: Sendable {
    /// The key's length in bytes (a full SHA-256 block's worth of entropy is more than enough).
    public static let keyLength = 32
    /// Hex characters of the signature in the URL: 128 bits, short enough for any gateway.
    public static let signatureLength = 32

    private let key: [UInt8]

    public init(key: [UInt8]) {
        precondition(key.count >= 16, "a delivery-report key needs at least 16 bytes")
        self.key = key
    }

    /// The signature for message `id`: hex of HMAC-SHA256(key, "dlr:<id>"), truncated.
    public func signature(for id: Int64) -> String {
        let mac = Self.hmacSHA256(key: key, message: Array("dlr:\(id)".utf8))
        return String(Self.hex(mac).prefix(Self.signatureLength))
    }

    /// Whether `presented` is message `id`'s signature, compared in constant time.
    public func isValid(_ presented: String, for id: Int64) -> Bool {
        let expected = Array(signature(for: id).utf8)
        let given = Array(presented.utf8)
        guard given.count == expected.count else { return false }
        return CRYPTO_memcmp(expected, given, expected.count) == 0
    }

    /// HMAC-SHA256 of `message` under `key`, in hex (exposed for tests against RFC 4231).
    public static func hmacHex(key: [UInt8], message: [UInt8]) -> String {
        hex(hmacSHA256(key: key, message: message))
    }

    static func hmacSHA256(key: [UInt8], message: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let ok = key.withUnsafeBytes { k in
            message.withUnsafeBytes { m in
                out.withUnsafeMutableBytes { o in
                    HMAC(EVP_sha256(), k.baseAddress, Int32(k.count), m.baseAddress?.assumingMemoryBound(to: UInt8.self), m.count,
                         o.baseAddress?.assumingMemoryBound(to: UInt8.self), &length) != nil
                }
            }
        }
        precondition(ok && length == 32, "HMAC-SHA256 failed")
        return Array(out.prefix(Int(length)))
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `count` bytes from the system's cryptographic random source.
    public static func randomBytes(_ count: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        let ok = bytes.withUnsafeMutableBytes { RAND_bytes($0.baseAddress?.assumingMemoryBound(to: UInt8.self), Int32(count)) == 1 }
        precondition(ok, "no random bytes from the system")
        return bytes
    }
}
