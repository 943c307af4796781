import Foundation

/// What a provincial 好差评 platform takes per case: hall, date, ticket, service, window,
/// score, reason, time (CSV, RFC 4180, hall-local time).
public enum RatingExport {
    public static func csv(_ ratings: [Rating], config: HallConfig) -> String {
        let calendar = QueueEngine(config: config).calendar
        var rows = [["hall", "date", "ticket", "service", "service_name", "window", "score", "label", "reason", "time"]]
        for r in ratings {
            let s = Int(calendar.secondsOfDay(r.at))
            let time = String(format: "%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
            rows.append([
                config.name, r.date.description, r.ticket, r.service, config.service(r.service)?.name ?? r.service, r.counter,
                "\(r.score)", RatingScale.label(r.score), r.reason ?? "", time,
            ])
        }
        return rows.map { $0.map(HallReport.csvField).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// One line per follow-up for a terminal.
    public static func line(_ f: FollowUp, today: BusinessDate) -> String {
        let state = f.isClosed ? "已整改 closed: \(f.note ?? "")" : (f.isOverdue(on: today) ? "逾期 OVERDUE" : "待整改 open")
        return "\(f.id)  \(f.rating.service) @\(f.rating.counter)  \(f.rating.score) \(RatingScale.label(f.rating.score))  \(f.rating.reason ?? "-")  due \(f.due)  \(state)"
    }
}
