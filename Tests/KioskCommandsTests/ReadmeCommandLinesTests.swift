import Foundation
import Testing
@testable import KioskCommands

/// Every `kiosk …` line in the README's code blocks (what an installer copies and runs) parses
/// as the command it names, with the arguments it shows.
@Suite struct ReadmeCommandLinesTests {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../README.md").standardized

    /// The code blocks' lines that run `kiosk` (commented lines are prose, not commands).
    static var invocations: [[String]] {
        guard let text = try? String(contentsOf: readme, encoding: .utf8) else { return [] }
        var inCode = false, found: [[String]] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { inCode.toggle(); continue }
            if inCode { found += ShellWords.kioskInvocations(in: String(line)) }
        }
        return found
    }

    @Test func theReadmeShowsManyCommands() {
        // The install, backup, restore, SMS, many-halls and console sections.
        #expect(Self.invocations.count >= 20, "read \(Self.readme.path)")
    }

    @Test(arguments: invocations)
    func theReadmeLineParses(_ arguments: [String]) throws {
        let words = CommandTree.words(naming: arguments)
        let expected = try #require(CommandTree.leaves.first { $0.words == words }, "no command \(arguments)")
        let parsed = try Kiosk.parseAsRoot(arguments)
        #expect(type(of: parsed) == expected.type)
    }
}
