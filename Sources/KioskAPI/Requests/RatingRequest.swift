/// `POST /v1/windows/{id}/rating`: the citizen's 好差评 from the window's rating pad.
public struct RatingRequest: APIRequestBody, CaseIterableKeys {
    /// 1 非常不满意 … 5 非常满意.
    public var score: Int
    /// Why, for a 差评 (at most 200 characters).
    public var reason: String?

    public init(score: Int, reason: String? = nil) {
        self.score = score
        self.reason = reason
    }

    public typealias Keys = CodingKeys
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case score, reason
    }
}

/// `POST /v1/ratings/followups/{id}/close`: what was done to put a 差评 right.
public struct FollowUpCloseRequest: APIRequestBody, CaseIterableKeys {
    public var note: String

    public init(note: String) {
        self.note = note
    }

    public typealias Keys = CodingKeys
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case note
    }
}
