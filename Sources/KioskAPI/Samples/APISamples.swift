import KioskCore

/// Sample values of every answer and request type, encoded exactly as the daemon and the
/// clients encode them. `scripts/test` validates each against `openapi.yaml`, so the
/// document and the code cannot drift apart; `KioskAPITests` round-trips them.
public enum APISamples {
    /// Every sample, encoded with `APICoding`.
    public static func all() throws -> [APISample] {
        var samples: [APISample] = []
        func add(_ method: String, _ path: String, _ status: String, _ name: String, _ value: some Encodable) throws {
            samples.append(APISample(method: method, path: path, status: status, name: name, json: try APICoding.string(value)))
        }
        try add("get", "/healthz", "200", "health", HealthAnswer())
        try add("get", "/healthz", "200", "health", HealthAnswer(journal: "degraded", quarantinedRows: 2))
        try add("get", "/healthz", "200", "clock warning", HealthAnswer(clock: "warning", clockSkewSeconds: 86_400))
        try add("get", "/v1/services", "200", "services", ServiceList(services: services))
        for code in ["C", "F", "K"] {
            let service = HallConfig.defaultHall.service(code)!
            try add("get", "/v1/services/{code}/guide", "200", "the embedded hall's \(code)", ServiceGuideAnswer(service: service, guide: service.guide!))
        }
        try add("get", "/v1/services/{code}/guide", "404", "no guide", ErrorAnswer(code: "no_guide", message: "本业务暂无办事指南"))
        let booked = AppointmentAnswer(code: "042917", service: "C", serviceName: "失业登记/失业证", date: "2026-03-03", time: "09:30", state: "booked")
        try add("post", "/v1/appointments", "request", "book", BookAppointmentRequest(service: "C", date: "2026-03-03", time: "09:30"))
        try add("post", "/v1/appointments", "201", "booked", booked)
        try add("post", "/v1/appointments", "request", "book with a phone for the reminders", BookAppointmentRequest(service: "C", date: "2026-03-03", time: "09:30", phone: "13800138000"))
        var bookedWithPhone = booked
        bookedWithPhone.smsTo = "138****8000"
        try add("post", "/v1/appointments", "201", "booked with a phone (masked)", bookedWithPhone)
        try add("post", "/v1/appointments", "409", "slot full", ErrorAnswer(code: "slot_full", message: "2026-03-03 09:30已约满,最近的空闲时段:10:00"))
        var checkedIn = booked
        checkedIn.state = "checked_in"
        checkedIn.ticket = "C004"
        try add("get", "/v1/appointments", "200", "a day", AppointmentList(date: "2026-03-03", appointments: [booked, checkedIn]))
        var cancelled = booked
        cancelled.state = "cancelled"
        try add("delete", "/v1/appointments/{code}", "200", "cancelled", cancelled)
        var appointmentTicket = waitingTicket
        appointmentTicket.appointmentTime = "09:30"
        try add("post", "/v1/appointments/{code}/check-in", "201", "on time", IssuedTicketAnswer(ticket: appointmentTicket, documents: ["身份证"], appointment: checkedIn))
        try add("post", "/v1/appointments/{code}/check-in", "201", "late: a walk-in ticket", IssuedTicketAnswer(
            ticket: waitingTicket, documents: ["身份证"], appointment: checkedIn, note: "已超过预约时段09:30后10分钟,按现场取号排队"
        ))
        try add("post", "/v1/appointments/{code}/check-in", "409", "too early", ErrorAnswer(code: "too_early", message: "预约042917请于09:00后签到"))
        for (name, ticket) in [("waiting with an estimate", waitingTicket), ("called", calledTicket), ("done, nothing optional", doneTicket)] {
            var publicStatus = ticket
            publicStatus.priority = nil   // the public status never says
            try add("get", "/v1/tickets/{number}", "200", name, publicStatus)
        }
        try add("post", "/v1/tickets", "201", "issued with SMS", issued)
        try add("post", "/v1/tickets", "201", "issued without estimate or SMS", IssuedTicketAnswer(ticket: doneTicket, documents: []))
        try add("post", "/v1/tickets", "409", "refusal", refusal)
        var warnedWindow = pausedWindow
        warnedWindow.clock = "warning"
        for (name, window) in [("serving with SMS", servingWindow), ("paused, idle", pausedWindow), ("closed", closedWindow), ("clock warning", warnedWindow)] {
            try add("get", "/v1/windows/{id}", "200", name, window)
        }
        for action in ["call", "recall", "start", "finish", "noshow", "park", "resume", "close", "open", "transfer", "unpark", "noshow-awaiting", "review", "review/next", "review/approve", "review/return", "call-ticket", "pause", "cover", "uncover"] {
            try add("post", "/v1/windows/{id}/\(action)", "200", "window answer", WindowCommandAnswer(events: events, window: servingWindow))
            try add("post", "/v1/windows/{id}/\(action)", "409", "refusal", refusal)
        }
        for path in ["/v1/tickets/{number}/cancel", "/v1/tickets/{number}/reactivate", "/v1/services/{code}/close", "/v1/services/{code}/reopen"] {
            try add("post", path, "200", "events", EventsAnswer(events: events))
        }
        try add("get", "/v1/hall", "200", "hall on a business day", hall)
        var before = hall
        before.hall.date = nil
        before.calls = []
        try add("get", "/v1/hall", "200", "hall before its first day", before)
        try add("get", "/v1/stats", "200", "stats", stats)
        try add("get", "/v1/advice", "200", "advice", advice)
        try add("get", "/v1/advice", "200", "nothing helps", AdviceAnswer(date: "2026-03-02", time: "10:15:00", before: advice.before, advice: []))
        var withAppointments = stats
        var figures = AppointmentFigures()
        (figures.booked, figures.checkedIn, figures.noShow, figures.cancelled, figures.called) = (12, 9, 2, 1, 8)
        (figures.waitMeanSeconds, figures.waitMaxSeconds) = (95.5, 410)
        withAppointments.appointments = StatsAnswer.Appointments(figures)
        try add("get", "/v1/stats", "200", "stats with appointments", withAppointments)
        try add("post", "/v1/admin/clock/confirm", "200", "confirmed", ClockConfirmAnswer(clock: ClockHealth(), hallTime: "2026-03-02 10:05:00"))
        try add("post", "/v1/admin/clock/confirm", "409", "wall clock behind", ErrorAnswer(code: "clock_behind_hall", message: "电脑时钟比大厅时钟慢86400秒"))
        try add("get", "/v1/sms/dlr", "200", "delivery report", DeliveryReportAnswer(id: 42, state: "delivered"))
        // Requests, as the clients send them.
        try add("post", "/v1/tickets", "request", "issue, every field", IssueTicketRequest(service: "C", priority: true, phone: "13800138000", caretakerPhone: "13900139000", override: false))
        try add("post", "/v1/tickets", "request", "issue, service only", IssueTicketRequest(service: "C"))
        try add("post", "/v1/windows/{id}/call", "request", "no fields", CommandBody.none)
        try add("post", "/v1/windows/{id}/transfer", "request", "transfer", CommandBody.transfer(TransferRequest(service: "D")))
        try add("post", "/v1/windows/{id}/unpark", "request", "unpark", CommandBody.ticket(TicketChoiceRequest(ticket: "C001")))
        try add("post", "/v1/windows/{id}/review", "request", "hand over with a note", CommandBody.reviewHandOff(ReviewHandOffRequest(note: "退休金核定,材料齐")))
        try add("post", "/v1/windows/{id}/review", "request", "hand over", CommandBody.reviewHandOff(ReviewHandOffRequest()))
        try add("post", "/v1/windows/{id}/review/return", "request", "return with a reason", CommandBody.reviewReturn(ReviewReturnRequest(reason: "缺身份证复印件")))
        try add("post", "/v1/windows/{id}/review/next", "200", "a reviewer takes a case", WindowCommandAnswer(events: events, window: reviewerWindow))
        try add("get", "/v1/windows/{id}", "200", "a reviewer's window", reviewerWindow)
        try add("get", "/v1/windows/{id}", "200", "a called-back ticket, returned", calledBackWindow)
        try add("post", "/v1/windows/{id}/noshow-awaiting", "request", "give up a set-aside ticket", CommandBody.ticket(TicketChoiceRequest(ticket: "C004")))
        try add("post", "/v1/windows/{id}/call-ticket", "request", "call a ticket", CommandBody.ticket(TicketChoiceRequest(ticket: "C001")))
        try add("post", "/v1/windows/{id}/pause", "request", "pause until", CommandBody.pause(PauseRequest(until: "10:30")))
        try add("post", "/v1/windows/{id}/pause", "request", "pause", CommandBody.pause(PauseRequest()))
        try add("post", "/v1/windows/{id}/cover", "request", "cover", CommandBody.cover(CoverRequest(covered: "5")))
        try add("post", "/v1/windows/{id}/uncover", "request", "uncover all", CommandBody.cover(CoverRequest(covered: nil)))
        try configSamples { method, path, status, name, value in try add(method, path, status, name, value) }
        try reportSamples { method, path, status, name, value in try add(method, path, status, name, value) }
        return samples
    }

