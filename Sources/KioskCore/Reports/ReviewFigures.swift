import Foundation

/// 即审 figures folded from the journal's events, for the hall and per service: the same fold
/// for `/v1/stats` (today) and reports (a period). Waits run from the hand-off to the reviewer
/// taking the case, review times from taking to the decision; percentiles are nearest-rank.
public struct ReviewFigures: Sendable, Equatable {
    /// One scope's figures (the hall, or one service).
    public struct Scope: Sendable, Equatable {
        /// Cases handed to review.
        public var handedOver = 0
        /// Cases decided (approved or returned).
        public var reviewed = 0
        public var approved = 0
        /// Returned cases by reason.
        public var returnedByReason: [String: Int] = [:]
        /// Seconds from hand-off to taken, one per case taken.
        public var waits: [Double] = []
        /// Seconds from taken to decided, one per case decided.
        public var times: [Double] = []

        public init() {}

        public var returned: Int { returnedByReason.values.reduce(0, +) }
        public var waitP50: Double? { NearestRank.percentile(50, of: waits) }
        public var waitP90: Double? { NearestRank.percentile(90, of: waits) }
        public var timeP50: Double? { NearestRank.percentile(50, of: times) }
        public var timeP90: Double? { NearestRank.percentile(90, of: times) }

        /// The scope as JSON (stats and reports; names fixed).
        public var jsonValue: JSONValue {
            [
                "handed_over": .int(handedOver), "reviewed": .int(reviewed), "approved": .int(approved), "returned": .int(returned),
                "returned_by_reason": .object(returnedByReason.sorted { $0.key < $1.key }.map { (key: $0.key, value: .int($0.value)) }),
                "wait_p50_s": .optional(waitP50), "wait_p90_s": .optional(waitP90),
                "review_p50_s": .optional(timeP50), "review_p90_s": .optional(timeP90),
            ]
        }
    }

    public var hall = Scope()
    public var services: [ServiceCode: Scope] = [:]
    // The day being folded: each ticket's service now, and its open case's moments.
    private var serviceOf: [TicketNumber: ServiceCode] = [:]
    private var caseService: [TicketNumber: ServiceCode] = [:]
    private var handedAt: [TicketNumber: Date] = [:]
    private var takenAt: [TicketNumber: Date] = [:]

    public init() {}

    /// Folds one event; a period's figures add up across days (numbers restart each day).
    public mutating func fold(_ event: HallEvent) {
        switch event.kind {
        case .dayStarted:
            serviceOf = [:]
            caseService = [:]
            handedAt = [:]
            takenAt = [:]
        case let .issued(ticket, service, _, _, _):
            serviceOf[ticket] = service
        case let .transferred(ticket, _, _, to):
            serviceOf[ticket] = to
        case let .handedToReview(ticket, _, _):
            let service = serviceOf[ticket] ?? String(ticket.prefix(1))
            caseService[ticket] = service
            handedAt[ticket] = event.at
            takenAt[ticket] = nil
            add(service) { $0.handedOver += 1 }
        case let .reviewTaken(ticket, _):
            guard let service = caseService[ticket] else { break }
            takenAt[ticket] = event.at
            if let handed = handedAt[ticket] { add(service) { $0.waits.append(event.at.timeIntervalSince(handed)) } }
        case let .reviewApproved(ticket, _):
            decided(ticket, at: event.at) { $0.approved += 1 }
        case let .reviewReturned(ticket, _, reason):
            decided(ticket, at: event.at) { $0.returnedByReason[reason, default: 0] += 1 }
        default:
            break
        }
    }

    private mutating func decided(_ ticket: TicketNumber, at: Date, _ change: (inout Scope) -> Void) {
        guard let service = caseService.removeValue(forKey: ticket) else { return }
        let taken = takenAt.removeValue(forKey: ticket)
        handedAt[ticket] = nil
        add(service) { scope in
            scope.reviewed += 1
            if let taken { scope.times.append(at.timeIntervalSince(taken)) }
            change(&scope)
        }
    }

    private mutating func add(_ service: ServiceCode, _ change: (inout Scope) -> Void) {
        change(&hall)
        change(&services[service, default: Scope()])
    }

    public static func == (a: ReviewFigures, b: ReviewFigures) -> Bool {
        a.hall == b.hall && a.services == b.services
    }

    /// The hall's figures with each service's (services with cases only), as JSON.
    public var jsonValue: JSONValue {
        guard case var .object(members) = hall.jsonValue else { return hall.jsonValue }
        members.append(("services", .object(services.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value.jsonValue) })))
        return .object(members)
    }
}
