import Foundation
@testable import KioskServer
import Testing

@Suite struct UserFileTests {
    func withDirectory<T>(_ body: (String) throws -> T) rethrows -> T {
        let dir = NSTemporaryDirectory() + "kiosk-users-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        return try body(dir)
    }

    @Test func addedUsersAreKeptHashedInAPrivateFile() throws {
        try withDirectory { dir in
            let path = UserFile.path(dataDirectory: dir)
            try UserFile.add("王芳", role: .supervisor, password: "morning-shift-1", in: path, at: Date(), iterations: 1000)
            try UserFile.add("it.admin", role: .admin, password: "another-pass-2", in: path, at: Date(), iterations: 1000)
            let mode = try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber).intValue
            #expect(mode & 0o777 == 0o600)
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(!text.contains("morning-shift-1"))
            #expect(!text.contains("another-pass-2"))
            let users = try UserFile.load(path)
            #expect(users.users.map(\.name) == ["王芳", "it.admin"])
            #expect(users.user(named: "王芳")?.role == .supervisor)
            let stored = try #require(users.user(named: "王芳"))
            let hash = try #require(PasswordHash(encoded: stored.password))
            #expect(hash.matches("morning-shift-1"))
        }
    }

    @Test func refusesADuplicateABadNameAndAShortPassword() throws {
        try withDirectory { dir in
            let path = UserFile.path(dataDirectory: dir)
            try UserFile.add("wang", role: .supervisor, password: "long enough", in: path, at: Date(), iterations: 1000)
            #expect(throws: UserFile.Problem.self) { try UserFile.add("wang", role: .admin, password: "long enough", in: path, at: Date(), iterations: 1000) }
            for name in ["", "a b", "<script>", "x\u{1B}[2J", String(repeating: "n", count: 33), "wang\u{202E}"] {
                #expect(throws: UserFile.Problem.self, "\(name)") { try UserFile.add(name, role: .admin, password: "long enough", in: path, at: Date(), iterations: 1000) }
            }
            #expect(throws: UserFile.Problem.self) { try UserFile.add("li", role: .admin, password: "short", in: path, at: Date(), iterations: 1000) }
            #expect(try UserFile.load(path).users.map(\.name) == ["wang"])
        }
    }

    @Test func removeTakesOnlyThatUserAndRefusesAStranger() throws {
        try withDirectory { dir in
            let path = UserFile.path(dataDirectory: dir)
            try UserFile.add("wang", role: .supervisor, password: "long enough", in: path, at: Date(), iterations: 1000)
            try UserFile.add("li", role: .supervisor, password: "long enough", in: path, at: Date(), iterations: 1000)
            try UserFile.remove("wang", in: path)
            #expect(try UserFile.load(path).users.map(\.name) == ["li"])
            #expect(throws: UserFile.Problem.self) { try UserFile.remove("zhao", in: path) }
        }
    }

    @Test func noFileMeansNoUsersAndABrokenFileIsAnError() throws {
        try withDirectory { dir in
            let path = UserFile.path(dataDirectory: dir)
            #expect(try UserFile.load(path).users.isEmpty)
            try "{not json".write(toFile: path, atomically: true, encoding: .utf8)
            #expect(throws: UserFile.Problem.self) { try UserFile.load(path) }
        }
    }
}
