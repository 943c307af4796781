import CLibCrypto

/// The static secret in the reply URL the gateway calls (`/v1/sms/mo?…&key=…`).
///
/// Kannel's `get-url` is fixed text with the message's fields filled in: it cannot sign each
/// reply the way Kiosk signs each delivery-report URL. So the URL carries one random key, kept
/// in the data directory (`mo.key`, 0600) and printed by `kiosk sms kannel-config`; a reply
/// without it is refused and changes nothing.
public struct ReplyKey: Sendable {
    /// The key file's name in the data directory.
    public static let fileName = "mo.key"
    /// 128 bits: unguessable, and short enough for any gateway's URL.
    public static let length = 16

    /// The key as it appears in the URL (hex).
    public let text: String

    public init(key: [UInt8]) {
        text = DeliveryReportSigner.hex(key)
    }

    /// The key of the daemon whose data directory is `directory` (made on first use).
    public static func loadOrCreate(dataDirectory directory: String) throws -> ReplyKey {
        ReplyKey(key: try SecretKeyFile.loadOrCreate(
            directory: directory, name: fileName, length: length,
            consequence: "the gateway's get-url must then be given the new key (kiosk sms kannel-config)"
        ))
    }

    /// Whether `presented` is the key, compared in constant time (no timing tells how much of a
    /// guess was right).
    public func matches(_ presented: String) -> Bool {
        let expected = Array(text.utf8)
        let given = Array(presented.utf8)
        guard given.count == expected.count else { return false }
        return CRYPTO_memcmp(expected, given, expected.count) == 0
    }
}
