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
    /// - Parameters:
    ///   - config: the CLI's idea of the hall (`--config`, else the embedded one): its time
    ///     zone reads the events' times; names the daemon gave override its own.
    ///   - services: the daemon's services (`GET /v1/services`), so a transfer names both lines
    ///     as the hall does; empty when they could not be read.
    public func eventTexts(config: HallConfig, services: [ServiceStatus] = []) -> [String] {
        var hall = Self.named(config, as: window)
        for service in services { hall.name(service: service.code, service.name) }
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
        if let ticket = window.current { config.name(service: ticket.service, ticket.serviceName) }
        return config
    }
}

extension HallConfig {
    /// Names service `code` `name` (adding it when this config lacks it).
    fileprivate mutating func name(service code: ServiceCode, _ name: String) {
        if let k = services.firstIndex(where: { $0.code == code }) {
            services[k].name = name
        } else {
            services.append(ServiceConfig(code: code, name: name))
        }
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
