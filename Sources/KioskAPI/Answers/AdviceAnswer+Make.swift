import KioskCore

extension AdviceAnswer {
    /// The answer for `list`, the advisor's at one instant, in `config`'s words; `configFile`
    /// is the file the hall runs on (named in an `add_service` advice's command).
    public init(_ list: StaffingAdviceList, config: HallConfig, calendar: HallCalendar, configFile: String? = nil) {
        let local = calendar.localTimestamp(list.at)
        self.init(
            date: list.date.description, time: String(local.split(separator: " ").last ?? ""), before: Outlook(list.before),
            advice: list.advice.map { Item($0, config: config, configFile: configFile) }
        )
    }
}

extension AdviceAnswer.Outlook {
    public init(_ outlook: LineOutlook) {
        self.init(
            longestWaitMin: outlook.longestWaitMinutes, pastTarget: outlook.pastTarget, minutesPastTarget: outlook.minutesPastTarget,
            waits: outlook.waits
        )
    }
}

extension AdviceAnswer.Item {
    public init(_ advice: StaffingAdvice, config: HallConfig, configFile: String? = nil) {
        let move = advice.move
        self.init(
            id: move.id, kind: move.kind.rawValue, window: move.window, service: move.service, fromWindow: move.fromWindow,
            text: advice.text(in: config), textEN: advice.textEN(in: config), command: move.commandLine(configFile: configFile), api: move.apiCall,
            before: .init(advice.before), after: .init(advice.after)
        )
    }
}

extension StaffingMove {
    /// The one kiosk command line that makes the move (a supervisor's; `add_service` an admin's,
    /// on `configFile`, the file the daemon runs on; unknown: the install guide's path).
    public func commandLine(configFile: String? = nil) -> String {
        switch kind {
        case .resume: "kiosk resume \(window)"
        case .open: "kiosk open \(window)"
        case .cover: "kiosk cover \(window) \(fromWindow ?? "")"
        case .endCover: "kiosk uncover \(window) \(fromWindow ?? "")"
        case .addService: "kiosk config add-service \(window) \(service ?? "") --config \(Self.shellWord(configFile ?? "/etc/kiosk/hall.json"))"
        }
    }

    /// The same as an API call.
    public var apiCall: AdviceAnswer.Call {
        switch kind {
        case .resume: .init(method: "POST", path: WindowAction.resume.path(window: window), body: [:])
        case .open: .init(method: "POST", path: WindowAction.path(window: window, action: "open"), body: [:])
        case .cover: .init(method: "POST", path: WindowAction.path(window: window, action: "cover"), body: ["covered": fromWindow ?? ""])
        case .endCover: .init(method: "POST", path: WindowAction.path(window: window, action: "uncover"), body: ["covered": fromWindow ?? ""])
        case .addService:
            .init(
                method: "PUT", path: "/v1/config", body: nil,
                note: "the hall config with \(service ?? "") added to window \(window)'s services (admin)"
            )
        }
    }

    /// `word` as one shell word (quoted when it holds anything but plain path characters).
    static func shellWord(_ word: String) -> String {
        let plain = word.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || "0123456789/._-+:@".unicodeScalars.contains($0) }
        return plain && !word.isEmpty ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
