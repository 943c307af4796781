import Testing

extension Tmux {
    /// Waits until `session`'s screen satisfies `condition`; when it never does, records a
    /// failed expectation with the screen as it was, at the caller's line.
    public func waitFor(
        _ session: String, _ what: String, within seconds: Double, sourceLocation: SourceLocation = #_sourceLocation,
        _ condition: @escaping (String) -> Bool
    ) async -> Bool {
        let ok = await eventually(within: seconds) { condition(capture(session)) }
        #expect(ok, "\(session) never showed \(what):\n\(capture(session))", sourceLocation: sourceLocation)
        return ok
    }

    /// Waits until `session`'s screen shows every one of `needles`.
    public func waitFor(_ session: String, showing needles: [String], within seconds: Double, sourceLocation: SourceLocation = #_sourceLocation) async -> Bool {
        await waitFor(session, needles.joined(separator: " + "), within: seconds, sourceLocation: sourceLocation) { screen in
            needles.allSatisfy { screen.contains($0) }
        }
    }
}
