import Foundation
import Logging
import Synchronization

/// The console's state beside the hall: its users (from `users.json`, re-read when it
/// changes), the signed-in sessions and the wrong-password throttle.
public final class Console: Sendable {
    public struct Options: Sendable {
        /// Real time for sessions and the throttle (a demo's hall clock runs ×30; a test's stands still).
        public var clock: @Sendable () -> Date = Date.init
        /// The session cookie is `Secure` (sent over https only): the hall's public URL is https.
        public var secureCookies = false

        public init() {}
    }

    public let options: Options
    public let usersPath: String
    public let sessions = ConsoleSessions()
    public let throttle = SignInThrottle()
    private struct Users {
        var contents: UserFile.Contents
        var stamp: TokenStore.FileStamp?
    }
    private let users: Mutex<Users>

    /// Reads `users.json` in `dataDirectory` (none yet: nobody can sign in until `kiosk users add`).
    public init(dataDirectory: String, options: Options = Options()) throws {
        self.options = options
        usersPath = UserFile.path(dataDirectory: dataDirectory)
        users = Mutex(Users(contents: try UserFile.load(usersPath), stamp: TokenStore.FileStamp(path: usersPath)))
    }

    public var currentUsers: UserFile.Contents { users.withLock { $0.contents } }
    public var now: Date { options.clock() }

    /// Re-reads `users.json` if it changed (every second): a removed user's sessions end at once.
    /// A file that cannot be read keeps the users as they were (logged).
    public func reloadIfChanged(logger: Logger) {
        let stamp = TokenStore.FileStamp(path: usersPath)
        guard users.withLock({ $0.stamp != stamp }) else { return }
        do {
            let contents = try UserFile.load(usersPath)
            users.withLock { $0 = Users(contents: contents, stamp: stamp) }
            let ended = sessions.revokeMissing(in: contents)
            logger.notice("console users reloaded", metadata: ["console.users": "\(contents.users.count)", "console.sessions_ended": "\(ended)"])
        } catch {
            users.withLock { $0.stamp = stamp }
            logger.error("users file changed but cannot be used; keeping the previous users", metadata: ["error": "\(error)"])
        }
    }

    /// The session a cookie names, if it is alive.
    public func session(_ id: String?) -> ConsoleSession? {
        guard let id, id.utf8.count == 64 else { return nil }
        return sessions.find(id, at: now, users: currentUsers)
    }
}
