import Foundation
import KioskDisplay

/// Thermal paper widths and how many columns of the printer's 12×24 ASCII font each holds
/// (a GB18030 character takes two).
public enum Paper: Int, Sendable, CaseIterable {
    case mm58 = 58
    case mm80 = 80

    public var columns: Int {
        switch self {
        case .mm58: return 32
        case .mm80: return 48
        }
    }
}

/// The ticket as ESC/POS bytes for a GB18030 thermal printer.
///
/// `ESC @` initialise · `FS &` Chinese character mode · `ESC a n` alignment · `GS ! 0x11`
/// double width and height for the number, `GS ! 0x00` back · text in GB18030, each line ended
/// by LF · `ESC d 4` feed · `GS V 0x42 0` feed to the cutter and cut.
public enum EscPosTicket {
    public static let initialise: [UInt8] = [0x1B, 0x40]
    public static let chineseMode: [UInt8] = [0x1C, 0x26]
    public static let doubleSize: [UInt8] = [0x1D, 0x21, 0x11]
    public static let normalSize: [UInt8] = [0x1D, 0x21, 0x00]
    public static let cut: [UInt8] = [0x1D, 0x56, 0x42, 0x00]
    /// `ESC M 1` / `ESC M 0`: the 9×17 small font (42 columns on 58 mm, 64 on 80 mm) and back.
    public static let smallFont: [UInt8] = [0x1B, 0x4D, 0x01]
    public static let normalFont: [UInt8] = [0x1B, 0x4D, 0x00]
    static func align(_ n: UInt8) -> [UInt8] { [0x1B, 0x61, n] }
    static func feed(_ lines: UInt8) -> [UInt8] { [0x1B, 0x64, lines] }

    public static func bytes(
        _ ticket: IssuedTicket, paper: Paper, qr: QRPrinting = .raster, title: String = "排队取号凭条 Queue ticket"
    ) -> [UInt8] {
        // A GB18030 printer prints every multi-byte character two columns wide, ambiguous ones included.
        let layout = TicketLayout(ticket, columns: paper.columns, ambiguous: .wide, title: title)
        var out = initialise + chineseMode
        for line in layout.lines {
            switch line.style {
            case .normal:
                out += GB18030.encode(line.text) + [0x0A]
            case .url:
                // Whole on one line: in the small font when the normal one cannot hold it.
                let fits = DisplayWidth.columns(of: line.text, ambiguous: .wide) <= paper.columns
                out += (fits ? [] : smallFont) + GB18030.encode(line.text) + [0x0A] + (fits ? [] : normalFont)
            case .centered:
                out += align(1) + GB18030.encode(line.text) + [0x0A] + align(0)
            case .qr:
                // Centred; a printer given a raster image or its own QR command prints it and
                // moves past it. Without a code (an address too long) the address line remains.
                if let code = EscPosQR.bytes(line.text, paper: paper, printing: qr) {
                    out += align(1) + code + [0x0A] + align(0)
                }
            case .rule:
                out += Array(String(repeating: "-", count: paper.columns).utf8) + [0x0A]
            case .big:
                // Double width: the number must fit in half the columns.
                let text = DisplayWidth.columns(of: line.text, ambiguous: .wide) * 2 <= paper.columns
                    ? line.text : TextFitting.truncate(line.text, toColumns: paper.columns / 2, ambiguous: .wide)
                out += align(1) + doubleSize + GB18030.encode(text) + [0x0A] + normalSize + align(0)
            }
        }
        out += feed(4) + cut
        return out
    }
}
