import Foundation
import KioskDisplay
import KioskTerminal
import Testing

@Suite struct LayoutFilesTests {
    @Test func aDirectoryExpandsToItsLayoutFilesByName() throws {
        let files = try LayoutFiles.expand([Layouts.directory.path])
        #expect(!files.isEmpty)
        #expect(files == files.sorted())
        #expect(files.allSatisfy { $0.hasSuffix(".layout") })
        #expect(files.contains(Layouts.path("main-hall")))
        #expect(try LayoutFiles.expand([Layouts.path("main-hall")]) == [Layouts.path("main-hall")])
    }

    @Test func everyShippedLayoutParsesWithoutDiagnostics() throws {
        for file in try LayoutFiles.expand([Layouts.directory.path]) {
            #expect(try LayoutFiles.diagnostics(of: file).isEmpty, "\(file)")
            _ = try LayoutFiles.parse(file)
        }
    }

    @Test func problemsAreListedAndMissingFilesRefused() throws {
        let path = NSTemporaryDirectory() + "broken-" + UUID().uuidString + ".layout"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "this is not a layout\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(!(try LayoutFiles.diagnostics(of: path)).isEmpty)
        #expect(throws: LayoutDiagnostics.self) { try LayoutFiles.parse(path) }
        #expect(throws: LayoutFiles.Unreadable.self) { try LayoutFiles.expand(["/no/such/dir"]) }
        #expect(throws: LayoutFiles.Unreadable.self) { try LayoutFiles.read("/no/such/file.layout") }
    }

    /// `kiosk layouts check`: every problem of every file, then one line that sums them up.
    @Test func aCheckListsEveryProblemAndSumsUp() throws {
        let shipped = try LayoutCheck(paths: [Layouts.directory.path])
        #expect(shipped.passed && shipped.diagnostics.isEmpty)
        #expect(shipped.summary == "\(shipped.files.count) layout file(s) OK")
        let path = NSTemporaryDirectory() + "broken-" + UUID().uuidString + ".layout"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "this is not a layout\n".write(toFile: path, atomically: true, encoding: .utf8)
        let broken = try LayoutCheck(paths: [path, Layouts.path("main-hall")])
        #expect(!broken.passed)
        #expect(broken.diagnostics == (try LayoutFiles.diagnostics(of: path)))
        #expect(broken.summary == "\(broken.diagnostics.count) problem(s) in 2 layout file(s)")
        #expect(throws: LayoutFiles.Unreadable.self) { try LayoutCheck(paths: ["/no/such/dir"]) }
    }
}
