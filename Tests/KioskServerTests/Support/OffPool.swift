import Foundation

/// Runs blocking work (socket reads, process waits) on a thread of its own, so it never holds
/// one of the few cooperative threads the daemon under test needs.
func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread { continuation.resume(with: Result { try work() }) }
        thread.start()
    }
}
