/// Everything a hall's report is made of, whichever store it comes from: the hall's own
/// journal (`JournalReport`) or the central database (`kiosk central report`). Both fill this
/// and call `report`, so the centre's figures for a hall and day are the hall's own.
public struct ReportInput: Sendable {
    public var config: HallConfig
    /// The period's events, in journal order, each with its business date.
    public var events: [(date: BusinessDate, event: HallEvent)]
    /// The estimates printed each day (for the accuracy figures).
    public var printed: [BusinessDate: [PrintedEstimate]]
    /// SMS messages of the period by trigger, then state.
    public var sms: [String: [String: Int]]
    /// Every rating and follow-up event ever, in journal order (the follow-up book spans days).
    public var ratingEvents: [(date: BusinessDate, event: HallEvent)]

    public init(
        config: HallConfig, events: [(date: BusinessDate, event: HallEvent)], printed: [BusinessDate: [PrintedEstimate]] = [:],
        sms: [String: [String: Int]] = [:], ratingEvents: [(date: BusinessDate, event: HallEvent)] = []
    ) {
        self.config = config
        self.events = events
        self.printed = printed
        self.sms = sms
        self.ratingEvents = ratingEvents
    }

    /// The events folded, day by day.
    public func builder() -> ReportBuilder {
        var builder = ReportBuilder(config: config)
        var current: BusinessDate?
        for item in events {
            if item.date != current {
                current = item.date
                builder.beginDay(item.date, printed: printed[item.date] ?? [])
            }
            builder.fold(item.event)
        }
        return builder
    }

    /// The report of `from`…`to`; `today` decides which follow-ups are overdue.
    public func report(from: BusinessDate, to: BusinessDate, today: BusinessDate) -> HallReport {
        var book = FollowUpBook(holidays: config.holidays)
        for item in ratingEvents { book.fold(item.event, on: item.date) }
        return builder().report(from: from, to: to, sms: sms, followUps: book, today: today)
    }
}

extension ReportBuilder {
    /// The hall-level figures of several halls together (a city's totals): counts added,
    /// percentiles over every hall's waits and service times together (not an average of
    /// percentiles).
    public static func totals(_ builders: [ReportBuilder]) -> HallReport.Figures {
        var all = ReportFigures()
        for builder in builders {
            var b = builder
            b.finishDay()
            let f = b.hall
            all.issued += f.issued; all.served += f.served; all.noShow += f.noShow; all.cancelled += f.cancelled
            all.transferred += f.transferred; all.withinTarget += f.withinTarget
            all.waits += f.waits; all.serves += f.serves
        }
        return HallReport.Figures(all)
    }
}
