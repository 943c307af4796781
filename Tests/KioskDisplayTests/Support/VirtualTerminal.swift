@testable import KioskDisplay

/// A minimal terminal that understands what `ANSIEncoder` emits (CUP, CUF, SGR, ED 2) and
/// draws text with the same width rules — to check that encoded bytes really produce a frame.
struct VirtualTerminal {
    var frame: Frame
    let ambiguous: AmbiguousWidth
    private var x = 0
    private var y = 0
    private var pen: CellStyle = []

    init(showing frame: Frame, ambiguous: AmbiguousWidth) {
        self.frame = frame
        self.ambiguous = ambiguous
    }

    mutating func feed(_ bytes: String) {
        var characters = Array(bytes)[...]
        while let c = characters.popFirst() {
            guard c == "\u{1B}" else {
                let width = DisplayWidth.columns(of: c, ambiguous: ambiguous)
                frame.put(String(c), width: width, x: x, y: y, style: pen)
                x += width
                continue
            }
            _ = characters.popFirst()  // "["
            var parameters = ""
            while let p = characters.first, p.isNumber || p == ";" { parameters.append(p); characters.removeFirst() }
            let final = characters.popFirst()
            let numbers = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }
            switch final {
            case "H": y = max(1, numbers.first ?? 1) - 1; x = max(1, numbers.count > 1 ? numbers[1] : 1) - 1
            case "C": x += max(1, numbers.first ?? 1)
            case "J": frame = Frame(size: frame.size)
            case "m":
                pen = []
                for n in numbers {
                    switch n {
                    case 1: pen.insert(.bold)
                    case 2: pen.insert(.dim)
                    case 7: pen.insert(.reverse)
                    default: pen = []
                    }
                }
            default: break
            }
        }
    }
}
