import Foundation
@testable import KioskServer
import Testing

@Suite struct PasswordHashTests {
    static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    /// RFC 7914 §11's PBKDF2-HMAC-SHA256 vectors: our call into libcrypto is the standard function.
    @Test func derivesTheRFC7914Vectors() {
        #expect(Self.hex(PasswordHash.derive("passwd", salt: Array("salt".utf8), iterations: 1, length: 64))
            == "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783")
        #expect(Self.hex(PasswordHash.derive("Password", salt: Array("NaCl".utf8), iterations: 80000, length: 64))
            == "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d")
    }

    @Test func matchesOnlyItsOwnPassword() {
        let hash = PasswordHash.make(password: "值班长 2026!", iterations: 1000)
        #expect(hash.matches("值班长 2026!"))
        #expect(!hash.matches("值班长 2026"))
        #expect(!hash.matches(""))
        #expect(!PasswordHash.make(password: "", iterations: 1000).matches("x"))
        #expect(PasswordHash.make(password: "", iterations: 1000).matches(""))
    }

    @Test func storedFormRoundTripsAndKeepsItsIterations() throws {
        let hash = PasswordHash.make(password: "correct horse", iterations: 1234)
        let text = hash.description
        #expect(text.hasPrefix("pbkdf2-sha256$1234$"))
        #expect(!text.contains("correct horse"))
        let read = try #require(PasswordHash(encoded: text))
        #expect(read == hash)
        #expect(read.matches("correct horse"))
    }

    @Test func theSamePasswordGetsADifferentSaltEachTime() {
        let a = PasswordHash.make(password: "same password", iterations: 1000)
        let b = PasswordHash.make(password: "same password", iterations: 1000)
        #expect(a.salt != b.salt)
        #expect(a.hash != b.hash)
    }

    @Test func theDefaultIsSlow() {
        #expect(PasswordHash.defaultIterations >= 600_000)
        #expect(PasswordHash.make(password: "x").iterations == PasswordHash.defaultIterations)
    }

    @Test(arguments: [
        "", "plain", "pbkdf2-sha256$1000$c2FsdHNhbHQ=", "md5$1000$c2FsdHNhbHQ=$" + String(repeating: "A", count: 44),
        "pbkdf2-sha256$0$c2FsdHNhbHQ=$" + Data(count: 32).base64EncodedString(),
        "pbkdf2-sha256$1000$!!$" + Data(count: 32).base64EncodedString(),
        "pbkdf2-sha256$1000$c2FsdHNhbHQ=$" + Data(count: 16).base64EncodedString(),
    ])
    func refusesAnythingElseAsAStoredHash(_ text: String) {
        #expect(PasswordHash(encoded: text) == nil)
    }
}
