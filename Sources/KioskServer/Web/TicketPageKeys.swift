import CLibCrypto
import KioskCore
import KioskSMS

/// The key that opens a ticket's page (`/t/{date}/{ticket}?k=KEY`), printed only on the ticket.
///
/// Each key is the HMAC-SHA256 of the date and the number under a secret only the daemon holds
/// (`DATA-DIR/page.key`, 0600): unpredictable to anyone without that file, different for every
/// ticket and day, and nothing to store, journal, purge or lose in a restart. Knowing one
/// ticket's key tells nothing about the next ticket's.
public struct TicketPageKeys: Sendable {
    /// The key file's name in the data directory.
    public static let keyFileName = "page.key"
    /// Hex characters in the URL: 80 bits, short enough for a small QR code.
    public static let keyLength = 20

    private let secret: [UInt8]

    public init(secret: [UInt8]) {
        precondition(secret.count >= 16, "a page key secret needs at least 16 bytes")
        self.secret = secret
    }

    /// The daemon's keys: the secret in `page.key`, or a fresh random one written there.
    public static func loadOrCreate(dataDirectory: String) throws -> TicketPageKeys {
        TicketPageKeys(secret: try SecretKeyFile.loadOrCreate(
            directory: dataDirectory, name: keyFileName, length: 32,
            consequence: "the pages of tickets already printed will then answer 404"
        ))
    }

    /// Ticket `number`'s key on `date`.
    public func key(date: BusinessDate, ticket number: TicketNumber) -> String {
        String(DeliveryReportSigner.hmacHex(key: secret, message: Array("page:\(date)/\(number)".utf8)).prefix(Self.keyLength))
    }

    /// Whether `presented` is that ticket's key, compared in constant time.
    public func isValid(_ presented: String, date: BusinessDate, ticket number: TicketNumber) -> Bool {
        let expected = Array(key(date: date, ticket: number).utf8)
        let given = Array(presented.utf8)
        guard given.count == expected.count else { return false }
        return CRYPTO_memcmp(expected, given, expected.count) == 0
    }
}
