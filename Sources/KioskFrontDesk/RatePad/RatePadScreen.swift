import KioskCore
import KioskDisplay

/// Draws the rating pad: the window, then the five levels in large digits, the reasons of a
/// 差评, or the thanks.
public enum RatePadScreen {
    /// Exactly `height` lines, each at most `width` display columns.
    public static func render(_ pad: RatePad, windowName: String?, width: Int, height: Int) -> [String] {
        var lines: [String] = []
        lines.append(" \(windowName ?? "\(pad.window)号窗口")  好差评 · Rate our service")
        lines.append(String(repeating: "=", count: max(0, width)))
        switch pad.phase {
        case .idle:
            lines += ["", "", "   欢迎评价我们的服务", "   Please rate our service after it is done", ""]
        case let .asking(r):
            lines.append("")
            lines.append("   \(r.ticket) \(r.serviceName) 办理完毕,请您评价  Please rate \(r.ticket)")
            lines.append("")
            lines += levels()
            lines.append("")
            lines.append("   请按数字键 1–5  Press a key 1–5")
        case let .reason(r, score):
            lines.append("")
            lines.append("   \(r.ticket) · \(score) \(RatingScale.label(score)) — 请告诉我们原因 What went wrong?")
            lines.append("")
            for (i, reason) in RatePad.reasons.enumerated() { lines.append("     \(i + 1)  \(reason)") }
            lines.append("")
            lines.append("   按 1–5 选择,按 Enter 不填原因,Esc 重新评分  1–5 · Enter: no reason · Esc: back")
        case let .sending(r, score):
            lines += ["", "   \(r.ticket) · \(score) \(RatingScale.label(score))", "", "   正在提交… Sending…"]
        case let .thanks(score, _):
            lines += ["", ""]
            lines += BigText.rows("\(score)").map { "      " + $0 }
            lines += ["", "   \(RatingScale.label(score)) · 谢谢您的评价!Thank you for your rating!"]
            if RatingScale.isBad(score) { lines.append("   我们会在15个工作日内整改并回复 We will put it right within 15 working days") }
        case let .problem(message, _):
            lines += ["", "", "   " + message]
        }
        let fitted = lines.map { TextFitting.truncate($0, toColumns: width) }
        if fitted.count >= height { return Array(fitted.prefix(height)) }
        return fitted + Array(repeating: "", count: height - fitted.count)
    }

    /// English under each level, short enough for its column.
    static let shortEnglish = [5: "very good", 4: "good", 3: "fair", 2: "poor", 1: "very poor"]

    /// The five levels as big digits, best first, each with its name under it.
    static func levels() -> [String] {
        let scores = Array(RatingScale.scores.reversed())
        let columnWidth = 14
        /// `s` centred in its column, so a digit stands over its name.
        func centred(_ s: String) -> String {
            let w = DisplayWidth.columns(of: s)
            let left = max(0, (columnWidth - w) / 2)
            return String(repeating: " ", count: left) + s + String(repeating: " ", count: max(0, columnWidth - w - left))
        }
        var rows: [String] = []
        let glyphs = scores.map { BigText.rows("\($0)") }
        for row in 0..<5 {
            rows.append("   " + glyphs.map { centred($0[row]) }.joined())
        }
        rows.append("   " + scores.map { centred(RatingScale.label($0)) }.joined())
        rows.append("   " + scores.map { centred(Self.shortEnglish[$0] ?? "") }.joined())
        return rows
    }
}
