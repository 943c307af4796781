/// `POST /v1/windows/{id}/unpark`, `/noshow-awaiting` and `/call-ticket`: the ticket the window acts on.
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
