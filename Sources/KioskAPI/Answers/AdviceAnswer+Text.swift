extension AdviceAnswer {
    /// The advice as `kiosk advice` prints it (and the window terminal's supervisor view shows it).
    public var textLines: [String] {
        var lines = ["\(date) \(time) 最长等候 \(before.longestWaitMin) 分钟，超时 \(before.pastTarget) 人 (longest wait \(before.longestWaitMin) min, \(before.pastTarget) past target)"]
        if advice.isEmpty {
            lines.append("暂无调度建议 No staffing advice: no move cuts the longest wait or the waits past target by 5 min or more")
        }
        for (i, item) in advice.enumerated() {
            lines.append("\(i + 1). \(item.text)")
            lines.append("   \(item.textEN)")
            lines.append("   \(item.command)")
        }
        return lines
    }
}
