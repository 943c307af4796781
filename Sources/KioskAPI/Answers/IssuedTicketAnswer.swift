/// The answer to `POST /v1/tickets` (schema `IssuedTicket`): the ticket's fields, plus what
/// to bring, where to follow it, and the masked numbers its SMS go to.
public struct IssuedTicketAnswer: Codable, Sendable, Equatable {
    /// The ticket as `GET /v1/tickets/{number}` shows it, with the printed estimate.
    public var ticket: TicketStatus
    public var documents: [String]
    /// `/v1/tickets/A023`.
    public var statusURL: String
    /// Masked (`138****8000`): an answer never carries a full phone number.
    public var smsTo: String?
    public var smsCaretaker: String?
    /// The hall and the business date (`2026-03-02`): the printed ticket says where and when it
    /// is valid.
    public var hallName: String?
    public var date: String?
    /// Where to wait: the names of the windows that serve the ticket's service.
    public var windows: [String]?
    /// The guide's materials (original or copy, how many), when the service has a guide: the
    /// slip lists these instead of the bare document names.
    public var materials: [GuideMaterialView]?
    /// The citizen's page of this ticket, `/t/2026-03-02/A023?k=KEY`: the key is printed only on
    /// the ticket (in its QR code), and without it the page is 404.
    public var pageURL: String?
    /// The page's full address for phones: the hall's `hall.public_url` + `page_url`; absent when
    /// the hall has no public address.
    public var publicPageURL: String?
    /// A check-in's appointment (预约): its code and slot.
    public var appointment: AppointmentAnswer?
    /// Why the ticket is not what was asked for, e.g. a late check-in's walk-in ticket.
    public var note: String?

    public init(
        ticket: TicketStatus, documents: [String] = [], statusURL: String? = nil, smsTo: String? = nil, smsCaretaker: String? = nil,
        hallName: String? = nil, date: String? = nil, windows: [String]? = nil, materials: [GuideMaterialView]? = nil,
        pageURL: String? = nil, publicPageURL: String? = nil,
        appointment: AppointmentAnswer? = nil, note: String? = nil
    ) {
        self.materials = materials
        self.appointment = appointment
        self.note = note
        self.ticket = ticket
        self.documents = documents
        self.statusURL = statusURL ?? "/v1/tickets/\(ticket.ticket)"
        self.smsTo = smsTo
        self.smsCaretaker = smsCaretaker
        self.hallName = hallName
        self.date = date
        self.windows = windows
        self.pageURL = pageURL
        self.publicPageURL = publicPageURL
    }

    enum CodingKeys: String, CodingKey {
        case documents, statusURL = "status_url", smsTo = "sms_to", smsCaretaker = "sms_caretaker"
        case hallName = "hall_name", date, windows, materials, pageURL = "page_url", publicPageURL = "public_page_url", appointment, note
    }

    // One flat JSON object: the ticket's members and these beside them.
    public init(from decoder: any Decoder) throws {
        ticket = try TicketStatus(from: decoder)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        documents = try c.decode([String].self, forKey: .documents)
        statusURL = try c.decode(String.self, forKey: .statusURL)
        smsTo = try c.decodeIfPresent(String.self, forKey: .smsTo)
        smsCaretaker = try c.decodeIfPresent(String.self, forKey: .smsCaretaker)
        hallName = try c.decodeIfPresent(String.self, forKey: .hallName)
        date = try c.decodeIfPresent(String.self, forKey: .date)
        windows = try c.decodeIfPresent([String].self, forKey: .windows)
        materials = try c.decodeIfPresent([GuideMaterialView].self, forKey: .materials)
        pageURL = try c.decodeIfPresent(String.self, forKey: .pageURL)
        publicPageURL = try c.decodeIfPresent(String.self, forKey: .publicPageURL)
        appointment = try c.decodeIfPresent(AppointmentAnswer.self, forKey: .appointment)
        note = try c.decodeIfPresent(String.self, forKey: .note)
    }

    public func encode(to encoder: any Encoder) throws {
        try ticket.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(documents, forKey: .documents)
        try c.encode(statusURL, forKey: .statusURL)
        try c.encodeIfPresent(smsTo, forKey: .smsTo)
        try c.encodeIfPresent(smsCaretaker, forKey: .smsCaretaker)
        try c.encodeIfPresent(hallName, forKey: .hallName)
        try c.encodeIfPresent(date, forKey: .date)
        try c.encodeIfPresent(windows, forKey: .windows)
        try c.encodeIfPresent(materials, forKey: .materials)
        try c.encodeIfPresent(pageURL, forKey: .pageURL)
        try c.encodeIfPresent(publicPageURL, forKey: .publicPageURL)
        try c.encodeIfPresent(appointment, forKey: .appointment)
        try c.encodeIfPresent(note, forKey: .note)
    }
}
