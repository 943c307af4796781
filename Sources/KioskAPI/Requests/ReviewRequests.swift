/// `POST /v1/windows/{id}/review`: 即审, the window hands the case it serves to review, with an
/// optional note for the reviewer.
public struct ReviewHandOffRequest: APIRequestBody, CaseIterableKeys {
    /// At most 100 characters.
    public var note: String?

    public init(note: String? = nil) {
        self.note = note
    }

    public typealias Keys = CodingKeys
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case note
    }
}

/// `POST /v1/windows/{id}/review/return`: the reviewer returns its case with what is missing.
public struct ReviewReturnRequest: APIRequestBody, CaseIterableKeys {
    /// At most 20 characters (`ReviewReason.maxLength`): told to the clerk and sent by SMS.
    public var reason: String

    public init(reason: String) {
        self.reason = reason
    }

    public typealias Keys = CodingKeys
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case reason
    }
}
