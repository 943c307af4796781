/// Reads typed fields out of a located JSON object and records what is wrong with them.
///
/// Every accessor returns nil on a problem and appends a diagnostic, so one pass over the
/// file reports all problems. `finish()` reports keys nobody asked for (likely typos).
struct ConfigReader {
    let node: JSONNode
    let path: String
    private(set) var diagnostics: [ConfigDiagnostic] = []
    private(set) var warnings: [ConfigDiagnostic] = []
    private var members: [(key: String, keyLocation: SourceLocation, value: JSONNode)] = []
    private var used: Set<String> = []

    /// Starts reading `node` as an object named `path` (e.g. `services[2]`).
    init(_ node: JSONNode, path: String) {
        self.node = node
        self.path = path
        if case let .object(m) = node.kind {
            members = m
        } else {
            diagnostics.append(ConfigDiagnostic(node.location, "\(displayPath) must be an object, found \(node.kindName)"))
        }
    }

    /// `key` qualified by where this object is, e.g. `recall.interval_s`; top-level keys bare.
    func name(_ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    private var displayPath: String { path.isEmpty ? "the config" : path }

    var isObject: Bool {
        if case .object = node.kind { return true }
        return false
    }

    mutating func raw(_ key: String, required: Bool = false) -> JSONNode? {
        used.insert(key)
        guard let member = members.first(where: { $0.key == key }) else {
            if required && isObject {
                diagnostics.append(ConfigDiagnostic(node.location, "\(displayPath) is missing \"\(key)\""))
            }
            return nil
        }
        return member.value
    }

    mutating func report(_ node: JSONNode, _ message: String) {
        diagnostics.append(ConfigDiagnostic(node.location, message))
    }

    /// Loads anyway, but `config check` (and the daemon's log at start) will say it.
    mutating func warn(_ node: JSONNode, _ message: String) {
        warnings.append(ConfigDiagnostic(node.location, message, severity: .warning))
    }

    mutating func absorb(_ other: ConfigReader) {
        diagnostics += other.diagnostics
        warnings += other.warnings
    }

    mutating func string(_ key: String, required: Bool = false) -> String? {
        guard let n = raw(key, required: required) else { return nil }
        guard case let .string(s) = n.kind else {
            report(n, "\(name(key)) must be a string, found \(n.kindName)")
            return nil
        }
        return s
    }

    mutating func int(_ key: String, in range: ClosedRange<Int>, required: Bool = false) -> Int? {
        guard let n = raw(key, required: required) else { return nil }
        guard case let .number(d) = n.kind, d.rounded() == d, abs(d) < 1e9 else {
            report(n, "\(name(key)) must be a whole number, found \(n.kindName == "a number" ? "a fraction" : n.kindName)")
            return nil
        }
        guard range.contains(Int(d)) else {
            report(n, "\(name(key)) must be between \(range.lowerBound) and \(range.upperBound), found \(Int(d))")
            return nil
        }
        return Int(d)
    }

    mutating func double(_ key: String, in range: ClosedRange<Double>) -> Double? {
        guard let n = raw(key) else { return nil }
        guard case let .number(d) = n.kind else {
            report(n, "\(name(key)) must be a number, found \(n.kindName)")
            return nil
        }
        guard range.contains(d) else {
            report(n, "\(name(key)) must be between \(JSONValue.format(range.lowerBound)) and \(JSONValue.format(range.upperBound))")
            return nil
        }
        return d
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let n = raw(key) else { return nil }
        guard case let .bool(b) = n.kind else {
            report(n, "\(name(key)) must be true or false, found \(n.kindName)")
            return nil
        }
        return b
    }

    mutating func array(_ key: String, required: Bool = false) -> [JSONNode]? {
        guard let n = raw(key, required: required) else { return nil }
        guard case let .array(items) = n.kind else {
            report(n, "\(name(key)) must be an array, found \(n.kindName)")
            return nil
        }
        return items
    }

    mutating func strings(_ key: String) -> [String]? {
        guard let items = array(key) else { return nil }
        var out: [String] = []
        for (i, item) in items.enumerated() {
            guard case let .string(s) = item.kind else {
                report(item, "\(name(key))[\(i)] must be a string, found \(item.kindName)")
                continue
            }
            out.append(s)
        }
        return out
    }

    /// `[["08:00","12:00"], …]`: spans that must be well-formed, ordered and not overlap.
    mutating func spans(_ key: String, required: Bool = false) -> [TimeSpan]? {
        guard let items = array(key, required: required) else { return nil }
        var out: [TimeSpan] = []
        for (i, item) in items.enumerated() {
            guard case let .array(pair) = item.kind, pair.count == 2,
                  case let .string(a) = pair[0].kind, case let .string(b) = pair[1].kind
            else {
                report(item, "\(name(key))[\(i)] must be a pair of times like [\"08:00\", \"12:00\"]")
                continue
            }
            guard let start = ClockTime(a) else {
                report(pair[0], "\(name(key))[\(i)]: bad time \"\(a)\" (expected HH:MM, 00:00–23:59)")
                continue
            }
            guard let end = ClockTime(b) else {
                report(pair[1], "\(name(key))[\(i)]: bad time \"\(b)\" (expected HH:MM, 00:00–23:59)")
                continue
            }
            guard start < end else {
                report(item, "\(name(key))[\(i)]: \(a) is not before \(b)")
                continue
            }
            if let previous = out.last, start < previous.end {
                report(item, "\(name(key))[\(i)]: \(a)–\(b) overlaps or precedes \(previous)")
                continue
            }
            out.append(TimeSpan(start, end))
        }
        return out
    }

    /// Reports keys that were never read, listing the ones that are allowed.
    mutating func finish() {
        for member in members where !used.contains(member.key) {
            let allowed = used.sorted().joined(separator: ", ")
            diagnostics.append(ConfigDiagnostic(member.keyLocation, "unknown key \"\(member.key)\" in \(displayPath) (allowed: \(allowed))"))
        }
    }
}
