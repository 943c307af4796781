/// `kiosk config check` for one config's text: the `file:line:` problems and warnings (for
/// standard error), the summary line when it loads (for standard output), and whether it failed.
public struct ConfigCheck: Sendable, Equatable {
    /// Errors and warnings, by line, each as `name:line: [warning: ]message`.
    public var problems: [String]
    /// `name: ok — 11 services, 8 windows, 2 sessions (1 warning)`; nil when the config does not load.
    public var summary: String?

    public var failed: Bool { summary == nil }

    /// Checks `text`, naming it `name` in every line. `central`: the hall ships to a central
    /// database (`--central`), so `hall.id` is required.
    public init(name: String, json text: String, central: Bool = false) {
        do {
            let checked = try HallConfig.check(json: text)
            let config = checked.config, warnings = checked.warnings
            problems = warnings.map { $0.formatted(file: name) }
            if central, let problem = config.centralProblem {
                problems.append("\(name): \(problem)")
                summary = nil
                return
            }
            let warned = warnings.isEmpty ? "" : " (\(warnings.count) warning\(warnings.count == 1 ? "" : "s"))"
            summary = "\(name): ok — \(config.services.count) services, \(config.counters.count) windows, \(config.sessions.count) sessions\(warned)"
        } catch {
            problems = (error.diagnostics + error.warnings).sorted { $0.location < $1.location }.map { $0.formatted(file: name) }
            summary = nil
        }
    }
}
