/// `POST /v1/tickets`: the kiosk (or a supervisor) takes a ticket.
public struct IssueTicketRequest: APIRequestBody, CaseIterableKeys {
    /// The service letter.
    public var service: String
    /// Elderly, disabled or otherwise entitled to priority; absent means no.
    public var priority: Bool?
    /// Mainland mobile (1[3-9] + 9 digits, optional +86) for the SMS; never shown in full again.
    public var phone: String?
    /// A caretaker's mobile, also told when the turn is near.
    public var caretakerPhone: String?
    /// A supervisor passes the capacity rules (audited).
    public var override: Bool?

    public init(service: String, priority: Bool? = nil, phone: String? = nil, caretakerPhone: String? = nil, override: Bool? = nil) {
        self.service = service
        self.priority = priority
        self.phone = phone
        self.caretakerPhone = caretakerPhone
        self.override = override
    }

    public typealias Keys = CodingKeys
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case service, priority, phone, caretakerPhone = "caretaker_phone", override
    }
}
