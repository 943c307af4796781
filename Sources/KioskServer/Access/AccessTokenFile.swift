import Foundation
import KioskCore
import KioskStore
#if canImport(Glibc)
import Glibc
#endif

/// The token files on disk: the daemon's own `DATA-DIR/tokens.json` (every role, windows by id)
/// and a device's own file (one role's token, `kiosk tokens issue`). Both are written whole
/// (a temp file renamed over the old one), created 0600 so no other local user can read them,
/// not even for a moment.
public enum AccessTokenFile {
    /// The daemon's tokens: read, or created with fresh random tokens. Windows of `config` that
    /// have no token yet (added to the config since) get one, and the file is rewritten.
    public static func loadOrCreate(_ path: String, for config: HallConfig) throws -> (tokens: AccessTokens, addedWindows: [CounterID]) {
        if FileManager.default.fileExists(atPath: path) {
            var tokens = try load(path)
            let added = tokens.addMissingWindows(of: config)
            if !added.isEmpty { try write(tokens, to: path) }
            return (tokens, added)
        }
        let tokens = AccessTokens.generate(for: config)
        // The data directory, when it is the token file's home: 0700 from the start.
        try PrivateFiles.makeDirectory((path as NSString).deletingLastPathComponent)
        try write(tokens, to: path)
        return (tokens, [])
    }

    public static func load(_ path: String) throws -> AccessTokens {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw TokenFileError(message: "cannot read \(path): \(error.localizedDescription)")
        }
        return try AccessTokens.load(json: text)
    }

    public static func write(_ tokens: AccessTokens, to path: String) throws {
        try writePrivately(tokens.jsonValue.serialized() + "\n", to: path)
    }

    /// Writes one device's own file: only `role`'s token.
    public static func writeDevice(role: Role, token: String, to path: String) throws {
        try writePrivately(TokenBook.deviceFile(role: role, token: token).serialized() + "\n", to: path)
    }

    /// Gives `role` a fresh token in the daemon's file (a running daemon picks it up within a
    /// second or two; the old token stops working then) and returns the new token.
    public static func rotate(_ role: Role, in path: String) throws -> String {
        var tokens = try load(path)
        if case let .window(id) = role, tokens.windows[id] == nil {
            throw TokenFileError(message: "\(path) has no window \(id) (add it to the hall config; the daemon gives it a token at start)")
        }
        let token = tokens.rotate(role)
        try write(tokens, to: path)
        return token
    }

    /// `text` into `path` via a 0600 temp file in the same directory, fsynced and renamed.
    static func writePrivately(_ text: String, to path: String) throws {
        let temp = path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { throw TokenFileError(message: "cannot create \(temp): \(String(cString: strerror(errno)))") }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd) == 0
        close(fd)
        guard written == bytes.count, synced, rename(temp, path) == 0 else {
            let why = String(cString: strerror(errno))
            unlink(temp)
            throw TokenFileError(message: "cannot write \(path): \(why)")
        }
    }
}

extension AccessTokenFile {
    /// A token as `kiosk tokens list` shows it: enough to tell two apart, not enough to use.
    public static func masked(_ token: String) -> String {
        String(token.prefix(4)) + "…" + String(token.suffix(2)) + " (\(token.count) chars)"
    }

    /// One line per role, masked: what `kiosk tokens list` prints.
    public static func listing(_ tokens: AccessTokens) -> [String] {
        tokens.roles.compactMap { role in tokens.token(for: role).map { "\(role.auditName.padding(toLength: 12, withPad: " ", startingAt: 0)) \(masked($0))" } }
    }

    /// The role a `kiosk tokens` command names: `--role NAME` or `--window ID`, exactly one.
    public static func role(named name: String?, window: String?) throws -> Role {
        switch (name, window) {
        case let (name?, nil):
            guard let role = Role.named[name] else {
                throw TokenFileError(message: "unknown role \"\(name)\" (kiosk, display, supervisor, admin; or --window N)")
            }
            return role
        case let (nil, id?):
            return .window(id)
        default:
            throw TokenFileError(message: "name one role: --role kiosk|display|supervisor|admin, or --window N")
        }
    }
}
