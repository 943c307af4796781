import KioskCore
import Testing

@Suite struct TokenBookTests {
    let full = """
    {"kiosk":"kiosk-0123456789abcdef","supervisor":"supervisor-0123456789abcdef","display":"display-0123456789abcdef",
     "admin":"admin-0123456789abcdef","windows":{"1":"window-1-0123456789abcdef","3":"window-3-0123456789abcdef"}}
    """

    @Test func theFullFileGivesEachRoleItsOwnTokenAndAMissingWindowNothing() throws {
        let book = try TokenBook.parse(full)
        #expect(!book.isDeviceFile)
        #expect(book.token(for: .kiosk) == "kiosk-0123456789abcdef")
        #expect(book.token(for: .window("3")) == "window-3-0123456789abcdef")
        // No fallback to the supervisor's for a window the file does not know.
        #expect(book.token(for: .window("2")) == nil)
    }

    @Test func aDeviceFileHoldsOneRoleOnly() throws {
        let text = TokenBook.deviceFile(role: .window("3"), token: "window-3-0123456789abcdef").serialized()
        let book = try TokenBook.parse(text)
        #expect(book.isDeviceFile)
        #expect(book.tokens == [.window("3"): "window-3-0123456789abcdef"])
        #expect(book.token(for: .supervisor) == nil && book.token(for: .window("1")) == nil)
        #expect(book.holdings == "only the window 3 token")
        let kiosk = try TokenBook.parse(TokenBook.deviceFile(role: .kiosk, token: "kiosk-0123456789abcdef").serialized())
        #expect(kiosk.tokens == [.kiosk: "kiosk-0123456789abcdef"])
    }

    @Test(arguments: [
        "", "[]", "{\"format\":\"other/1\",\"role\":\"kiosk\",\"token\":\"kiosk-0123456789abcdef\"}",
        "{\"format\":\"kiosk-device-token/1\",\"role\":\"kiosk\",\"token\":\"short\"}",
        "{\"format\":\"kiosk-device-token/1\",\"role\":\"root\",\"token\":\"kiosk-0123456789abcdef\"}",
        "{\"format\":\"kiosk-device-token/1\",\"role\":\"window\",\"token\":\"kiosk-0123456789abcdef\"}",
        "{\"format\":\"kiosk-device-token/1\",\"token\":\"kiosk-0123456789abcdef\"}",
    ])
    func malformedFilesAreRefusedWithAReason(_ text: String) {
        #expect(throws: TokenBook.ParseError.self) { try TokenBook.parse(text) }
    }
}
