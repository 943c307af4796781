/// The answer to `PUT /v1/config` (schema `ConfigChange`): what the new hall config changed,
/// now in force.
public struct ConfigChangeAnswer: Codable, Sendable, Equatable {
    /// False when the config equals the one in force (nothing recorded, no event).
    public var changed: Bool
    /// The config's version in the journal, named by the `config` event.
    public var version: Int64?
    /// One line per change, e.g. `window 9 added: 9号窗口 (A, B)`.
    public var changes: [String]
    /// Windows new to the hall: each has a token in the daemon's token file now (issue the
    /// window's device file with `kiosk tokens issue --window N`).
    public var newWindows: [String]
    /// `config check`'s warnings about the new config (it was applied all the same).
    public var warnings: [String]
    /// The `config` event, as the stream shows it.
    public var events: [EventLine]

    public init(changed: Bool, version: Int64?, changes: [String], newWindows: [String], warnings: [String], events: [EventLine]) {
        self.changed = changed
        self.version = version
        self.changes = changes
        self.newWindows = newWindows
        self.warnings = warnings
        self.events = events
    }

    enum CodingKeys: String, CodingKey {
        case changed, version, changes, warnings, events
        case newWindows = "new_windows"
    }
}
