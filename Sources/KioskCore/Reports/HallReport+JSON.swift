import Foundation

extension HallReport {
    /// The report as JSON (`kiosk report --format json`, `GET /v1/reports`). Names are fixed.
    public var jsonValue: JSONValue {
        func clock(_ seconds: Int) -> String { ClockTime(minutes: seconds / 60).description }
        let value: JSONValue = [
            "hall": .object([("name", .string(hallName))] + hall.members + [("target_wait_min", .int(targetWaitMinutes))]),
            "from": .string(from.description),
            "to": .string(to.description),
            "days": .array(days.map { .string($0.description) }),
            "services": .array(services.map { row in
                .object(
                    [("code", .string(row.code)), ("name", .string(row.name)), ("target_wait_min", .int(row.targetWaitMinutes))]
                        + row.figures.members + [("replies", row.replies.jsonValue), ("reviews", row.reviews.jsonValue)]
                )
            }),
            "windows": .array(windows.map { row in
                func share(_ x: Double) -> JSONValue { row.time.open > 0 ? .number(x / row.time.open) : .null }
                return [
                    "id": .string(row.id), "name": .string(row.name), "served": .int(row.served), "serve_p50_s": .optional(row.serveP50),
                    "utilisation": .optional(row.time.utilisation),
                    "serving_share": share(row.time.serving), "idle_share": share(row.time.idle), "paused_share": share(row.time.paused),
                    "open_s": .number(row.time.open), "serving_s": .number(row.time.serving), "idle_s": .number(row.time.idle),
                    "paused_s": .number(row.time.paused),
                ]
            }),
            "half_hours": .array(halfHours.map { ["start": .string(clock($0.start)), "issued": .int($0.issued), "served": .int($0.served)] }),
            "hours": .array(hours.map {
                ["hour": .int($0.hour), "tickets": .int($0.tickets), "wait_p50_s": .optional($0.waitP50), "wait_p90_s": .optional($0.waitP90)]
            }),
            "estimates": [
                "called_with_estimate": .int(estimates.called), "mae_min": .number(estimates.maeMinutes),
                "under5_share": .number(estimates.under5),
                "heads_up": [
                    "scored": .int(estimates.headsUpScored), "on_time_share": .number(estimates.headsUpOnTime),
                    "early_share": .number(estimates.headsUpEarly), "late_share": .number(estimates.headsUpLate),
                ],
            ],
            "sms": .object(sms.sorted { $0.key < $1.key }.map { trigger, states in
                (key: trigger, value: .object(states.sorted { $0.key < $1.key }.map { (key: $0.key, value: .int($0.value)) }))
            }),
            "replies": replies.jsonValue,
            "reviews": reviews.jsonValue,
            "advice": advice.jsonValue,
            "ratings": [
                "counts": .object((1...5).map { (key: "\($0)", value: .int(ratings.counts[$0] ?? 0)) }),
                "total": .int(ratings.total), "mean": .optional(ratings.mean), "satisfied_share": .optional(ratings.satisfiedShare),
                "overdue": .int(ratings.overdue),
                "bad": .array(ratings.bad.map(\.jsonValue)),
            ],
            "timeline": [
                "date": timelineDate.map { .string($0.description) } ?? .null,
                "windows": .array(timeline.map { entry in
                    ["id": .string(entry.window), "segments": .array(entry.segments.map { [.number($0.start), .number($0.end), .string($0.state)] })]
                }),
            ],
        ]
        // Only in a period with appointments: a hall without them reports exactly as before.
        guard let appointments, case var .object(members) = value else { return value }
        members.append(("appointments", appointments.jsonValue))
        return .object(members)
    }
}

extension FollowUp {
    /// A follow-up as reports and `GET /v1/ratings/followups` show it.
    public var jsonValue: JSONValue {
        [
            "id": .string(id), "date": .string(rating.date.description), "ticket": .string(rating.ticket),
            "service": .string(rating.service), "window": .string(rating.counter), "score": .int(rating.score),
            "label": .string(RatingScale.label(rating.score)), "reason": rating.reason.map { .string($0) } ?? .null,
            "due": .string(due.description), "closed": .bool(isClosed), "note": note.map { .string($0) } ?? .null,
            "closed_by": closedBy.map { .string($0) } ?? .null,
        ]
    }
}
