import Foundation
import Synchronization

/// The console's signed-in sessions, in memory: a restart signs everybody out, which a hall
/// can live with (signing in again takes seconds) and which keeps no session secret on disk.
public final class ConsoleSessions: Sendable {
    /// A session lasts a hall's working day and a bit (08:00 to 18:00), then signs in again.
    public static let lifetime: TimeInterval = 10 * 3600
    /// More sessions than a hall's staff could open: beyond it the oldest go first.
    static let capacity = 1000

    private let sessions = Mutex<[String: ConsoleSession]>([:])

    public init() {}

    /// A new session for `user`, expiring `lifetime` after `now`.
    public func open(for user: ConsoleUser, at now: Date) -> ConsoleSession {
        let session = ConsoleSession(
            id: SecureRandom.hex(32), user: user.name, role: user.role, csrf: SecureRandom.hex(32),
            expires: now.addingTimeInterval(Self.lifetime), passwordStamp: user.password
        )
        sessions.withLock { table in
            table = table.filter { $0.value.expires > now }
            if table.count >= Self.capacity, let oldest = table.values.min(by: { $0.expires < $1.expires }) {
                table[oldest.id] = nil
            }
            table[session.id] = session
        }
        return session
    }

    /// The live session with this id, if it has not expired and its user still is who signed in
    /// (`users`: the users file as it is now).
    public func find(_ id: String, at now: Date, users: UserFile.Contents) -> ConsoleSession? {
        sessions.withLock { table in
            guard let session = table[id] else { return nil }
            guard session.expires > now, users.user(named: session.user)?.password == session.passwordStamp else {
                table[id] = nil
                return nil
            }
            return session
        }
    }

    /// Signs a session out.
    public func close(_ id: String) {
        sessions.withLock { $0[id] = nil }
    }

    /// Ends every session whose user is gone from `users` or has another password now; how many.
    @discardableResult
    public func revokeMissing(in users: UserFile.Contents) -> Int {
        sessions.withLock { table in
            let dead = table.values.filter { users.user(named: $0.user)?.password != $0.passwordStamp }.map(\.id)
            for id in dead { table[id] = nil }
            return dead.count
        }
    }

    public var count: Int { sessions.withLock { $0.count } }
}
