import Foundation
import KioskCore
import Testing
@testable import KioskFrontDesk

/// Every client reads its token file here: the role's own token, or a reason naming the file.
@Suite struct TokenFileReaderTests {
    let dir = NSTemporaryDirectory() + "kiosk-tokenfile-" + UUID().uuidString
    let kiosk = String(repeating: "k", count: 24), window3 = String(repeating: "w", count: 24)

    func write(_ text: String, _ name: String) throws -> String {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8)
        return dir + "/" + name
    }

    @Test func theFullFileGivesEachRoleItsOwnToken() throws {
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = try write(#"{"kiosk":"\#(kiosk)","windows":{"3":"\#(window3)"}}"#, "tokens.json")
        #expect(try TokenFileReader.token(for: .kiosk, at: path) == kiosk)
        #expect(try TokenFileReader.token(for: .window("3"), at: path) == window3)
        #expect(throws: TokenFileReader.Problem.lacks(path: path, holdings: "tokens for kiosk, window 3", role: .supervisor)) {
            try TokenFileReader.token(for: .supervisor, at: path)
        }
        #expect(try FrontDeskTokens.read(path: path) == FrontDeskTokens(kiosk: kiosk, windows: ["3": window3]))
    }

    @Test func aDeviceFileHoldsOneRoleAndNoOther() throws {
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = try write(TokenBook.deviceFile(role: .window("3"), token: window3).serialized(), "w3.token")
        #expect(try TokenFileReader.token(for: .window("3"), at: path) == window3)
        let refusal = #expect(throws: TokenFileReader.Problem.self) { try TokenFileReader.token(for: .window("4"), at: path) }
        #expect(refusal?.description == "\(path) holds only the window 3 token, not the window 4 token")
    }

    @Test func theLeastRoleAskedForIsPresentedWhenTheFileHoldsIt() throws {
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let admin = String(repeating: "a", count: 24), booking = String(repeating: "b", count: 24)
        let full = try write(#"{"kiosk":"\#(kiosk)","admin":"\#(admin)","booking":"\#(booking)"}"#, "tokens.json")
        #expect(try TokenFileReader.token(for: [.booking, .admin], at: full) == booking)
        // A token file from before the booking role: the admin token, as before.
        let older = try write(#"{"kiosk":"\#(kiosk)","admin":"\#(admin)"}"#, "older.json")
        #expect(try TokenFileReader.token(for: [.booking, .admin], at: older) == admin)
        let device = try write(TokenBook.deviceFile(role: .booking, token: booking).serialized(), "booking.token")
        #expect(try TokenFileReader.token(for: [.booking, .admin], at: device) == booking)
        let kioskOnly = try write(TokenBook.deviceFile(role: .kiosk, token: kiosk).serialized(), "kiosk.token")
        let refusal = #expect(throws: TokenFileReader.Problem.self) { try TokenFileReader.token(for: [.booking, .admin], at: kioskOnly) }
        #expect(refusal?.description == "\(kioskOnly) holds only the kiosk token, not the booking token")
    }

    @Test func aMissingOrBrokenFileSaysWhichFileAndWhy() throws {
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let missing = dir + "/nowhere.json"
        let unreadable = #expect(throws: TokenFileReader.Problem.self) { try TokenFileReader.book(at: missing) }
        #expect(unreadable == .unreadable(path: missing))
        #expect(unreadable?.description == "cannot read the token file \(missing)")
        let broken = try write("[1, 2]", "broken.json")
        let malformed = #expect(throws: TokenFileReader.Problem.self) { try FrontDeskTokens.read(path: broken) }
        #expect(malformed?.description == "\(broken): expected a JSON object")
    }
}
