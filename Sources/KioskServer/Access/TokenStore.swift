import Foundation
import KioskCore
import Logging
import Synchronization

/// The daemon's tokens as they are now: `kiosk tokens rotate` rewrites `tokens.json`, and the
/// daemon notices (`reloadIfChanged`, every second) so a rotated token stops working without a
/// restart.
public final class TokenStore: Sendable {
    private struct State {
        var tokens: AccessTokens
        var stamp: FileStamp?
    }

    /// What identifies a version of the file: a rename gives a new inode, a write a new mtime.
    struct FileStamp: Equatable {
        var inode: UInt64
        var modified: Date
        var size: UInt64

        init?(path: String) {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                  let inode = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value,
                  let modified = attributes[.modificationDate] as? Date,
                  let size = (attributes[.size] as? NSNumber)?.uint64Value
            else { return nil }
            self.inode = inode
            self.modified = modified
            self.size = size
        }
    }

    /// The file watched for changes; nil: the tokens never change.
    public let path: String?
    private let state: Mutex<State>

    public init(_ tokens: AccessTokens, path: String? = nil) {
        self.path = path
        state = Mutex(State(tokens: tokens, stamp: path.flatMap(FileStamp.init(path:))))
    }

    public var current: AccessTokens { state.withLock { $0.tokens } }

    /// Re-reads the file if it changed since last read. A file that cannot be read or parsed
    /// leaves the tokens as they were (logged). Returns whether the tokens changed.
    @discardableResult
    public func reloadIfChanged(logger: Logger) -> Bool {
        guard let path, let stamp = FileStamp(path: path) else { return false }
        guard state.withLock({ $0.stamp != stamp }) else { return false }
        do {
            let tokens = try AccessTokenFile.load(path)
            return state.withLock { s in
                s.stamp = stamp
                guard s.tokens != tokens else { return false }
                s.tokens = tokens
                logger.notice("tokens reloaded", metadata: ["tokens.file": "\(path)"])
                return true
            }
        } catch {
            state.withLock { $0.stamp = stamp }
            logger.error("token file changed but cannot be used; keeping the previous tokens", metadata: ["error": "\(error)"])
            return false
        }
    }

    /// Gives the windows of `config` that have none a token (a live config change added
    /// them), in the file too when there is one, so their terminals can log in at once and a
    /// restart keeps the tokens. Returns the windows that got one.
    public func addWindows(of config: HallConfig) throws -> [CounterID] {
        try state.withLock { s in
            var tokens = s.tokens
            if let path { tokens = (try? AccessTokenFile.load(path)) ?? tokens }
            let added = tokens.addMissingWindows(of: config)
            guard !added.isEmpty else { return [] }
            if let path {
                try AccessTokenFile.write(tokens, to: path)
                s.stamp = FileStamp(path: path)
            }
            s.tokens = tokens
            return added
        }
    }
}
