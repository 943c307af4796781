/// `POST /v1/windows/{id}/unpark` and `/call-ticket`: the ticket the window takes up.
public struct TicketChoiceRequest: APIRequestBody, CaseIterableKeys {
    /// `A023`.
    public var ticket: String

    public init(ticket: String) {
        self.ticket = ticket
    }

    public typealias Keys = CodingKeys
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case ticket
    }
}
