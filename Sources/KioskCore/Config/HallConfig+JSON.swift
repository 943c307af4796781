extension HallConfig {
    /// The config as JSON, in the file's own shape; also the trace's `meta.config`
    /// (a superset of the keys the wait-eval tools read). Without the SMS gateway's address
    /// and secrets: see `jsonValue(withGateway:)`.
    public var jsonValue: JSONValue { jsonValue(withGateway: false) }

    /// The whole config, every section (`limits`, `sms`): what the journal records, so the
    /// config read back from it is the one that was applied. `withGateway: false` leaves out
    /// the SMS gateway's address and secrets (exports, traces).
    public func jsonValue(withGateway: Bool) -> JSONValue {
        func spans(_ list: [TimeSpan]) -> JSONValue {
            .array(list.map { [.string($0.start.description), .string($0.end.description)] })
        }
        var priorityMembers: [(key: String, value: JSONValue)] = [
            ("every_n_normal", .number(Double(priority.everyNNormal))), ("scope", .string(priority.scope.rawValue)),
        ]
        if let guardMinutes = priority.ageingGuardMinutes {
            priorityMembers.append(("ageing_guard_min", .number(Double(guardMinutes))))
        }
        // Written only when on: a trace of a hall without it keeps the trace format's own rule.
        if priority.startDue { priorityMembers.append(("start_due", .bool(true))) }
        var hallMembers: [(key: String, value: JSONValue)] = (id.map { [("id", .string($0))] } ?? []) + [("name", .string(name))]
        if let shortName { hallMembers.append(("short_name", .string(shortName))) }
        hallMembers += [("name_en", .string(nameEN)), ("time_zone", .string(timeZoneID)), ("notice", .string(notice))]
        if let address { hallMembers.append(("address", .string(address))) }
        if let publicURL { hallMembers.append(("public_url", .string(publicURL))) }
        let value: JSONValue = [
            "hall": .object(hallMembers),
            "sessions": spans(sessions),
            "numbering": ["first": .number(Double(numbering.first)), "last": .number(Double(numbering.last))],
            "priority": .object(priorityMembers),
            "recall": [
                "interval_s": .number(recall.intervalSeconds), "max_recalls": .number(Double(recall.maxRecalls)),
                "automatic": .bool(recall.automatic),
            ],
            "noshow": ["reactivate_within_min": .number(Double(noShowReactivationMinutes))],
            "services": .array(services.map { s in
                var m: [(key: String, value: JSONValue)] = [
                    ("code", .string(s.code)), ("name", .string(s.name)), ("name_en", .string(s.nameEN)),
                    ("documents", .array(s.documents.map { .string($0) })),
                ]
                if let q = s.dailyQuota { m.append(("daily_quota", .number(Double(q)))) }
                if let h = s.hours { m.append(("hours", spans(h))) }
                if let g = s.guide { m.append(("guide", g.jsonValue)) }
                // Written only when set: a trace of a hall without review keeps its old shape.
                if s.review { m.append(("review", .bool(true))) }
                if !s.reviewers.isEmpty { m.append(("reviewers", .array(s.reviewers.map { .string($0) }))) }
                if s.appointmentsPerSlot > 0 { m.append(("appointments_per_slot", .number(Double(s.appointmentsPerSlot)))) }
                return .object(m)
            }),
            "counters": .array(counters.map { c in
                var m: [(key: String, value: JSONValue)] = [
                    ("id", .string(c.id)), ("name", .string(c.name)), ("services", .array(c.services.map { .string($0) })),
                    ("policy", .string(c.policy.rawValue)),
                ]
                if c.reviews { m.append(("reviews", .bool(true))) }
                if !c.mayServe.isEmpty { m.append(("may_serve", .array(c.mayServe.map { .string($0) }))) }
                return .object(m)
            }),
            "targets": targets.jsonValue,
            "limits": limits.jsonValue,
            "reply": reply.jsonValue,
            "sms": sms.jsonValue(withGateway: withGateway),
        ]
        guard case var .object(members) = value else { return value }
        if !holidays.isEmpty { members.append(("holidays", .array(holidays.map { .string($0.description) }))) }
        // Written only when the hall takes appointments or set them: a trace of a hall without
        // keeps the shape it had.
        if takesAppointments || appointments != AppointmentSettings() { members.append(("appointments", appointments.jsonValue)) }
        return .object(members)
    }
}
