import Foundation
@testable import KioskDisplay

/// The layout files in the repository's `layouts/` folder.
enum ShippedLayouts {
    static var directory: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("layouts")
    }

    /// Names without `.layout`, sorted.
    static var names: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".layout") }.map { String($0.dropLast(7)) }.sorted()
    }

    static func load(_ name: String) throws -> Layout {
        let text = try String(contentsOf: directory.appendingPathComponent("\(name).layout"), encoding: .utf8)
        return try Layout.parse(text, file: "\(name).layout")
    }
}
