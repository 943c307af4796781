import KioskDisplay

/// The pieces the front ends' screens draw alike: a title over a rule, a clerk's command in
/// progress and its last outcome (the window terminal and the reviewer's), and the screen cut
/// or padded to exactly its size.
enum ScreenLines {
    /// ` TITLE` over a rule of `=` the screen's width.
    static func header(_ title: String, width: Int) -> [String] {
        [" " + title, String(repeating: "=", count: width)]
    }

    /// A clerk's terminal's title: the window's name, its role and id, and the supervisor's mark.
    static func clerkHeader(name: String?, window: String, role: String, supervisor: Bool, width: Int) -> [String] {
        header("\(name ?? "\(window)号窗口")  \(role) \(window)" + (supervisor ? "   [值班长 supervisor]" : ""), width: width)
    }

    /// `请稍候…` while a command is out, then what became of the last one.
    static func progress(busy: Bool, outcome: WindowTerminal.Outcome?, width: Int) -> [String] {
        var lines = busy ? ["  请稍候… Working…"] : []
        switch outcome {
        case let .done(label)?: lines.append("  ✓ 完成 Done: \(label)")
        case let .refused(code, message)?: lines += TextWrap.wrap("  ✗ 不能执行 Refused [\(code)]: \(message)", columns: width, indent: "    ")
        case let .problem(text)?: lines += TextWrap.wrap("  ! " + text, columns: width, indent: "    ")
        case nil: break
        }
        return lines
    }

    /// Exactly `height` lines of exactly `width` display columns: the first lines kept.
    static func fitted(_ lines: [String], width: Int, height: Int) -> [String] {
        let fitted = lines.prefix(height).map { TextFitting.fit($0, toColumns: width, alignment: .left) }
        return fitted + Array(repeating: String(repeating: " ", count: width), count: max(0, height - fitted.count))
    }
}
