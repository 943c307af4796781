/// How the ticket printer is told to print a QR code.
public enum QRPrinting: String, Sendable, CaseIterable {
    /// The printer's own QR command (`GS ( k`, model 2, error correction M): for printers that
    /// have it (most Chinese 58/80 mm printers sold since about 2015).
    case native
    /// A bitmap made here (`GS v 0`, libqrencode): every ESC/POS printer prints it.
    case raster
}

/// ESC/POS bytes for a QR code.
public enum EscPosQR {
    /// Dots across the printable width (203 dpi heads): 48 mm of a 58 mm roll, 72 mm of 80 mm.
    static func printableDots(_ paper: Paper) -> Int {
        paper == .mm58 ? 384 : 576
    }

    /// Dots per module: 5 (0.6 mm) on 58 mm, 6 on 80 mm; a phone reads either from 20 cm.
    static func moduleDots(_ paper: Paper) -> Int {
        paper == .mm58 ? 5 : 6
    }

    /// The printer's own QR command: model 2, module size, error correction M, store, print.
    public static func native(_ text: String, paper: Paper) -> [UInt8] {
        let data = Array(text.utf8)
        let stored = data.count + 3
        return [0x1D, 0x28, 0x6B, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00]          // model 2
            + [0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x43, UInt8(moduleDots(paper))] // module size
            + [0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x45, 0x31]                   // level M
            + [0x1D, 0x28, 0x6B, UInt8(stored & 0xFF), UInt8(stored >> 8), 0x31, 0x50, 0x30] + data
            + [0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30]                   // print it
    }

    /// The code as a `GS v 0` raster image with its 4-module quiet zone, `scale` dots a module
    /// (smaller when the paper is too narrow for it).
    public static func raster(_ matrix: QRMatrix, paper: Paper) -> [UInt8] {
        let quiet = 4
        let modules = matrix.size + 2 * quiet
        let scale = max(1, min(moduleDots(paper), printableDots(paper) / modules))
        let width = modules * scale, height = width
        let rowBytes = (width + 7) / 8
        var out: [UInt8] = [0x1D, 0x76, 0x30, 0x00, UInt8(rowBytes & 0xFF), UInt8(rowBytes >> 8), UInt8(height & 0xFF), UInt8(height >> 8)]
        out.reserveCapacity(out.count + rowBytes * height)
        for y in 0..<height {
            var row = [UInt8](repeating: 0, count: rowBytes)
            for x in 0..<width where matrix.isDark(x: x / scale - quiet, y: y / scale - quiet) {
                row[x / 8] |= 0x80 >> UInt8(x % 8)
            }
            out += row
        }
        return out
    }

    /// What to send for `text`: the native command or the raster; nil when it cannot be a QR code.
    public static func bytes(_ text: String, paper: Paper, printing: QRPrinting) -> [UInt8]? {
        switch printing {
        case .native:
            // The printer's own command holds at most 7,089 bytes; a page address is ~70.
            return text.utf8.count <= 1_000 ? native(text, paper: paper) : nil
        case .raster:
            return QRMatrix(text).map { raster($0, paper: paper) }
        }
    }
}