    static let waitingTicket = TicketStatus(
        ticket: "C003", service: "C", serviceName: "失业登记", priority: true, state: "waiting", issuedAt: "09:12:05", peopleAhead: 2,
        estimate: .init(minutes: 9, lowMinutes: 5, highMinutes: 14, explanation: "前面 2 人,每人约 4 分钟", explanationEN: "2 ahead, about 4 min each")
    )
    static let calledTicket = TicketStatus(
        ticket: "A023", service: "A", serviceName: "求职登记", state: "called", issuedAt: "09:30:00", peopleAhead: 0,
        counter: "1", counterName: "1号窗口", calls: 2, acknowledged: true
    )
    static let doneTicket = TicketStatus(ticket: "B004", service: "B", serviceName: "职业介绍", state: "done", issuedAt: "08:31:00")

    static let issued = IssuedTicketAnswer(
        ticket: waitingTicket, documents: ["身份证", "户口簿"], smsTo: PhoneNumber("13800138000")!.masked, smsCaretaker: PhoneNumber("13900139000")!.masked,
        hallName: "连城县人社局综合服务大厅", date: "2026-03-02", windows: ["1号窗口", "2号窗口"],
        materials: [GuideMaterialView(name: "身份证", form: "original_and_copy", count: 1), GuideMaterialView(name: "户口簿", form: "copy", count: 2, notes: "如有")],
        pageURL: "/t/2026-03-02/A023?k=3f9c2a7b1e8d4c6a0b5f", publicPageURL: "https://q.example.gov.cn/t/2026-03-02/A023?k=3f9c2a7b1e8d4c6a0b5f"
    )
    static let refusal = ErrorAnswer(code: "quota_reached", message: "今日号已取完 Today's quota is reached")

