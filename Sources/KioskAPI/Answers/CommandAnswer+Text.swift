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
    /// The window, and its ticket's service, are named as the daemon's hall names them (the
    /// answer carries the window): `kiosk call 3` printed 3号窗口 from the CLI's own config
    /// where the hall screen and the SMS said 医保窗口.
    /// - Parameter config: the CLI's idea of the hall (`--config`, else the embedded one): its
    ///   time zone reads the events' times; names the answer carries override its own.
    public func eventTexts(config: HallConfig) -> [String] {
        let hall = Self.named(config, as: window)
        let engine = QueueEngine(config: hall)
        return events.compactMap { $0.event(calendar: engine.calendar) }.map { EventText.describe($0, in: engine.initialState(), config: hall) }
    }

    /// `config` with `window`'s name, and its current ticket's service name, as the daemon said them.
    static func named(_ config: HallConfig, as window: WindowStatus?) -> HallConfig {
        guard let window else { return config }
        var config = config
        if let k = config.counters.firstIndex(where: { $0.id == window.id }) {
            config.counters[k].name = window.name
        } else {
            config.counters.append(CounterConfig(id: window.id, name: window.name, services: window.services))
        }
        if let ticket = window.current {
            if let k = config.services.firstIndex(where: { $0.code == ticket.service }) {
                config.services[k].name = ticket.serviceName
            } else {
                config.services.append(ServiceConfig(code: ticket.service, name: ticket.serviceName))
            }
        }
        return config
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
