import Foundation
import KioskSMS
import Testing

@Suite("Delivery report signer")
struct DeliveryReportSignerTests {
    /// RFC 4231 test case 2 ("Jefe"), truncated to the URL's 32 hex characters.
    @Test func signatureIsHMACSHA256OfTheMessageID() {
        // HMAC-SHA256("Jefe", "what do ya want for nothing?") = 5bdcc146bf60754e6a042426089575c7…
        let rfc = DeliveryReportSigner.hmacHex(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8))
        #expect(rfc == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        let signer = DeliveryReportSigner(key: Array("0123456789abcdef".utf8))
        let expected = DeliveryReportSigner.hmacHex(key: Array("0123456789abcdef".utf8), message: Array("dlr:42".utf8))
        #expect(signer.signature(for: 42) == String(expected.prefix(32)))
        #expect(signer.isValid(signer.signature(for: 42), for: 42))
        #expect(!signer.isValid(signer.signature(for: 42), for: 43))
        #expect(!signer.isValid("", for: 42))
        #expect(!signer.isValid(String(signer.signature(for: 42).dropLast()), for: 42))
    }

    @Test func keyFileIsCreatedPrivateAndReused() throws {
        let dir = NSTemporaryDirectory() + "kiosk-dlr-key-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let first = try DeliveryReportSigner.loadOrCreate(dataDirectory: dir)
        let again = try DeliveryReportSigner.loadOrCreate(dataDirectory: dir)
        #expect(first.signature(for: 7) == again.signature(for: 7))
        let mode = try FileManager.default.attributesOfItem(atPath: dir + "/dlr.key")[.posixPermissions] as? Int
        #expect(mode == 0o600)
        try "not hex".write(toFile: dir + "/dlr.key", atomically: true, encoding: .utf8)
        #expect(throws: DeliveryReportSigner.KeyFileError.self) { try DeliveryReportSigner.loadOrCreate(dataDirectory: dir) }
    }
}
