import Foundation
import KioskAPI
import KioskDisplay
import Testing
@testable import KioskFrontDesk

/// What an ESC/POS printer would do with our bytes, decoded back: the text lines (GB18030),
/// which were double size, and the commands seen.
struct EscPosDecoded {
    var lines: [(text: String, bytes: [UInt8], double: Bool, small: Bool)] = []
    var commands: [String] = []
    /// `GS v 0` images: bytes per row, rows, the bits (1 = a printed dot).
    var rasters: [(rowBytes: Int, height: Int, bits: [UInt8])] = []
    /// `GS ( k` QR functions as `cn fn` → parameters, in order (the data of `31 50 30`).
    var qrFunctions: [(function: UInt8, parameters: [UInt8])] = []

    init(_ bytes: [UInt8]) throws {
        var i = 0
        var line: [UInt8] = []
        var double = false
        var lineDouble = false
        var small = false
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case 0x1B:
                let c = bytes[i + 1]
                switch c {
                case 0x40: commands.append("init"); i += 2
                case 0x61: commands.append("align \(bytes[i + 2])"); i += 3
                case 0x64: commands.append("feed \(bytes[i + 2])"); i += 3
                case 0x4D: commands.append("font \(bytes[i + 2])"); small = bytes[i + 2] == 1; i += 3
                default: throw DecodeError(message: "unknown ESC \(c)")
                }
            case 0x1C:
                guard bytes[i + 1] == 0x26 else { throw DecodeError(message: "unknown FS") }
                commands.append("chinese"); i += 2
            case 0x1D:
                let c = bytes[i + 1]
                if c == 0x21 {
                    double = bytes[i + 2] == 0x11
                    if double { lineDouble = true }
                    commands.append("size \(bytes[i + 2])"); i += 3
                } else if c == 0x56 {
                    commands.append("cut"); i += bytes[i + 2] >= 65 ? 4 : 3
                } else if c == 0x76, bytes[i + 2] == 0x30 {
                    let rowBytes = Int(bytes[i + 4]) | Int(bytes[i + 5]) << 8, height = Int(bytes[i + 6]) | Int(bytes[i + 7]) << 8
                    let start = i + 8, end = start + rowBytes * height
                    guard end <= bytes.count else { throw DecodeError(message: "raster runs past the end") }
                    rasters.append((rowBytes, height, Array(bytes[start..<end])))
                    commands.append("raster \(rowBytes * 8)x\(height)"); i = end
                } else if c == 0x28, bytes[i + 2] == 0x6B {
                    let length = Int(bytes[i + 3]) | Int(bytes[i + 4]) << 8
                    guard bytes[i + 5] == 0x31, length >= 2, i + 5 + length <= bytes.count else { throw DecodeError(message: "bad GS ( k") }
                    qrFunctions.append((bytes[i + 6], Array(bytes[(i + 7)..<(i + 5 + length)])))
                    commands.append("qr \(bytes[i + 6])"); i += 5 + length
                } else { throw DecodeError(message: "unknown GS \(c)") }
            case 0x0A:
                guard let text = GB18030.decode(line) else { throw DecodeError(message: "not GB18030: \(line)") }
                lines.append((text, line, lineDouble, small))
                line = []
                lineDouble = double
                i += 1
            default:
                line.append(b); i += 1
            }
        }
        if !line.isEmpty { throw DecodeError(message: "text after the last LF") }
    }

    /// Printer columns a line takes: one per single-byte character, two per multi-byte
    /// GB18030 character (how a Chinese thermal printer prints), doubled in double size.
    static func printedColumns(_ bytes: [UInt8], double: Bool) -> Int {
        var columns = 0, i = 0
        while i < bytes.count {
            if bytes[i] < 0x80 { columns += 1; i += 1; continue }
            // GB18030: 2 bytes, or 4 when the second is a digit.
            i += (i + 1 < bytes.count && (0x30...0x39).contains(bytes[i + 1])) ? 4 : 2
            columns += 2
        }
        return double ? columns * 2 : columns
    }

    struct DecodeError: Error { var message: String }
}

