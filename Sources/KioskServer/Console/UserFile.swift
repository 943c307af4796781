import Foundation

/// `DATA-DIR/users.json`: the console's users and their password hashes, 0600, written whole
/// (a temp file renamed over the old one). The daemon re-reads it when it changes, so
/// `kiosk users remove` ends that user's sessions without a restart.
public enum UserFile {
    public static let format = "kiosk-users/1"

    public struct Contents: Sendable, Equatable, Codable {
        public var format: String = UserFile.format
        public var users: [ConsoleUser] = []

        public init(users: [ConsoleUser] = []) { self.users = users }

        public func user(named name: String) -> ConsoleUser? { users.first { $0.name == name } }
    }

    public struct Problem: Error, Sendable, CustomStringConvertible {
        public var description: String
        init(_ description: String) { self.description = description }
    }

    public static func path(dataDirectory: String) -> String { dataDirectory + "/users.json" }

    /// The file's users; none when there is no file yet.
    public static func load(_ path: String) throws -> Contents {
        guard FileManager.default.fileExists(atPath: path) else { return Contents() }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw Problem("cannot read \(path): \(error.localizedDescription)")
        }
        let contents: Contents
        do {
            contents = try JSONDecoder().decode(Contents.self, from: data)
        } catch {
            throw Problem("\(path) is not a users file: \(error)")
        }
        guard contents.format == format else { throw Problem("\(path): unknown format \"\(contents.format.prefix(40))\"") }
        return contents
    }

    public static func write(_ contents: Contents, to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let text = String(decoding: try encoder.encode(contents), as: UTF8.self) + "\n"
        do {
            try AccessTokenFile.writePrivately(text, to: path)
        } catch let error as TokenFileError {
            throw Problem(error.message)
        }
    }

    /// Adds `name` (a new name only: a password is changed by removing and adding again).
    public static func add(_ name: String, role: ConsoleUser.Role, password: String, in path: String, at now: Date,
                           iterations: Int = PasswordHash.defaultIterations) throws {
        guard ConsoleUser.isValidName(name) else {
            throw Problem("\"\(name.prefix(40))\" is not a user name: 1–32 letters, digits, '.', '_' or '-'")
        }
        guard password.count >= 8 else { throw Problem("the password needs at least 8 characters") }
        guard password.utf8.count <= 1024 else { throw Problem("the password is longer than 1024 bytes") }
        var contents = try load(path)
        guard contents.user(named: name) == nil else { throw Problem("\(name) is already a user (kiosk users remove \(name) first)") }
        contents.users.append(ConsoleUser(name: name, role: role, password: .make(password: password, iterations: iterations), added: now))
        try write(contents, to: path)
    }

    /// Removes `name`; the running daemon ends their sessions within a second or two.
    public static func remove(_ name: String, in path: String) throws {
        var contents = try load(path)
        guard contents.user(named: name) != nil else { throw Problem("\(name.prefix(40)) is not a user") }
        contents.users.removeAll { $0.name == name }
        try write(contents, to: path)
    }
}
