extension ServiceGuide {
    /// Reads a service's `guide` (nil: absent). `path` names it in messages, e.g.
    /// `services[2].guide`; every problem is reported at the value that causes it.
    static func read(_ node: JSONNode?, path: String, lenient: Bool, into root: inout ConfigReader) -> ServiceGuide? {
        guard let node else { return nil }
        var r = ConfigReader(node, path: path)
        guard r.isObject else {
            root.absorb(r)
            return nil
        }
        var guide = ServiceGuide()
        guide.basis = Self.texts(&r, "basis")
        guide.conditions = Self.texts(&r, "conditions")
        guide.steps = Self.texts(&r, "steps")
        for (i, item) in (r.array("materials") ?? []).enumerated() {
            if let material = GuideMaterial.read(item, path: r.name("materials") + "[\(i)]", lenient: lenient, into: &r) {
                guide.materials.append(material)
            }
        }
        guide.timeLimit = Self.text(&r, "time_limit")
        guide.fee = Self.text(&r, "fee")
        guide.contact = Self.text(&r, "contact")
        if let rolesNode = r.raw("roles") {
            var rr = ConfigReader(rolesNode, path: r.name("roles"))
            if rr.isObject {
                let roles = GuideRoles(handler: Self.text(&rr, "handler"), reviewer: Self.text(&rr, "reviewer"), approver: Self.text(&rr, "approver"))
                if roles == GuideRoles() { rr.report(rolesNode, "\(rr.path) names nobody: give handler, reviewer or approver (or leave roles out)") }
                guide.roles = roles
                if !lenient { rr.finish() }
            }
            r.absorb(rr)
        }
        if let exampleNode = r.raw("example") {
            for (i, item) in (r.array("example") ?? []).enumerated() {
                guard case let .string(key) = item.kind, let section = GuideSection(rawValue: key) else {
                    let allowed = GuideSection.allCases.map(\.rawValue).joined(separator: ", ")
                    r.report(item, "\(r.name("example"))[\(i)] must name a section of the guide (\(allowed))")
                    continue
                }
                guard guide.has(section) else {
                    r.report(item, "\(r.name("example"))[\(i)]: the guide has no \"\(key)\" to mark as an example")
                    continue
                }
                guide.exampleSections.insert(section)
            }
            _ = exampleNode
        }
        if guide.isEmpty { r.report(node, "\(path) is empty: give at least materials, steps or time_limit (or leave guide out)") }
        if !lenient { r.finish() }
        root.absorb(r)
        return guide
    }

    /// Whether the guide says anything under `section`.
    public func has(_ section: GuideSection) -> Bool {
        switch section {
        case .basis: return !basis.isEmpty
        case .conditions: return !conditions.isEmpty
        case .materials: return !materials.isEmpty
        case .steps: return !steps.isEmpty
        case .timeLimit: return timeLimit != nil
        case .roles: return roles != nil
        case .fee: return fee != nil
        case .contact: return contact != nil
        }
    }

    var isEmpty: Bool { !GuideSection.allCases.contains(where: has) }

    /// A list of non-empty lines (a citizen reads each as one point).
    private static func texts(_ r: inout ConfigReader, _ key: String) -> [String] {
        guard let items = r.array(key) else { return [] }
        var out: [String] = []
        for (i, item) in items.enumerated() {
            guard case let .string(s) = item.kind else {
                r.report(item, "\(r.name(key))[\(i)] must be a string, found \(item.kindName)")
                continue
            }
            guard let line = nonBlank(s, item, "\(r.name(key))[\(i)]", &r) else { continue }
            out.append(line)
        }
        if out.isEmpty && items.isEmpty, let n = r.raw(key) { r.report(n, "\(r.name(key)) is empty (leave it out instead)") }
        return out
    }

    /// One non-empty line of text.
    private static func text(_ r: inout ConfigReader, _ key: String) -> String? {
        guard let s = r.string(key), let node = r.raw(key) else { return nil }
        return nonBlank(s, node, r.name(key), &r)
    }

    /// `s` unless it is blank or holds control characters or a line break (a guide is shown on
    /// a terminal and printed: one point per line).
    private static func nonBlank(_ s: String, _ node: JSONNode, _ name: String, _ r: inout ConfigReader) -> String? {
        if s.trimmingSpaces.isEmpty {
            r.report(node, "\(name) is blank")
            return nil
        }
        if s.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            r.report(node, "\(name) holds a control character or line break (write one point per line)")
            return nil
        }
        if s.count > 200 {
            r.report(node, "\(name) is \(s.count) characters: at most 200 (split it into points)")
            return nil
        }
        return s
    }
}

extension GuideMaterial {
    /// One `materials` entry: `{"name": "身份证", "form": "original", "count": 1, "notes": "…"}`.
    static func read(_ node: JSONNode, path: String, lenient: Bool, into root: inout ConfigReader) -> GuideMaterial? {
        var r = ConfigReader(node, path: path)
        guard r.isObject else {
            root.absorb(r)
            return nil
        }
        let name = r.string("name", required: true)
        if let name, name.trimmingSpaces.isEmpty { r.report(r.raw("name")!, "\(path).name is blank") }
        var form = Form.original
        if let text = r.string("form") {
            if let parsed = Form(rawValue: text) {
                form = parsed
            } else {
                let allowed = Form.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
                r.report(r.raw("form")!, "\(path).form must be \(allowed), found \"\(text)\"")
            }
        }
        let count = r.int("count", in: 1...20) ?? 1
        let notes = r.string("notes")
        if let notes, notes.trimmingSpaces.isEmpty { r.report(r.raw("notes")!, "\(path).notes is blank (leave it out instead)") }
        if !lenient { r.finish() }
        let ok = r.diagnostics.isEmpty
        root.absorb(r)
        guard ok, let name else { return nil }
        return GuideMaterial(name: name, form: form, count: count, notes: notes)
    }
}

extension String {
    /// Without leading and trailing spaces (ASCII and the ideographic space).
    var trimmingSpaces: Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\u{3000}" || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return self[first...last]
    }
}
