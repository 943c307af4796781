import KioskCore

extension AdviceAnswer {
    /// The answer for `list`, the advisor's at one instant, in `config`'s words.
    public init(_ list: StaffingAdviceList, config: HallConfig, calendar: HallCalendar) {
        let local = calendar.localTimestamp(list.at)
        self.init(
            date: list.date.description, time: String(local.split(separator: " ").last ?? ""), before: Outlook(list.before),
            advice: list.advice.map { Item($0, config: config) }
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
    public init(_ advice: StaffingAdvice, config: HallConfig) {
        let move = advice.move
        self.init(
            id: move.id, kind: move.kind.rawValue, window: move.window, service: move.service, fromWindow: move.fromWindow,
            text: advice.text(in: config), textEN: advice.textEN(in: config), command: move.commandLine, api: move.apiCall,
            before: .init(advice.before), after: .init(advice.after)
        )
    }
}

extension StaffingMove {
    /// The one kiosk command line that makes the move (a supervisor's; `add_service` an admin's,
    /// on the config file the daemon runs on).
    public var commandLine: String {
        switch kind {
        case .resume: "kiosk resume \(window)"
        case .open: "kiosk open \(window)"
        case .cover: "kiosk cover \(window) \(fromWindow ?? "")"
        case .endCover: "kiosk uncover \(window) \(fromWindow ?? "")"
        case .addService: "kiosk config add-service \(window) \(service ?? "") --config HALL.json"
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
}
