import CQREncode

/// A QR code's modules (model 2, error correction M, the smallest version that holds the
/// text), made by Debian's libqrencode.
public struct QRMatrix: Sendable, Equatable {
    /// Modules per side (21 for version 1, +4 per version).
    public let size: Int
    /// Row-major, `true` for a dark module.
    public let dark: [Bool]

    /// nil when the text does not fit any QR version (over ~2,300 bytes at level M).
    public init?(_ text: String) {
        guard let code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        size = width
        // libqrencode: bit 0 of each byte is the module's colour (1 dark); the others say what
        // part of the symbol it belongs to.
        dark = (0..<width * width).map { code.pointee.data[$0] & 1 == 1 }
    }

    public func isDark(x: Int, y: Int) -> Bool {
        x >= 0 && y >= 0 && x < size && y < size && dark[y * size + x]
    }
}
