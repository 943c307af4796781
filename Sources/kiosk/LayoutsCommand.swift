import ArgumentParser
import Foundation
import KioskDisplay

/// `kiosk layouts`: check hall-screen layout files and preview them with sample data.
struct LayoutsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "layouts",
        abstract: "Check and preview hall display layouts (*.layout).",
        subcommands: [Check.self, Render.self, Bench.self]
    )

    /// `kiosk layouts check DIR-or-FILES…`
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report every problem in the given layout files or directories (exit 1 if any)."
        )

        @Argument(help: "Layout files, or directories whose *.layout files are checked.")
        var paths: [String]

        func run() throws {
            let files = try LayoutFiles.expand(paths)
            var problems = 0
            for file in files {
                do {
                    _ = try Layout.parse(try LayoutFiles.read(file), file: file)
                } catch let error as LayoutDiagnostics {
                    for diagnostic in error.diagnostics { print(diagnostic) }
                    problems += error.diagnostics.count
                }
            }
            if problems > 0 {
                print("\(problems) problem(s) in \(files.count) layout file(s)")
                throw ExitCode.failure
            }
            print("\(files.count) layout file(s) OK")
        }
    }

    /// `kiosk layouts render FILE [--size WxH] [--frame]`
    struct Render: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a layout drawn with built-in sample data."
        )

        @Argument(help: "The layout file.")
        var file: String

        @Option(help: "Terminal size WxH in columns and rows (default: the layout's canvas).")
        var size: String?

        @Flag(help: "Wrap each row in | so trailing spaces show.")
        var frame = false

        func run() throws {
            let layout = try LayoutFiles.load(file)
            let area = try LayoutFiles.size(size) ?? layout.canvas
            print(Renderer.render(layout, model: .sample, size: area).text(framed: frame))
        }
    }

    /// `kiosk layouts bench FILE [--size WxH]`: terminal bytes for a full paint vs one call.
    struct Bench: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print bytes written for a full paint and for the redraw after one call."
        )

        @Argument(help: "The layout file.")
        var file: String

        @Option(help: "Terminal size WxH (default: the layout's canvas).")
        var size: String?

        func run() throws {
            let layout = try LayoutFiles.load(file)
            let area = try LayoutFiles.size(size) ?? layout.canvas
            let before = Renderer.render(layout, model: .sample, size: area)
            let after = Renderer.render(layout, model: .sampleAfterNextCall, size: area)
            let full = ANSIEncoder.encode(previous: nil, next: before).utf8.count
            let changes = FrameDiff.diff(before, after)
            let redraw = ANSIEncoder.encode(previous: before, next: after).utf8.count
            let cells = changes.reduce(0) { $0 + $1.cells.count }
            print("layout \(layout.name) at \(area)")
            print("full paint: \(full) bytes")
            print("after one call: \(redraw) bytes in \(changes.count) runs, \(cells) cells"
                + " (\(String(format: "%.1f", 100 * Double(redraw) / Double(max(full, 1))))% of a full paint)")
        }
    }
}

/// File handling for the layouts commands (the library itself reads no files).
enum LayoutFiles {
    /// Directories expand to their `*.layout` files, sorted by name.
    static func expand(_ paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ValidationError("no such file or directory: \(path)")
            }
            if isDirectory.boolValue {
                let names = try FileManager.default.contentsOfDirectory(atPath: path)
                let base = path.hasSuffix("/") ? path : path + "/"
                files += names.filter { $0.hasSuffix(".layout") }.sorted().map { base + $0 }
            } else {
                files.append(path)
            }
        }
        return files
    }

    static func read(_ file: String) throws -> String {
        do {
            return try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw ValidationError("cannot read \(file) as UTF-8 text")
        }
    }

    /// Parses a layout, printing its diagnostics and failing when there are any.
    static func load(_ file: String) throws -> Layout {
        do {
            return try Layout.parse(try read(file), file: file)
        } catch let error as LayoutDiagnostics {
            for diagnostic in error.diagnostics { print(diagnostic) }
            throw ExitCode.failure
        }
    }

    static func size(_ text: String?) throws -> Size? {
        guard let text else { return nil }
        guard let size = Size(parsing: text) else {
            throw ValidationError("expected --size WxH like 120x40 (1 to 1000 each) but found \"\(text)\"")
        }
        return size
    }
}
