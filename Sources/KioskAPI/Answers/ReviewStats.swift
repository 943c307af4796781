import KioskCore

/// 即审 figures of one scope (the hall, or a service) as `GET /v1/stats` carries them: the same
/// names as the report's `reviews`. Seconds; nearest-rank percentiles, `null` with no case.
public struct ReviewStats: Codable, Sendable, Equatable {
    public var handedOver: Int
    public var reviewed: Int
    public var approved: Int
    public var returned: Int
    public var returnedByReason: [String: Int]
    public var waitP50S: Double?
    public var waitP90S: Double?
    public var reviewP50S: Double?
    public var reviewP90S: Double?
    /// Per service letter (the hall's scope only; absent in a service's own).
    public var services: [String: ReviewStats]?

    public init(
        handedOver: Int = 0, reviewed: Int = 0, approved: Int = 0, returned: Int = 0, returnedByReason: [String: Int] = [:],
        waitP50S: Double? = nil, waitP90S: Double? = nil, reviewP50S: Double? = nil, reviewP90S: Double? = nil, services: [String: ReviewStats]? = nil
    ) {
        self.handedOver = handedOver
        self.reviewed = reviewed
        self.approved = approved
        self.returned = returned
        self.returnedByReason = returnedByReason
        self.waitP50S = waitP50S
        self.waitP90S = waitP90S
        self.reviewP50S = reviewP50S
        self.reviewP90S = reviewP90S
        self.services = services
    }

    /// The hall's figures with each service's.
    public init(_ figures: ReviewFigures) {
        self.init(figures.hall)
        services = figures.services.mapValues { ReviewStats($0) }
    }

    /// One scope's figures.
    public init(_ scope: ReviewFigures.Scope) {
        self.init(
            handedOver: scope.handedOver, reviewed: scope.reviewed, approved: scope.approved, returned: scope.returned,
            returnedByReason: scope.returnedByReason, waitP50S: scope.waitP50, waitP90S: scope.waitP90,
            reviewP50S: scope.timeP50, reviewP90S: scope.timeP90
        )
    }

    enum CodingKeys: String, CodingKey {
        case handedOver = "handed_over", reviewed, approved, returned, returnedByReason = "returned_by_reason"
        case waitP50S = "wait_p50_s", waitP90S = "wait_p90_s", reviewP50S = "review_p50_s", reviewP90S = "review_p90_s", services
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(handedOver, forKey: .handedOver)
        try c.encode(reviewed, forKey: .reviewed)
        try c.encode(approved, forKey: .approved)
        try c.encode(returned, forKey: .returned)
        try c.encode(returnedByReason, forKey: .returnedByReason)
        // `null`, never absent: the report writes the same names the same way.
        try c.encode(waitP50S, forKey: .waitP50S)
        try c.encode(waitP90S, forKey: .waitP90S)
        try c.encode(reviewP50S, forKey: .reviewP50S)
        try c.encode(reviewP90S, forKey: .reviewP90S)
        try c.encodeIfPresent(services, forKey: .services)
    }
}
