import Foundation

/// Polls `condition` until it holds or `seconds` pass (no fixed sleeps: the deadline only
/// bounds a failure). Returns whether it held.
func eventually(within seconds: Double, every interval: Duration = .milliseconds(5), _ condition: () throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now + .seconds(seconds)
    while ContinuousClock.now < deadline {
        if try condition() { return true }
        try? await Task.sleep(for: interval)
    }
    return try condition()
}
