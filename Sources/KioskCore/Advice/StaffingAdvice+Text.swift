/// An advice as the supervisor reads it, in Chinese and English:
/// "让5号窗口兼办 B 养老金资格认证：最长等候 38 → 15 分钟".
extension StaffingAdvice {
    public func text(in config: HallConfig) -> String {
        "\(move.text(in: config))：\(figures)"
    }

    public func textEN(in config: HallConfig) -> String {
        "\(move.textEN(in: config)): \(figuresEN)"
    }

    /// The before → after figures that changed (the longest wait always; in a hall so far
    /// behind that neither it nor the count past target moves, the average minutes past target).
    var figures: String {
        var text = "最长等候 \(before.longestWaitMinutes) → \(after.longestWaitMinutes) 分钟"
        if pastTargetCut != 0 { text += "，超时 \(before.pastTarget) → \(after.pastTarget) 人" }
        if longestCut == 0, pastTargetCut == 0 { text += "，人均超时 \(before.averagePastTarget) → \(after.averagePastTarget) 分钟" }
        return text
    }

    var figuresEN: String {
        var text = "longest wait \(before.longestWaitMinutes) → \(after.longestWaitMinutes) min"
        if pastTargetCut != 0 { text += ", past target \(before.pastTarget) → \(after.pastTarget)" }
        if longestCut == 0, pastTargetCut == 0 { text += ", past target by \(before.averagePastTarget) → \(after.averagePastTarget) min each" }
        return text
    }
}

extension StaffingMove {
    /// What to do, in the hall's words (its window and service names).
    public func text(in config: HallConfig) -> String {
        let name = Self.windowName(window, in: config)
        let from = fromWindow.map { Self.windowName($0, in: config) } ?? ""
        switch kind {
        case .resume: return "恢复\(name)服务"
        case .open: return "开放\(name)"
        case .cover: return "让\(name)顶岗\(from)（AB角）"
        case .endCover: return "\(name)结束顶岗\(from)"
        case .addService:
            let service = self.service ?? ""
            return "让\(name)兼办 \(service) \(config.service(service)?.name ?? "")"
        }
    }

    public func textEN(in config: HallConfig) -> String {
        let from = fromWindow ?? ""
        switch kind {
        case .resume: return "Resume window \(window)"
        case .open: return "Open window \(window)"
        case .cover: return "Window \(window) covers window \(from)"
        case .endCover: return "Window \(window) ends its cover of window \(from)"
        case .addService:
            let service = self.service ?? ""
            let name = config.service(service)?.nameEN ?? ""
            return "Window \(window) also serves \(service)\(name.isEmpty ? "" : " \(name)")"
        }
    }

    static func windowName(_ id: CounterID, in config: HallConfig) -> String {
        config.counter(id)?.name ?? "\(id)号窗口"
    }
}
