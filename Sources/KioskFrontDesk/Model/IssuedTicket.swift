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
    /// Where anyone can check the ticket's progress (absolute when the kiosk knows its public address).
    public var statusURL: String
    /// Masked numbers the SMS goes to (`138****8000`), when given.
    public var smsTo: String?
    public var smsCaretaker: String?

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
    public init?(json: JSONValue, publicBase: String, service: ServiceOption? = nil) {
        guard let number = json["ticket"]?.stringValue else { return nil }
        let code = json["service"]?.stringValue ?? service?.code ?? ""
        let path = json["status_url"]?.stringValue ?? "/v1/tickets/\(number)"
        var base = publicBase
        while base.hasSuffix("/") { base.removeLast() }
        self.init(
            number: number, serviceCode: code,
            serviceName: json["service_name"]?.stringValue ?? service?.name ?? code,
            serviceNameEN: service?.code == code ? service?.nameEN ?? "" : "",
            priority: json["priority"]?.boolValue ?? false,
            issuedAt: json["issued_at"]?.stringValue ?? "",
            peopleAhead: json["people_ahead"]?.intValue,
            estimateMin: json["estimate_min"]?.intValue, estimateLowMin: json["estimate_low_min"]?.intValue,
            estimateHighMin: json["estimate_high_min"]?.intValue,
            explanation: json["explanation"]?.stringValue, explanationEN: json["explanation_en"]?.stringValue,
            documents: (json["documents"]?.arrayValue ?? []).compactMap(\.stringValue),
            statusURL: path.hasPrefix("/") ? base + path : path,
            smsTo: json["sms_to"]?.stringValue, smsCaretaker: json["sms_caretaker"]?.stringValue
        )
    }
}
