/// `POST /v1/windows/{id}/cover` and `/uncover`: the absent colleague's window (AB角). For
/// `uncover`, absent means every window it covers.
public struct CoverRequest: APIRequestBody, CaseIterableKeys {
    public var covered: String?

    public init(covered: String?) {
        self.covered = covered
    }

    public typealias Keys = CodingKeys
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case covered
    }
}
