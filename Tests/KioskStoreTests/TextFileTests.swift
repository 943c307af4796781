import Foundation
import KioskStore
import Testing

/// A file a command was pointed at that cannot be read is named with the reason in a few words.
@Suite struct TextFileTests {
    let dir = NSTemporaryDirectory() + "kiosk-text-file-" + UUID().uuidString

    @Test func aMissingFileIsNoSuchFile() throws {
        #expect(throws: TextFile.Unreadable(path: dir + "/hall.json", reason: "no such file")) { try TextFile.read(dir + "/hall.json") }
        #expect(TextFile.Unreadable(path: "hall.json", reason: "no such file").localizedDescription == "no such file")
    }

    @Test func aDirectoryAndBytesThatAreNoTextAreSaidSo() throws {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(throws: TextFile.Unreadable(path: dir, reason: "is a directory")) { try TextFile.read(dir) }
        try Data([0x7B, 0xFF, 0xFE, 0x7D]).write(to: URL(fileURLWithPath: dir + "/latin.json"))
        #expect(throws: TextFile.Unreadable(path: dir + "/latin.json", reason: "not UTF-8 text")) { try TextFile.read(dir + "/latin.json") }
    }

    @Test func aReadableFileIsItsText() throws {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "{\"hall\": {\"name\": \"青溪\"}}\n".write(toFile: dir + "/hall.json", atomically: true, encoding: .utf8)
        #expect(try TextFile.read(dir + "/hall.json") == "{\"hall\": {\"name\": \"青溪\"}}\n")
        try Data().write(to: URL(fileURLWithPath: dir + "/empty.json"))
        #expect(try TextFile.read(dir + "/empty.json") == "")
    }
}
