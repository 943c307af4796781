@testable import KioskDisplay

/// The text stored in a snapshot file: a header, the rows wrapped in `|`, then the styled runs
/// (1-based rows and columns) so a highlight change shows up in review too.
enum FrameSnapshot {
    static func text(_ frame: Frame, title: String) -> String {
        var out = ["\(title) \(frame.size)"]
        out += frame.lines().map { "|\($0)|" }
        out.append("styles:")
        for y in 0..<frame.size.height {
            let row = Array(frame.row(y))
            var x = 0
            while x < row.count {
                let style = row[x].style
                var end = x + 1
                while end < row.count, row[end].style == style { end += 1 }
                if style != [] { out.append("  row \(y + 1) cols \(x + 1)-\(end) \(style)") }
                x = end
            }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
