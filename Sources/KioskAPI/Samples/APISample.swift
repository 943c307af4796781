/// One encoded example of an API value and where the published contract (`openapi.yaml`)
/// declares its schema: an answer of `method path` with `status`, or that route's request body.
public struct APISample: Sendable, Equatable {
    public var method: String
    /// The path as the document writes it: `/v1/windows/{id}/call`.
    public var path: String
    /// `"200"`, `"201"`, `"409"`…, or `"request"` for the request body.
    public var status: String
    /// What the sample shows, for the checker's messages.
    public var name: String
    /// The value as the daemon (or a client) encodes it.
    public var json: String

    public init(method: String, path: String, status: String, name: String, json: String) {
        self.method = method
        self.path = path
        self.status = status
        self.name = name
        self.json = json
    }
}
