import Foundation

/// A front end in a real terminal against the real daemon: `kiosk serve` on `dir/var` from
/// hall time `startAt` (with `config`, and on `port`, when given) and a tmux server. After
/// `body` both are stopped and `dir` is removed.
public func withDaemonInTmux(
    dir: String, startAt: String, config: String? = nil, port: Int? = nil,
    _ body: (DaemonProcess, Tmux) async throws -> Void
) async throws {
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let daemon = DaemonProcess(dataDir: dir + "/var", port: port)
    defer { daemon.stop() }
    try await daemon.start(at: startAt, config: config)
    let tmux = Tmux()
    defer { tmux.kill() }
    try await body(daemon, tmux)
}
