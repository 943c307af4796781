import Foundation
import Synchronization

/// Wrong passwords slowed per client address: after `allowedFailures` in a row that address
/// waits `wait` seconds before it may try again. The account is never locked: the supervisor
/// at another PC signs in as usual while someone guesses from one.
public final class SignInThrottle: Sendable {
    public static let allowedFailures = 5
    /// Seconds an address waits after its fifth wrong password.
    public static let wait: TimeInterval = 300
    /// Failures this long ago are forgotten (a typo in the morning and one after lunch are not a run).
    static let forgetAfter: TimeInterval = 900
    /// Addresses remembered at most; beyond it the stalest are dropped.
    static let capacity = 10_000

    struct Entry {
        var failures: Int
        var lastFailure: Date
        var blockedUntil: Date?
    }

    private let entries = Mutex<[String: Entry]>([:])

    public init() {}

    /// Seconds `address` must still wait before a sign-in is even checked; nil: it may try now.
    public func waitRemaining(for address: String, at now: Date) -> TimeInterval? {
        entries.withLock { table in
            guard let until = table[address]?.blockedUntil else { return nil }
            guard until > now else {
                table[address] = nil
                return nil
            }
            return until.timeIntervalSince(now)
        }
    }

    /// A wrong password (or unknown name) from `address`; returns the wait it now owes, if any.
    @discardableResult
    public func failed(from address: String, at now: Date) -> TimeInterval? {
        entries.withLock { table in
            var entry = table[address] ?? Entry(failures: 0, lastFailure: now)
            if now.timeIntervalSince(entry.lastFailure) > Self.forgetAfter { entry.failures = 0 }
            entry.failures += 1
            entry.lastFailure = now
            if entry.failures >= Self.allowedFailures {
                entry.failures = 0
                entry.blockedUntil = now.addingTimeInterval(Self.wait)
            }
            table[address] = entry
            if table.count > Self.capacity {
                table = table.filter { now.timeIntervalSince($0.value.lastFailure) <= Self.forgetAfter || ($0.value.blockedUntil ?? now) > now }
                // Still too many (a flood of addresses): keep only those made to wait.
                if table.count > Self.capacity { table = table.filter { ($0.value.blockedUntil ?? now) > now } }
            }
            return entry.blockedUntil.map { $0.timeIntervalSince(now) }
        }
    }

    /// A right password from `address`: its count starts again.
    public func succeeded(from address: String) {
        entries.withLock { $0[address] = nil }
    }
}
