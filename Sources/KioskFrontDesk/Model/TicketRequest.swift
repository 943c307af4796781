import KioskAPI
import KioskCore

/// What the ticket machine asks the daemon for (phones already checked as mainland mobiles).
public struct TicketRequest: Sendable, Equatable {
    public var service: String
    public var priority: Bool
    public var phone: PhoneNumber?
    public var caretaker: PhoneNumber?

    public init(service: String, priority: Bool = false, phone: PhoneNumber? = nil, caretaker: PhoneNumber? = nil) {
        self.service = service
        self.priority = priority
        self.phone = phone
        self.caretaker = caretaker
    }

    /// The `POST /v1/tickets` body.
    public var body: IssueTicketRequest {
        IssueTicketRequest(service: service, priority: priority ? true : nil, phone: phone?.digits, caretakerPhone: caretaker?.digits)
    }
}
