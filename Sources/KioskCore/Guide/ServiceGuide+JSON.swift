extension ServiceGuide {
    /// The guide in the config file's own shape (`services[].guide`): what the journal's
    /// `config` event records, so a restart reads back the guide that was applied.
    public var jsonValue: JSONValue {
        var members: [(key: String, value: JSONValue)] = []
        func lines(_ key: String, _ list: [String]) {
            if !list.isEmpty { members.append((key, .array(list.map { .string($0) }))) }
        }
        lines("basis", basis)
        lines("conditions", conditions)
        if !materials.isEmpty { members.append(("materials", .array(materials.map(\.jsonValue)))) }
        lines("steps", steps)
        if let timeLimit { members.append(("time_limit", .string(timeLimit))) }
        if let roles {
            var r: [(key: String, value: JSONValue)] = []
            if let h = roles.handler { r.append(("handler", .string(h))) }
            if let v = roles.reviewer { r.append(("reviewer", .string(v))) }
            if let a = roles.approver { r.append(("approver", .string(a))) }
            members.append(("roles", .object(r)))
        }
        if let fee { members.append(("fee", .string(fee))) }
        if let contact { members.append(("contact", .string(contact))) }
        if !exampleSections.isEmpty {
            members.append(("example", .array(exampleSections.sorted().map { .string($0.rawValue) })))
        }
        return .object(members)
    }
}

extension GuideMaterial {
    public var jsonValue: JSONValue {
        var m: [(key: String, value: JSONValue)] = [
            ("name", .string(name)), ("form", .string(form.rawValue)), ("count", .number(Double(count))),
        ]
        if let notes { m.append(("notes", .string(notes))) }
        return .object(m)
    }
}
