/// Polls `condition` until it holds or `seconds` pass (no fixed sleeps: the deadline only
/// bounds a failure). Returns whether it held.
public func eventually(
    within seconds: Double, every interval: Duration = .milliseconds(10), _ condition: () async throws -> Bool
) async rethrows -> Bool {
    let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: interval)
    }
    return try await condition()
}

/// The same, for a test that cannot go on without it: throws ``TimedOut`` naming `what` when
/// `condition` never holds.
public func eventually(
    _ what: String, within seconds: Double = 20, every interval: Duration = .milliseconds(20),
    _ condition: () async throws -> Bool
) async throws {
    guard try await eventually(within: seconds, every: interval, condition) else {
        throw TimedOut(what: "\(what) (\(seconds) s)")
    }
}

/// Something a test waited for never happened.
public struct TimedOut: Error, CustomStringConvertible {
    public var what: String
    public var description: String { "timed out waiting for \(what)" }

    public init(what: String) {
        self.what = what
    }
}
