/// The body of one command a client sends: any of the typed requests, or none. Lets a front
/// end hold "the request it is about to send" as a plain value (compared in tests).
public enum CommandBody: Sendable, Equatable, Encodable {
    case none
    case issue(IssueTicketRequest)
    case transfer(TransferRequest)
    case ticket(TicketChoiceRequest)
    case pause(PauseRequest)
    case cover(CoverRequest)
    case rating(RatingRequest)
    case followUpNote(FollowUpCloseRequest)
    case reviewHandOff(ReviewHandOffRequest)
    case reviewReturn(ReviewReturnRequest)
    case appointment(BookAppointmentRequest)

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .none: try EmptyRequest().encode(to: encoder)
        case let .issue(body): try body.encode(to: encoder)
        case let .transfer(body): try body.encode(to: encoder)
        case let .ticket(body): try body.encode(to: encoder)
        case let .pause(body): try body.encode(to: encoder)
        case let .cover(body): try body.encode(to: encoder)
        case let .rating(body): try body.encode(to: encoder)
        case let .followUpNote(body): try body.encode(to: encoder)
        case let .reviewHandOff(body): try body.encode(to: encoder)
        case let .reviewReturn(body): try body.encode(to: encoder)
        case let .appointment(body): try body.encode(to: encoder)
        }
    }
}