@Suite struct TicketPrintTests {
    @Test(arguments: Paper.allCases)
    func escPosDecodesToTheTicketWithinThePaperWidth(paper: Paper) throws {
        let bytes = EscPosTicket.bytes(Fixtures.ticket, paper: paper)
        #expect(Array(bytes.prefix(4)) == [0x1B, 0x40, 0x1C, 0x26])
        let decoded = try EscPosDecoded(bytes)
        #expect(decoded.commands.first == "init")
        #expect(decoded.commands.last == "cut")
        #expect(decoded.commands.contains("size 17"))
        #expect(Array(bytes.suffix(4)) == [0x1D, 0x56, 0x42, 0x00])
        // The small font's line is the status address, kept whole (the printer's own width).
        for line in decoded.lines where !line.small {
            let columns = EscPosDecoded.printedColumns(line.bytes, double: line.double)
            #expect(columns <= paper.columns, "\(paper): \(columns) columns: \(line.text)")
            #expect(DisplayWidth.columns(of: line.text, ambiguous: .wide) * (line.double ? 2 : 1) <= paper.columns)
        }
        let text = decoded.lines.map(\.text).joined(separator: "\n")
        // The number, double size, on its own line.
        #expect(decoded.lines.contains { $0.double && $0.text == "C014" })
        for needle in ["失业登记/失业证", "09:12:40", "前面等候 Ahead: 5 人", "约 18 分钟", "(11-27)", "身份证", "解除劳动合同书",
                       "138****8000", "139****1234", "优先 Priority", "查询进度"] {
            #expect(text.contains(needle), "\(paper) lacks \(needle):\n\(text)")
        }
        // The status address is on one line, whole (its http:// dropped when it does not fit).
        #expect(decoded.lines.contains { Fixtures.ticket.statusURL.hasSuffix($0.text) && $0.text.hasSuffix("/v1/tickets/C014") && $0.text.count > 40 })
        // No phone number appears in full.
        #expect(!text.contains("13800138000"))
    }

    @Test func gb18030RoundTripsChineseAndPunctuation() {
        let text = "连城县人社局 · 失业登记/失业证 — 请携带身份证…（如有）"
        let bytes = GB18030.encode(text)
        #expect(GB18030.decode(bytes) == text)
        // 社 is C9E7 in GB2312 (a subset of GB18030).
        #expect(Array(GB18030.encode("社")) == [0xC9, 0xE7])
    }

    @Test func tickets80mmUseFewerLinesThan58mm() throws {
        let narrow = try EscPosDecoded(EscPosTicket.bytes(Fixtures.ticket, paper: .mm58))
        let wide = try EscPosDecoded(EscPosTicket.bytes(Fixtures.ticket, paper: .mm80))
        #expect(narrow.lines.count > wide.lines.count)
    }

    @Test(arguments: [24, 32, 48, 72])
    func ticketTextRespectsItsWidthWithCJK(columns: Int) {
        let lines = TicketText.lines(Fixtures.ticket, columns: columns)
        // The status address is never broken (wider than a narrow slip, it runs past it whole).
        for line in lines where !line.contains("/v1/tickets/") { #expect(DisplayWidth.columns(of: line) <= columns, "\(columns): \(line)") }
        #expect(lines.contains { $0.contains("█") })
        #expect(lines.joined().contains("解除劳动合同书"))
    }

    @Test func ticketWithoutPhoneHasNoSMSLine() {
        var ticket = Fixtures.ticket
        ticket.smsTo = nil
        ticket.smsCaretaker = nil
        #expect(!TicketText.lines(ticket, columns: 48).joined().contains("SMS"))
        #expect(TicketText.lines(Fixtures.ticket, columns: 48).joined().contains("SMS"))
    }

    @Test func wrappingNeverSplitsAWideGlyphAndPrefersSpaces() {
        let lines = TextWrap.wrap("请备好以下材料 Please have ready your documents", columns: 15)
        for line in lines { #expect(DisplayWidth.columns(of: line) <= 15) }
        #expect(lines.joined(separator: " ") == "请备好以下材料 Please have ready your documents")
        #expect(TextWrap.wrap("一二三四五", columns: 3) == ["一", "二", "三", "四", "五"])
    }

    @Test func printerAppendsToAFile() throws {
        let path = NSTemporaryDirectory() + "ticket-\(UUID().uuidString).bin"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let printer = TicketPrinter(path: path, paper: .mm58)
        try printer.print(Fixtures.ticket)
        try printer.print(Fixtures.ticket)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(data.count == EscPosTicket.bytes(Fixtures.ticket, paper: .mm58).count * 2)
    }

    @Test func issueAnswerBecomesATicketWithAnAbsoluteStatusURL() throws {
        let json = #"{"ticket":"A003","service":"A","service_name":"求职登记","priority":false,"state":"waiting","issued_at":"09:00:05","people_ahead":2,"estimate_min":9,"estimate_low_min":5,"estimate_high_min":14,"explanation":"前面 2 人","explanation_en":"2 ahead","documents":["身份证"],"status_url":"/v1/tickets/A003","sms_to":"138****8000"}"#
        let ticket = IssuedTicket(answer: try APICoding.decode(IssuedTicketAnswer.self, from: json), publicBase: "http://hall:8080/", service: Fixtures.services[0])
        #expect(ticket.statusURL == "http://hall:8080/v1/tickets/A003")
        #expect(ticket.serviceNameEN == "Job-seeker registration")
        #expect(ticket.peopleAhead == 2 && ticket.estimateLowMin == 5 && ticket.smsTo == "138****8000")
    }
}
