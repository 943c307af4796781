/// A benchmark could not run (the daemon did not come up, a request was refused).
public struct BenchFailure: Error, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
