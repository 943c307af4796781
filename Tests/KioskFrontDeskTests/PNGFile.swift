import Foundation

/// A grey-scale PNG of a bitmap, written without a library (stored, uncompressed deflate
/// blocks): enough for `zbarimg` to read a printed QR code back.
enum PNGFile {
    /// `dark(x, y)` true for black; each dot becomes `scale`×`scale` pixels, inside a white margin.
    static func write(width: Int, height: Int, scale: Int = 2, margin: Int = 16, to path: String, dark: (Int, Int) -> Bool) throws {
        let w = (width + 2 * margin) * scale, h = (height + 2 * margin) * scale
        var raw: [UInt8] = []
        raw.reserveCapacity((w + 1) * h)
        for py in 0..<h {
            raw.append(0)   // filter: none
            for px in 0..<w {
                let x = px / scale - margin, y = py / scale - margin
                raw.append(x >= 0 && y >= 0 && x < width && y < height && dark(x, y) ? 0 : 255)
            }
        }
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        png += chunk("IHDR", be32(UInt32(w)) + be32(UInt32(h)) + [8, 0, 0, 0, 0])   // 8-bit grey
        png += chunk("IDAT", zlibStored(raw))
        png += chunk("IEND", [])
        try Data(png).write(to: URL(fileURLWithPath: path))
    }

    static func be32(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }

    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let body = Array(type.utf8) + data
        return be32(UInt32(data.count)) + body + be32(crc32(body))
    }

    static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var offset = 0
        repeat {
            let n = min(65_535, data.count - offset)
            let last: UInt8 = offset + n == data.count ? 1 : 0
            out += [last, UInt8(n & 0xFF), UInt8(n >> 8), UInt8(~n & 0xFF), UInt8((~n >> 8) & 0xFF)]
            out += data[offset..<offset + n]
            offset += n
        } while offset < data.count
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in data {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        return out + be32(b << 16 | a)
    }

    static func crc32(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
