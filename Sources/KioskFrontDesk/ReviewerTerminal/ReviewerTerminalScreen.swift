import KioskAPI
import KioskCore
import KioskDisplay

/// Draws the reviewer's terminal: the queue, the case in hand with the clerk's note, the keys,
/// the last result.
public enum ReviewerTerminalScreen {
    /// Exactly `height` lines of exactly `width` display columns.
    public static func render(_ terminal: ReviewerTerminal, width: Int, height: Int) -> [String] {
        var lines = ScreenLines.clerkHeader(name: terminal.view?.name, window: terminal.window, role: "审核岗 Reviewer", supervisor: terminal.supervisor, width: width)
        if let view = terminal.view {
            lines.append("  待审 Cases waiting: \(view.reviewQueue.map(String.init) ?? "—")" + (view.reviewQueue == nil ? "  (本窗口不是审核岗 this window reviews nothing)" : ""))
            lines.append("")
            if let held = view.reviewing {
                lines += BigText.rows(held.ticket).map { "    " + $0 }
                lines.append("  在审 Reviewing: \(held.ticket)  \(held.service) \(held.serviceName)")
                if let review = held.review {
                    lines.append("  送审 From: \(review.handedBy)号窗口 · \(review.handedAt)")
                    lines.append("  备注 Note: " + (review.note ?? "—"))
                }
            } else {
                lines.append("  当前无在审件 No case in hand: n 取件 takes the next")
                lines += ["", "", "", "", "", ""]
            }
        } else {
            lines.append("  正在连接… Connecting…")
        }
        lines.append(String(repeating: "-", count: width))
        lines += TextWrap.wrap("Enter/n 取件 take next · a 通过 approve · r 退回 return (原因 reason) · q 退出 quit", columns: width - 2, indent: "  ")
            .map { " " + $0 }
        lines.append("")
        switch terminal.mode {
        case let .reason(entry):
            lines += TextWrap.wrap("  退回原因?输入后按Enter(至多\(ReviewReason.maxLength)字),或输入数字选常用原因  What is missing? Type it, or a digit:",
                                   columns: width, indent: "  ")
            let presets = ReviewerTerminal.commonReasons.enumerated().map { "\($0.offset + 1) \($0.element)" }.joined(separator: "  ")
            lines += TextWrap.wrap(presets, columns: width - 4, indent: "").map { "    " + $0 }
            lines.append("  > " + entry)
        case .keys:
            lines += ScreenLines.progress(busy: terminal.busy, outcome: terminal.outcome, width: width)
        }
        return ScreenLines.fitted(lines, width: width, height: height)
    }
}
