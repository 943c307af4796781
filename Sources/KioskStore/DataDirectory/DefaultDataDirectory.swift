import Foundation

/// Where the daemon keeps its journal and tokens when `--data-dir` is not given: under
/// systemd (`StateDirectory=kiosk`) the directory systemd made for it, `$STATE_DIRECTORY`
/// (`/var/lib/kiosk`, owned by the service user, mode 0700); elsewhere `./var`, beside
/// wherever it was started.
public enum DefaultDataDirectory {
    public static let outsideSystemd = "./var"

    /// `$STATE_DIRECTORY`'s first entry (systemd lists several separated by `:` when the unit
    /// names several), or `./var`.
    public static func path(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        guard let listed = environment["STATE_DIRECTORY"],
              let first = listed.split(separator: ":").first, !first.isEmpty else { return outsideSystemd }
        return String(first)
    }
}