    static let servingWindow: WindowStatus = {
        var window = WindowStatus(
            id: "3", name: "3号窗口", services: ["C", "D", "E"], status: "open",
            current: TicketStatus(ticket: "D002", service: "D", serviceName: "社保参保登记", state: "serving", issuedAt: "09:01:00", counter: "3", counterName: "3号窗口"),
            waiting: 2, covering: ["5"], parked: ["C001", "C004"], sms: "delivered"
        )
        window.awaiting = ["C004"]
        return window
    }()
    /// 即审: reviewer window 9 holds A023, handed over by window 3 with a note; two more wait.
    static let reviewerWindow: WindowStatus = {
        var window = WindowStatus(id: "9", name: "审核岗", services: [], status: "open")
        var held = TicketStatus(ticket: "A023", service: "A", serviceName: "求职登记", state: "in_review", issuedAt: "09:30:00")
        held.review = .init(handedBy: "3", handedAt: "09:52:10", note: "退休金核定,材料齐", reviewer: "9")
        window.reviewing = held
        window.reviewQueue = 2
        return window
    }()
    /// 即审: window 3 called A023 back after a return; C009 is still in review.
    static let calledBackWindow: WindowStatus = {
        var current = TicketStatus(ticket: "A023", service: "A", serviceName: "求职登记", state: "called", issuedAt: "09:30:00", counter: "3", counterName: "3号窗口", calls: 1)
        current.review = .init(handedBy: "3", handedAt: "09:52:10", reviewer: "9", decision: "returned", reason: "缺身份证复印件")
        var window = WindowStatus(id: "3", name: "3号窗口", services: ["A", "C"], status: "open", current: current, waiting: 1)
        window.inReview = ["C009"]
        return window
    }()
    static let pausedWindow = WindowStatus(id: "2", name: "2号窗口", services: ["A", "B"], status: "paused", backAt: "10:30", waiting: 4)
    static let closedWindow = WindowStatus(id: "8", name: "8号窗口", services: ["K"], status: "closed")

