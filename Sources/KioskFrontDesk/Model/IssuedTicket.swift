import KioskAPI
import KioskCore

/// A ticket the daemon issued, as `POST /v1/tickets` answers: what the screen shows and the
/// printer prints.
public struct IssuedTicket: Sendable, Equatable {
    public var number: String
    public var serviceCode: String
    public var serviceName: String
    public var serviceNameEN: String
    public var priority: Bool
    /// Hall time of issue, `HH:MM:SS`.
    public var issuedAt: String
    public var peopleAhead: Int?
    /// Minutes: the printed estimate and its likely range.
    public var estimateMin: Int?
    public var estimateLowMin: Int?
    public var estimateHighMin: Int?
    public var explanation: String?
    public var explanationEN: String?
    public var documents: [String]
    /// The guide's materials, when the service has a guide: the slip prints these (original or
    /// copy, how many) instead of `documents`.
    public var materials: [GuideMaterial] = []
    /// An appointment's ticket (预约): its slot, `09:30`.
    public var appointmentTime: String?
    /// Why the ticket is not what was asked for (a late check-in's walk-in ticket).
    public var note: String?
    /// Where anyone can check the ticket's progress (absolute when the kiosk knows its public address).
    public var statusURL: String
    /// The citizen's page of this ticket, absolute (`https://q.example.gov.cn/t/…?k=…`): the
    /// QR code and the address under it. nil from a daemon without ticket pages.
    public var pageURL: String?
    /// Masked numbers the SMS goes to (`138****8000`), when given.
    public var smsTo: String?
    public var smsCaretaker: String?
    /// The hall's name and the business date (`2026-03-02`): a ticket found in a pocket a day
    /// later says where and when it was valid.
    public var hallName: String?
    public var date: String?
    /// Where to wait: the names of the windows that serve the ticket's service.
    public var windows: [String] = []
    /// Who may ask for priority, as the machine's priority screen named them.
    public var priorityGroups: PriorityGroups = .standard

    public init(number: String, serviceCode: String, serviceName: String, serviceNameEN: String = "", priority: Bool = false,
                issuedAt: String, peopleAhead: Int? = nil, estimateMin: Int? = nil, estimateLowMin: Int? = nil,
                estimateHighMin: Int? = nil, explanation: String? = nil, explanationEN: String? = nil,
                documents: [String] = [], statusURL: String, smsTo: String? = nil, smsCaretaker: String? = nil) {
        self.number = number
        self.serviceCode = serviceCode
        self.serviceName = serviceName
        self.serviceNameEN = serviceNameEN
        self.priority = priority
        self.issuedAt = issuedAt
        self.peopleAhead = peopleAhead
        self.estimateMin = estimateMin
        self.estimateLowMin = estimateLowMin
        self.estimateHighMin = estimateHighMin
        self.explanation = explanation
        self.explanationEN = explanationEN
        self.documents = documents
        self.statusURL = statusURL
        self.smsTo = smsTo
        self.smsCaretaker = smsCaretaker
    }

    /// Reads the issue answer; `publicBase` (e.g. `http://hall.example`) makes the status
    /// path absolute, `service` supplies the English name the answer lacks.
    public init(answer: IssuedTicketAnswer, publicBase: String, service: ServiceOption? = nil) {
        let ticket = answer.ticket
        var base = publicBase
        while base.hasSuffix("/") { base.removeLast() }
        self.init(
            number: ticket.ticket, serviceCode: ticket.service, serviceName: ticket.serviceName,
            serviceNameEN: service?.code == ticket.service ? service?.nameEN ?? "" : "",
            priority: ticket.priority == true, issuedAt: ticket.issuedAt, peopleAhead: ticket.peopleAhead,
            estimateMin: ticket.estimateMin.flatMap { ShownMinutes.whole($0) }, estimateLowMin: ticket.estimateLowMin.flatMap { ShownMinutes.whole($0) },
            estimateHighMin: ticket.estimateHighMin.flatMap { ShownMinutes.whole($0) },
            explanation: ticket.explanation, explanationEN: ticket.explanationEN, documents: answer.documents,
            statusURL: answer.statusURL.hasPrefix("/") ? base + answer.statusURL : answer.statusURL,
            smsTo: answer.smsTo, smsCaretaker: answer.smsCaretaker
        )
        pageURL = answer.publicPageURL ?? answer.pageURL.map { $0.hasPrefix("/") ? base + $0 : $0 }
        hallName = answer.hallName
        date = answer.date
        windows = answer.windows ?? []
        materials = (answer.materials ?? []).compactMap(\.material)
        appointmentTime = ticket.appointmentTime
        note = answer.note
    }
}
