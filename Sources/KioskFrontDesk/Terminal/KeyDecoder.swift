/// Turns the bytes a raw-mode terminal sends into keys: UTF-8 text, Enter, Backspace, Ctrl-C,
/// and the numeric keypad's application-mode digits (`ESC O p`…`ESC O y`, `ESC O M`). Other
/// escape sequences (arrows, function keys) are swallowed whole.
public struct KeyDecoder: Sendable {
    private var pending: [UInt8] = []

    public init() {}

    /// Keys completed by `bytes` (a partial sequence waits for the next read).
    public mutating func feed(_ bytes: [UInt8]) -> [Key] {
        pending += bytes
        var keys: [Key] = []
        var i = 0
        while i < pending.count {
            let b = pending[i]
            if b == 0x1B {
                guard i + 1 < pending.count else {
                    // A lone ESC at the end of a read is the Escape key.
                    keys.append(.escape)
                    i += 1
                    continue
                }
                let next = pending[i + 1]
                if next == UInt8(ascii: "O"), i + 2 < pending.count {
                    let f = pending[i + 2]
                    if (0x70...0x79).contains(f) { keys.append(.digit(Character(Unicode.Scalar(f - 0x70 + 0x30)))) }
                    if f == UInt8(ascii: "M") { keys.append(.enter) }
                    i += 3
                    continue
                }
                if next == UInt8(ascii: "[") {
                    var j = i + 2
                    while j < pending.count, !(0x40...0x7E).contains(pending[j]) { j += 1 }
                    guard j < pending.count else { break }
                    i = j + 1
                    continue
                }
                keys.append(.escape)
                i += 1
                continue
            }
            let length = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
            guard i + length <= pending.count else { break }
            let text = String(decoding: pending[i..<i + length], as: UTF8.self)
            if let c = text.first { keys.append(Key(c)) }
            i += length
        }
        pending.removeFirst(i)
        return keys
    }
}
