import Foundation
import KioskCore

/// Samples of the report, rating and follow-up answers and requests (issue 15).
extension APISamples {
    static func reportSamples(_ add: (String, String, String, String, any Encodable) throws -> Void) throws {
        try add("get", "/v1/reports", "200", "a small morning", AnyJSON(sampleReport().jsonValue))
        try add("get", "/v1/reports", "200", "a morning with appointments", AnyJSON(sampleAppointmentReport().jsonValue))
        try add("get", "/v1/reports", "200", "a day without events", AnyJSON(
            ReportBuilder(config: .defaultHall).report(from: sampleDate, to: sampleDate, today: sampleDate).jsonValue
        ))
        var rateable = servingWindow
        rateable.current = nil
        rateable.rating = RateableTicket(ticket: "A023", service: "A", serviceName: "求职登记", until: "09:48:10")
        try add("get", "/v1/windows/{id}", "200", "finished, the rating pad may ask", rateable)
        try add("post", "/v1/windows/{id}/rating", "201", "a 差评 with its follow-up", RatingAnswer(
            ticket: "A023", window: "1", service: "A", score: 2, label: "不满意", reason: "等候时间长",
            followUp: .init(id: "20260302-A023", due: "2026-03-23")
        ))
        try add("post", "/v1/windows/{id}/rating", "201", "非常满意, no reason", RatingAnswer(ticket: "A024", window: "1", service: "A", score: 5, label: "非常满意", reason: nil))
        try add("post", "/v1/windows/{id}/rating", "409", "already rated", ErrorAnswer(code: "already_rated", message: "A023已评价 A023 has already been rated"))
        try add("post", "/v1/windows/{id}/rating", "request", "score and reason", CommandBody.rating(RatingRequest(score: 1, reason: "服务态度差")))
        try add("post", "/v1/windows/{id}/rating", "request", "score only", CommandBody.rating(RatingRequest(score: 4)))
        try add("get", "/v1/ratings/followups", "200", "one open, overdue", FollowUpList(today: "2026-03-24", followups: [openFollowUp]))
        try add("get", "/v1/ratings/followups", "200", "none", FollowUpList(today: "2026-03-02", followups: []))
        var closed = openFollowUp
        closed.closed = true
        closed.note = "已电话回访并致歉"
        closed.closedBy = "supervisor"
        closed.overdue = nil
        try add("post", "/v1/ratings/followups/{id}/close", "200", "closed", closed)
        try add("post", "/v1/ratings/followups/{id}/close", "request", "note", CommandBody.followUpNote(FollowUpCloseRequest(note: "已电话回访并致歉")))
    }

    static let sampleDate = BusinessDate(year: 2026, month: 3, day: 2)

    static let openFollowUp = FollowUpStatus(
        id: "20260302-A023", date: "2026-03-02", ticket: "A023", service: "A", window: "1", score: 2, label: "不满意",
        reason: "等候时间长", due: "2026-03-23", closed: false, note: nil, closedBy: nil, overdue: true
    )

    /// A morning with appointments (预约) for C: one checked in and called at its slot, one a
    /// no-show, beside a walk-in; folded by the real report code.
    static func sampleAppointmentReport() -> HallReport {
        var config = HallConfig.defaultHall
        config.services[2].appointmentsPerSlot = 2
        let engine = QueueEngine(config: config)
        var state = engine.initialState()
        var events: [HallEvent] = []
        func at(_ clock: String) -> Date { engine.calendar.instant(on: sampleDate, at: ClockTime(clock)!) }
        let slot = ClockTime("09:00")!
        for (command, clock) in [
            (Command.tick, "08:00"), (.bookAppointment(service: "C", date: sampleDate, time: slot, code: "100001"), "08:00"),
            (.bookAppointment(service: "C", date: sampleDate, time: slot, code: "100002"), "08:01"), (.issue(service: "C", priority: false), "08:30"),
            (.checkIn(code: "100001"), "08:40"), (.callNext(counter: "3"), "09:02"), (.finish(counter: "3"), "09:10"),
            (.callNext(counter: "3"), "09:11"), (.tick, "09:12"),
        ] {
            if let new = try? engine.execute(command, on: &state, at: at(clock)) { events += new }
        }
        var builder = ReportBuilder(config: config)
        builder.beginDay(sampleDate)
        for event in events { builder.fold(event) }
        return builder.report(from: sampleDate, to: sampleDate, today: sampleDate)
    }

    /// A morning on the default hall, folded by the real report code.
    static func sampleReport() -> HallReport {
        let engine = QueueEngine(config: .defaultHall)
        var state = engine.initialState()
        var events: [HallEvent] = []
        func at(_ clock: String) -> Date { engine.calendar.instant(on: sampleDate, at: ClockTime(clock)!) }
        for (command, clock) in [
            (Command.tick, "08:00"), (.issue(service: "A", priority: false), "08:01"), (.issue(service: "B", priority: true), "08:02"),
            (.callNext(counter: "1"), "08:10"), (.start(counter: "1"), "08:11"), (.finish(counter: "1"), "08:20"),
            (.rate(counter: "1", score: 2, reason: "等候时间长"), "08:21"), (.pause(counter: "2"), "08:25"),
        ] {
            if let new = try? engine.execute(command, on: &state, at: at(clock)) { events += new }
        }
        var builder = ReportBuilder(config: .defaultHall)
        builder.beginDay(sampleDate)
        for event in events { builder.fold(event) }
        return builder.report(from: sampleDate, to: sampleDate, today: sampleDate)
    }
}
