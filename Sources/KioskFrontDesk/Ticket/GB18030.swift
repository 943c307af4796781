import Foundation
#if canImport(CoreFoundation)
import CoreFoundation
#endif

/// GB18030, the encoding Chinese thermal printers expect, through Foundation (available on
/// Linux via swift-corelibs-foundation's CoreFoundation).
public enum GB18030 {
    public static let encoding: String.Encoding = String.Encoding(
        rawValue: CFStringConvertEncodingToNSStringEncoding(CFStringEncoding(CFStringEncodings.GB_18030_2000.rawValue))
    )

    /// The bytes of `text`; a character the converter cannot take becomes `?` (GB18030 covers
    /// all of Unicode, so this only guards against a broken converter).
    public static func encode(_ text: String) -> [UInt8] {
        if let data = text.data(using: encoding) { return Array(data) }
        var bytes: [UInt8] = []
        for character in text {
            bytes += String(character).data(using: encoding).map(Array.init) ?? [UInt8(ascii: "?")]
        }
        return bytes
    }

    public static func decode(_ bytes: [UInt8]) -> String? {
        String(data: Data(bytes), encoding: encoding)
    }
}