    static let services = [
        ServiceStatus(code: "A", name: "求职登记", nameEN: "Job-seeker registration", documents: ["身份证"], waiting: 3, estimateMin: 12, hasGuide: true).taking(appointments: true),
        ServiceStatus(code: "B", name: "职业介绍", nameEN: "Job referral", waiting: 0, estimateMin: 0, dailyQuota: 40, issuedToday: 40),
        ServiceStatus(code: "G", name: "劳动争议调解仲裁", nameEN: "Labour dispute mediation", status: "service_closed", statusMessage: "该业务今日已停止取号"),
    ]

    static let events = [
        EventLine(trace: ["t": 34325, "ev": "call", "ticket": "A023", "counter": "1"], date: "2026-03-02", seq: 17),
        EventLine(trace: ["t": 34325.5, "ev": "recall", "ticket": "A023", "counter": "1", "n": 1], date: "2026-03-02", seq: 18),
    ]

    static let hall = HallSnapshot(
        hall: .init(name: "连城县人社局综合服务大厅", nameEN: "Liancheng Hall", notice: "请携带身份证原件", date: "2026-03-02", clock: "09:41", issuing: true),
        windows: [servingWindow, pausedWindow, closedWindow],
        services: services,
        calls: [.init(ticket: "A023", counter: "1", counterName: "1号窗口", at: "09:40:12"), .init(ticket: "C001", counter: "3", counterName: "3号窗口", at: "09:30:05", appointmentTime: "09:30")],
        journal: JournalHealth(state: "degraded", quarantinedRows: 2),
        clock: ClockHealth(state: "warning", skewSeconds: 86_400),
        seq: 42
    )

    /// A paused window 5 with a long L line: resume it, or let window 8 cover it, or (a hall
    /// with `may_serve`) let window 6 also serve L.
    static var advice: AdviceAnswer {
        let before = AdviceAnswer.Outlook(longestWaitMin: 38, pastTarget: 6, minutesPastTarget: 71, waits: ["L001": 3, "L002": 17, "L003": 38, "A004": 0])
        let resumed = AdviceAnswer.Outlook(longestWaitMin: 15, pastTarget: 2, minutesPastTarget: 12, waits: ["L001": 0, "L002": 6, "L003": 15, "A004": 0])
        let covered = AdviceAnswer.Outlook(longestWaitMin: 21, pastTarget: 3, minutesPastTarget: 24, waits: ["L001": 0, "L002": 9, "L003": 21, "A004": 0])
        let config = HallConfig.defaultHall
        let items = [
            (StaffingMove(kind: .resume, window: "5"), resumed), (StaffingMove(kind: .cover, window: "8", fromWindow: "5"), covered),
            (StaffingMove(kind: .addService, window: "6", service: "L"), covered),
        ].map { move, after in
            let advice = StaffingAdvice(
                move: move,
                before: LineOutlook(waits: before.waits, longestWaitMinutes: before.longestWaitMin, pastTarget: before.pastTarget, minutesPastTarget: before.minutesPastTarget),
                after: LineOutlook(waits: after.waits, longestWaitMinutes: after.longestWaitMin, pastTarget: after.pastTarget, minutesPastTarget: after.minutesPastTarget)
            )
            return AdviceAnswer.Item(advice, config: config)
        }
        return AdviceAnswer(date: "2026-03-02", time: "10:15:00", before: before, advice: items)
    }

    static let stats = StatsAnswer(
        calledWithEstimate: 57, maeMin: 3.42, biasMin: -0.8, under5Share: 0.07, recentMAEMin: 2.9,
        headsUp: .init(scored: 12, onTimeShare: 0.75, earlyShare: 0.17, lateShare: 0.08),
        replies: .init(received: 9, acknowledged: 6, cancelled: 1, help: 2, escalated: 2, noShowsAvoided: 1),
        reviews: ReviewStats(
            handedOver: 5, reviewed: 4, approved: 3, returned: 1, returnedByReason: ["缺身份证复印件": 1],
            waitP50S: 95, waitP90S: 240, reviewP50S: 180, reviewP90S: 420,
            services: ["A": ReviewStats(handedOver: 5, reviewed: 4, approved: 3, returned: 1, returnedByReason: ["缺身份证复印件": 1],
                                        waitP50S: 95, waitP90S: 240, reviewP50S: 180, reviewP90S: 420)]
        )
    )
}
