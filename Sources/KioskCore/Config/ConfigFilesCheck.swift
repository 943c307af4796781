import Foundation

/// `kiosk config check FILE…`: every file checked in turn (none: the embedded default hall),
/// its lines in order, and whether any failed. A file that cannot be read fails too.
public struct ConfigFilesCheck: Sendable, Equatable {
    /// One line of output: a problem (standard error) or a summary (standard output).
    public enum Line: Sendable, Equatable {
        case problem(String)
        case summary(String)
    }

    public private(set) var lines: [Line] = []
    public private(set) var failed = false

    /// `read` gives a file's text, or throws when it cannot be read (its reason is shown).
    public init(files: [String], central: Bool = false, read: (String) throws -> String) {
        let inputs: [(String, String?)] = files.isEmpty ? [("<embedded default>", HallConfig.defaultHallJSON)] : files.map { ($0, nil) }
        for (name, embedded) in inputs {
            let text: String
            do {
                text = try embedded ?? read(name)
            } catch {
                lines.append(.problem("\(name): cannot read: \(error.localizedDescription)"))
                failed = true
                continue
            }
            let check = ConfigCheck(name: name, json: text, central: central)
            lines += check.problems.map(Line.problem)
            if let summary = check.summary { lines.append(.summary(summary)) } else { failed = true }
        }
    }
}
