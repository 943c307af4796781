import KioskCore

extension EventLine {
    /// The event this line carries, read back in the hall's calendar (`TraceCodec`); nil for a
    /// line without a business date or one that is not a hall event.
    public func event(calendar: HallCalendar) -> HallEvent? {
        guard let day = date.flatMap(BusinessDate.init) else { return nil }
        return try? TraceCodec(calendar: calendar, date: day).decode(json)
    }
}

extension CommandAnswer {
    /// Each event the command committed, in words (`EventText`), as the CLI prints the answer.
    public func eventTexts(config: HallConfig) -> [String] {
        let engine = QueueEngine(config: config)
        return events.compactMap { $0.event(calendar: engine.calendar) }.map { EventText.describe($0, in: engine.initialState(), config: config) }
    }
}

extension IssuedTicketAnswer {
    /// The CLI's line for this ticket (`IssuedTicketText`), with the phones as the daemon masked them.
    public var line: String {
        IssuedTicketText.line(
            ticket: ticket.ticket, serviceName: ticket.serviceName, ahead: ticket.peopleAhead ?? 0, documents: documents,
            maskedPhone: smsTo, maskedCaretaker: smsCaretaker
        )
    }
}
