extension ReportBuilder {
    /// The figures folded so far, for the period `from`…`to`.
    ///
    /// - Parameters:
    ///   - sms: outbox messages of the period by trigger and state (the store's, not events).
    ///   - followUps: the follow-up book as of now (closures may fall after the period).
    ///   - today: the date that decides which follow-ups are overdue.
    public func report(
        from: BusinessDate, to: BusinessDate, sms: [String: [String: Int]] = [:], followUps: FollowUpBook? = nil, today: BusinessDate
    ) -> HallReport {
        var builder = self
        builder.finishDay()
        return builder.makeReport(from: from, to: to, sms: sms, followUps: followUps, today: today)
    }

    private func makeReport(
        from: BusinessDate, to: BusinessDate, sms: [String: [String: Int]], followUps: FollowUpBook?, today: BusinessDate
    ) -> HallReport {
        // Configured services and windows in config order, then any only the journal knows.
        let serviceCodes = config.services.map(\.code) + services.keys.filter { config.service($0) == nil }.sorted()
        let windowIDs = config.counters.map(\.id) + (Set(windows.keys).union(windowTime.keys)).filter { config.counter($0) == nil }.sorted()
        let serviceRows = serviceCodes.map { code in
            HallReport.ServiceRow(
                code: code, name: config.service(code)?.name ?? code, targetWaitMinutes: config.targets.minutes(for: code),
                figures: HallReport.Figures(services[code] ?? ReportFigures()), replies: repliesByService[code] ?? ReplyFigures(),
                reviews: reviews.services[code] ?? ReviewFigures.Scope()
            )
        }
        let windowRows = windowIDs.map { id in
            let f = windows[id] ?? ReportFigures()
            return HallReport.WindowRow(
                id: id, name: config.counter(id)?.name ?? "\(id)号窗口", served: f.served, serveP50: f.serveP50,
                time: windowTime[id] ?? WindowTime()
            )
        }
        var halves: [HallReport.HalfHour] = []
        if let first = halfHours.keys.min(), let last = halfHours.keys.max() {
            for k in first...last {
                let f = halfHours[k] ?? ReportFigures()
                halves.append(HallReport.HalfHour(start: k * 1800, issued: f.issued, served: f.served))
            }
        }
        let hourRows = hours.keys.sorted().map { h in
            let f = hours[h]!
            return HallReport.HourWaits(hour: h, tickets: f.waits.count, waitP50: f.waitP50, waitP90: f.waitP90)
        }
        var counts: [Int: Int] = [:]
        for score in RatingScale.scores { counts[score] = 0 }
        for rating in ratings { counts[rating.score, default: 0] += 1 }
        let bad = ratings.filter { RatingScale.isBad($0.score) }.map { rating in
            followUps?.followUp(rating.followUpID)
                ?? FollowUp(rating: rating, due: WorkingDays(holidays: config.holidays).adding(FollowUp.workingDaysAllowed, after: rating.date))
        }
        var report = HallReport(
            hallName: config.name, from: from, to: to, days: days, hall: HallReport.Figures(hall),
            services: serviceRows, windows: windowRows, halfHours: halves, hours: hourRows,
            estimates: AccuracyLedger.Summary(accuracyOutcomes, recent: []), sms: sms,
            ratings: HallReport.Ratings(counts: counts, all: ratings, bad: bad, overdue: bad.filter { $0.isOverdue(on: today) }.count),
            timelineDate: days.last,
            timeline: windowIDs.compactMap { id in timeline[id].map { (window: id, segments: $0) } },
            targetWaitMinutes: config.targets.defaultMinutes
        )
        report.replies = replies
        report.reviews = reviews.hall
        report.advice = advice
        report.appointments = appointments.isEmpty ? nil : appointments
        return report
    }
}
