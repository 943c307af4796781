import Testing

extension Tmux {
    /// How long a real-terminal test waits for a screen unless it says otherwise. It only bounds
    /// a failure (the wait ends as soon as the screen shows it), and this machine is often loaded.
    public static let screenWait: Double = 15

    /// Waits until `session`'s screen satisfies `condition`; when it never does, records a
    /// failed expectation with the screen as it was, at the caller's line.
    public func waitFor(
        _ session: String, _ what: String, within seconds: Double = Tmux.screenWait, sourceLocation: SourceLocation = #_sourceLocation,
        _ condition: @escaping (String) -> Bool
    ) async -> Bool {
        let ok = await eventually(within: seconds) { condition(capture(session)) }
        #expect(ok, "\(session) never showed \(what):\n\(capture(session))", sourceLocation: sourceLocation)
        return ok
    }

    /// Waits until `session`'s screen shows every one of `needles`: `tmux.waitFor("kiosk", "请选择业务", "求职登记")`.
    public func waitFor(_ session: String, _ needles: String..., within seconds: Double = Tmux.screenWait, sourceLocation: SourceLocation = #_sourceLocation) async -> Bool {
        await waitFor(session, showing: needles, within: seconds, sourceLocation: sourceLocation)
    }

    /// The same, for needles a helper already holds as an array.
    public func waitFor(_ session: String, showing needles: [String], within seconds: Double = Tmux.screenWait, sourceLocation: SourceLocation = #_sourceLocation) async -> Bool {
        await waitFor(session, needles.joined(separator: " + "), within: seconds, sourceLocation: sourceLocation) { screen in
            needles.allSatisfy { screen.contains($0) }
        }
    }
}

extension Tmux {
    /// Types `keys` into `session` (literally, or a key name such as `Enter` when `literal` is
    /// false), then waits for its screen to show every one of `needles`.
    public func press(
        _ session: String, _ keys: String, literal: Bool = true, then needles: String...,
        within seconds: Double = Tmux.screenWait, sourceLocation: SourceLocation = #_sourceLocation
    ) async -> Bool {
        send(session, keys, literal: literal)
        return await waitFor(session, showing: needles, within: seconds, sourceLocation: sourceLocation)
    }
}
