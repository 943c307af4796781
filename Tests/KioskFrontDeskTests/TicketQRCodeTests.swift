import Foundation
import KioskAPI
import KioskTestSupport
import Testing
@testable import KioskFrontDesk

/// The ticket page's QR code on the printed ticket: decoded back from the printer's bytes by an
/// independent reader (zbar's `zbarimg`, Debian's zbar-tools), not by the library that made it.
@Suite struct TicketQRCodeTests {
    static let page = "https://q.liancheng.example.gov.cn/t/2026-03-02/C014?k=3f9c2a7b1e8d4c6a0b5f"
    static let zbarimg = "/usr/bin/zbarimg"

    static var ticket: IssuedTicket {
        var ticket = Fixtures.ticket
        ticket.pageURL = page
        return ticket
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: zbarimg), "needs zbarimg (scripts/install-deps test)"), arguments: Paper.allCases)
    func theRasterQRCodeOnTheTicketDecodesToThePageAddress(paper: Paper) throws {
        let decoded = try EscPosDecoded(EscPosTicket.bytes(Self.ticket, paper: paper, qr: .raster))
        let raster = try #require(decoded.rasters.first)
        #expect(decoded.rasters.count == 1)
        // Within the printable width, centred (ESC a 1 before it).
        #expect(raster.rowBytes * 8 <= EscPosQR.printableDots(paper) + 7)
        #expect(raster.height >= 150, "too small to scan: \(raster.height) dots")
        let index = try #require(decoded.commands.firstIndex { $0.hasPrefix("raster") })
        #expect(decoded.commands[index - 1] == "align 1")
        let png = NSTemporaryDirectory() + "ticket-qr-\(paper.rawValue)-\(UUID().uuidString).png"
        defer { try? FileManager.default.removeItem(atPath: png) }
        try PNGFile.write(width: raster.rowBytes * 8, height: raster.height, scale: 1, to: png) { x, y in
            raster.bits[y * raster.rowBytes + x / 8] & (0x80 >> UInt8(x % 8)) != 0
        }
        let result = try runCommand(Self.zbarimg, ["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", png])
        #expect(result.status == 0, "zbarimg: \(result.output)")
        #expect(result.output.trimmingCharacters(in: .whitespacesAndNewlines) == Self.page)
        // The address is printed under it too, whole, for a phone without a QR reader.
        #expect(decoded.lines.contains { Self.page.hasSuffix($0.text) && $0.text.hasSuffix("?k=3f9c2a7b1e8d4c6a0b5f") })
        #expect(decoded.lines.contains { $0.text.contains("扫码") })
    }

    @Test(arguments: Paper.allCases)
    func aPrinterWithItsOwnQRCommandGetsModel2LevelMAndTheAddress(paper: Paper) throws {
        let decoded = try EscPosDecoded(EscPosTicket.bytes(Self.ticket, paper: paper, qr: .native))
        #expect(decoded.rasters.isEmpty)
        let functions = decoded.qrFunctions
        #expect(functions.map(\.function) == [0x41, 0x43, 0x45, 0x50, 0x51])
        #expect(functions[0].parameters == [0x32, 0x00])                        // model 2
        #expect(functions[1].parameters == [UInt8(EscPosQR.moduleDots(paper))]) // module size
        #expect(functions[2].parameters == [0x31])                              // level M
        #expect(functions[3].parameters == [0x30] + Array(Self.page.utf8))      // the data
        #expect(functions[4].parameters == [0x30])                              // print
    }

    @Test func theScreenTicketShowsTheAddressAndNoQRBytes() {
        let lines = TicketText.lines(Self.ticket, columns: 48)
        #expect(lines.contains { $0.contains("q.liancheng.example.gov.cn/t/2026-03-02/C014?k=3f9c2a7b1e8d4c6a0b5f") })
        #expect(!lines.joined().contains("/v1/tickets/"))
        // Without a page (an older daemon) the status address stays.
        #expect(TicketText.lines(Fixtures.ticket, columns: 48).joined().contains("/v1/tickets/C014"))
    }

    @Test func thePageAddressIsThePublicOneOrTheMachinesServerPlusThePath() throws {
        let status = TicketStatus(ticket: "A003", service: "A", serviceName: "求职登记", issuedAt: "09:00:05")
        let path = "/t/2026-03-02/A003?k=0123456789abcdef0123"
        var answer = IssuedTicketAnswer(ticket: status, pageURL: path)
        #expect(IssuedTicket(answer: answer, publicBase: "http://192.168.1.10:8080/").pageURL == "http://192.168.1.10:8080" + path)
        answer.publicPageURL = "https://q.example.gov.cn" + path
        #expect(IssuedTicket(answer: answer, publicBase: "http://192.168.1.10:8080").pageURL == "https://q.example.gov.cn" + path)
        #expect(IssuedTicket(answer: IssuedTicketAnswer(ticket: status), publicBase: "http://h").pageURL == nil)
    }

    @Test func libqrencodeMakesTheSmallestSymbolAndRefusesWhatCannotFit() throws {
        let code = try #require(QRMatrix(Self.page))
        #expect(code.size == 37)   // 75 bytes: version 5 (up to 84 bytes at level M; version 4 holds 62)
        // The three finder patterns' corners are dark.
        #expect(code.isDark(x: 0, y: 0) && code.isDark(x: code.size - 1, y: 0) && code.isDark(x: 0, y: code.size - 1))
        #expect(QRMatrix(String(repeating: "x", count: 3_000)) == nil)
        #expect(EscPosQR.bytes(String(repeating: "x", count: 3_000), paper: .mm80, printing: .raster) == nil)
    }
}
