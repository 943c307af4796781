/// How long a citizen should wait at most before being called, per service: the figure a
/// hall's report measures itself against (config `targets`).
public struct WaitTargets: Sendable, Equatable {
    /// The hall-wide target, minutes (`targets.wait_min`).
    public var defaultMinutes: Int
    /// Per-service targets, minutes (`targets.services`: `{"A": 15}`); others use the default.
    public var perService: [ServiceCode: Int]

    public init(defaultMinutes: Int = 20, perService: [ServiceCode: Int] = [:]) {
        self.defaultMinutes = defaultMinutes
        self.perService = perService
    }

    /// The target wait for `service`, minutes.
    public func minutes(for service: ServiceCode) -> Int {
        perService[service] ?? defaultMinutes
    }

    var jsonValue: JSONValue {
        [
            "wait_min": .number(Double(defaultMinutes)),
            "services": .object(perService.sorted { $0.key < $1.key }.map { (key: $0.key, value: .number(Double($0.value))) }),
        ]
    }

    /// Reads the `targets` section (absent: defaults).
    static func read(_ node: JSONNode?, services: Set<ServiceCode>, lenient: Bool, into root: inout ConfigReader) -> WaitTargets {
        root.section(node, path: "targets", lenient: lenient, defaults: WaitTargets()) { r, targets in
            targets.defaultMinutes = r.int("wait_min", in: 1...600) ?? targets.defaultMinutes
            if let perNode = r.raw("services") {
                if case let .object(members) = perNode.kind {
                    for member in members {
                        let code = member.key, value = member.value
                        guard services.contains(code) || lenient else {
                            r.report(value, "targets.services: unknown service \"\(code)\"")
                            continue
                        }
                        guard case let .number(n) = value.kind, n.rounded() == n, (1...600).contains(n) else {
                            r.report(value, "targets.services.\(code) must be a whole number of minutes, 1–600")
                            continue
                        }
                        targets.perService[code] = Int(n)
                    }
                } else {
                    r.report(perNode, "targets.services must be an object like {\"A\": 15}, found \(perNode.kindName)")
                }
            }
        }
    }
}

extension HallConfig {
    /// Reads the top-level `holidays` list (`["2026-10-01", …]`): days that are not working days.
    static func readHolidays(into r: inout ConfigReader) -> [BusinessDate] {
        guard let items = r.array("holidays") else { return [] }
        var out: [BusinessDate] = []
        for (i, item) in items.enumerated() {
            guard case let .string(text) = item.kind, let date = BusinessDate(text) else {
                r.report(item, "holidays[\(i)] must be a date YYYY-MM-DD")
                continue
            }
            out.append(date)
        }
        return out.sorted()
    }
}
