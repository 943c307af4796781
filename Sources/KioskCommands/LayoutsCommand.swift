import ArgumentParser
import Foundation
import KioskDisplay
import KioskTerminal

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
            let check = try wrapped { try LayoutCheck(paths: paths) }
            for diagnostic in check.diagnostics { print(diagnostic) }
            print(check.summary)
            if !check.passed { throw ExitCode.failure }
        }
    }

    /// The layout a preview draws and the terminal it draws on: what `render` and `bench` share.
    struct Screen: ParsableArguments {
        @Argument(help: "The layout file.")
        var file: String

        @Option(help: "Terminal size WxH in columns and rows (default: the layout's canvas).")
        var size: String?

        func validate() throws {
            _ = try LayoutFiles.size(size)
        }

        /// The layout (its diagnostics printed when it has any) and the area to draw it in.
        func load() throws -> (layout: Layout, area: Size) {
            let layout = try LayoutFiles.load(file)
            return (layout, try LayoutFiles.size(size) ?? layout.canvas)
        }
    }

    /// `kiosk layouts render FILE [--size WxH] [--frame]`
    struct Render: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a layout drawn with built-in sample data."
        )

        @OptionGroup var screen: Screen

        @Flag(help: "Wrap each row in | so trailing spaces show.")
        var frame = false

        func run() throws {
            let (layout, area) = try screen.load()
            print(Renderer.render(layout, model: .sample, size: area).text(framed: frame))
        }
    }

    /// `kiosk layouts bench FILE [--size WxH]`: terminal bytes for a full paint vs one call.
    struct Bench: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print bytes written for a full paint and for the redraw after one call."
        )

        @OptionGroup var screen: Screen

        func run() throws {
            let (layout, area) = try screen.load()
            for line in RedrawCost(layout: layout, size: area).report(layout: layout.name) { print(line) }
        }
    }
}

/// The layout files' CLI face: diagnostics printed, a failure as an exit status.
extension LayoutFiles {
    /// A file, or an embedded layout's name (`LayoutFiles.resolve`).
    static func load(_ file: String) throws -> Layout {
        try printingDiagnostics { try resolve(file) }
    }

    /// The hall screen for `--layout` (`LayoutFiles.screen`: nil is the embedded main hall).
    static func load(screen file: String?) throws -> ScreenLayouts {
        try printingDiagnostics { try screen(file) }
    }

    private static func printingDiagnostics<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as LayoutDiagnostics {
            for diagnostic in error.diagnostics { print(diagnostic) }
            throw ExitCode.failure
        } catch {
            throw ValidationError("\(error)")
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

/// A file that cannot be read is a usage error (exit 64), as before.
private func wrapped<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let error as LayoutFiles.Unreadable { throw ValidationError(error.description) }
}
