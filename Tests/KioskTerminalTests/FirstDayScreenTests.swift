import Foundation
import KioskAPI
import KioskCore
import KioskDisplay
import KioskTestSupport
import Testing
@testable import KioskTerminal

/// Issue 14, points 2 and 3: the README's first command works from any folder (the layouts are
/// in the binary), a small terminal gets the compact layout by itself, and at 80x24 the
/// embedded hall's 8 windows and 11 lines are all there, a closed line's reason whole.
@Suite(.serialized) struct FirstDayScreenTests {
    /// The binary's copies are the files in layouts/ (rerun scripts/embed-layouts.py after
    /// editing one).
    @Test func theEmbeddedLayoutsAreTheFilesInLayouts() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Layouts.directory.path).filter { $0.hasSuffix(".layout") }
        #expect(Set(files.map { String($0.dropLast(7)) }) == Set(EmbeddedLayouts.byName.keys))
        func lines(_ text: String) -> [String] {
            Array(text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                var l = String(line)
                while l.last == " " { l.removeLast() }
                return l
            }.reversed().drop { $0.isEmpty }.reversed())
        }
        for file in files {
            let name = String(file.dropLast(7))
            let source = try String(contentsOfFile: Layouts.path(name), encoding: .utf8)
            #expect(lines(EmbeddedLayouts.byName[name] ?? "") == lines(source), "\(name): run scripts/embed-layouts.py")
        }
    }

    @Test func withoutALayoutTheScreenIsTheEmbeddedMainHallWithItsCompactVersion() throws {
        let screen = try LayoutFiles.screen(nil)
        #expect(screen.layout.name == "main-hall")
        #expect(screen.compact?.name == "small-80x24")
        #expect(try LayoutFiles.screen("main-hall").compact?.name == "small-80x24")
        #expect(try LayoutFiles.screen("window-strip").layout.name == "window-strip")
        // A file on disk wins over the embedded copy of the same name, and gets no compact one.
        let file = try LayoutFiles.screen(Layouts.path("small-80x24"))
        #expect(file.layout.name == "small-80x24")
        #expect(file.compact == nil)
    }

    @Test func aMissingFileIsSaidToBeMissingNotBadlyEncoded() throws {
        #expect {
            try LayoutFiles.screen("/no/such/hall.layout")
        } throws: { error in
            "\(error)".contains("/no/such/hall.layout: file not found") && !"\(error)".contains("UTF-8")
        }
    }

    @Test func aSmallScreenGetsTheCompactLayout() throws {
        let screen = try LayoutFiles.screen(nil)
        #expect(screen.layout(for: Size(width: 80, height: 24)).name == "small-80x24")
        #expect(screen.layout(for: Size(width: 120, height: 30)).name == "small-80x24")
        #expect(screen.layout(for: Size(width: 100, height: 40)).name == "small-80x24")
        #expect(screen.layout(for: Size(width: 120, height: 40)).name == "main-hall")
        #expect(screen.layout(for: Size(width: 200, height: 60)).name == "main-hall")
        var options = DisplayLoop.Options(layout: screen.layout, compactLayout: screen.compact)
        #expect(options.layout(for: Size(width: 80, height: 24)).name == "small-80x24")
        options.compactLayout = nil
        #expect(options.layout(for: Size(width: 80, height: 24)).name == "main-hall")
    }

    /// The embedded hall as its screen shows it at 80x24, the longest-named line closed for the
    /// day: every window, every line, and 今日已停止取号 whole (it was cut to 今日已停…).
    @Test func theCompactScreenShowsEveryWindowAndLineAndAClosedLineWhole() throws {
        let hall = HallConfig.defaultHall
        let longest = hall.services.max { DisplayWidth.columns(of: $0.name) < DisplayWidth.columns(of: $1.name) }!
        let snapshot = HallSnapshot(
            hall: .init(name: hall.name, date: "2026-03-02", clock: "09:41", issuing: true),
            windows: hall.counters.map { WindowStatus(id: $0.id, name: $0.name, services: $0.services) },
            services: hall.services.map { service in
                service.code == longest.code
                    ? ServiceStatus(code: service.code, name: service.name, waiting: 3, status: "service_closed", estimateMin: 12)
                    : ServiceStatus(code: service.code, name: service.name, waiting: 12, estimateMin: 25)
            }
        )
        let model = HallScreenModel.model(snapshot: snapshot, link: .live)
        let size = Size(width: 80, height: 24)
        let screen = Renderer.render(try LayoutFiles.screen(nil).layout(for: size), model: model, size: size).text(framed: false)
        for window in hall.counters { #expect(screen.contains(window.name), "\(window.name) missing:\n\(screen)") }
        let rows = screen.split(separator: "\n")
        for service in hall.services {
            #expect(rows.contains { $0.contains("│ \(service.code) \(service.name.prefix(4))") }, "line \(service.code) missing:\n\(screen)")
        }
        let closed = try #require(rows.first { $0.contains("│ \(longest.code) ") })
        #expect(closed.contains("今日已停止取号"), "\(closed)")
        #expect(rows.contains { $0.contains(" 12人 约 25分") })
    }

    /// The README's first command (`scripts/run` is `kiosk demo`) from a folder that is not the
    /// repository: it draws the hall at 80x24 and at 120x40 with every window and line, exits
    /// 0, and leaves nothing behind in that folder.
    @Test(.enabled(if: Tmux.isAvailable, "tmux is not installed"), arguments: [(80, 24), (120, 40)])
    func theDemoRunsFromAnyFolderAndShowsEveryWindowAndLine(width: Int, height: Int) async throws {
        let folder = NSTemporaryDirectory() + "kiosk-somewhere-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let status = NSTemporaryDirectory() + UUID().uuidString + ".status"
        defer { try? FileManager.default.removeItem(atPath: status) }
        let tmux = Tmux()
        defer { tmux.kill() }
        let words = [KioskBinary.url.path, "demo", "--speed", "120", "--seconds", "8"]
        try tmux.start("demo", width: width, height: height,
                       command: "cd " + shellQuoted(folder) + " && " + shellCommand(words, then: "; echo $? > " + shellQuoted(status) + "; sleep 60"))
        let hall = HallConfig.defaultHall
        var screen = ""
        let everything = await eventually(within: 30, every: .milliseconds(200)) {
            screen = tmux.capture("demo")
            let rows = screen.split(separator: "\n")
            return hall.counters.allSatisfy { w in rows.contains { $0.contains("│ " + w.name + " ") } }
                && hall.services.allSatisfy { s in rows.contains { $0.contains("│ \(s.code) \(s.name.prefix(4))") } }
        }
        #expect(everything, "at \(width)x\(height) not every window and line showed:\n\(screen)")
        // The big layout's banner only where it fits; the compact one on the small terminal.
        #expect(screen.contains("请 Now calling") == (width >= 120), "\(screen)")
        // Called tickets say so (请到窗口), never "being served" before they are.
        #expect(await eventually(within: 20, every: .milliseconds(200)) { tmux.capture("demo").contains("请到窗口") }, "\(tmux.capture("demo"))")
        #expect(await eventually(within: 30, every: .milliseconds(200)) {
            (try? String(contentsOfFile: status, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) == "0"
        }, "demo exit status: \((try? String(contentsOfFile: status, encoding: .utf8)) ?? "none")\n\(tmux.capture("demo"))")
        // Nothing left in the folder it ran from (no tokens file, no var/).
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    /// A terminal made smaller while the screen runs switches to the compact layout, and back.
    @Test(.enabled(if: Tmux.isAvailable, "tmux is not installed"))
    func resizingTheTerminalSwitchesLayouts() async throws {
        let folder = NSTemporaryDirectory() + "kiosk-somewhere-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let tmux = Tmux()
        defer { tmux.kill() }
        let words = [KioskBinary.url.path, "demo", "--speed", "60", "--seconds", "40", "--data-dir", folder + "/demo"]
        try tmux.start("demo", width: 120, height: 40, command: shellCommand(words, then: "; sleep 60"))
        #expect(await eventually(within: 20, every: .milliseconds(200)) { tmux.capture("demo").contains("请 Now calling") }, "\(tmux.capture("demo"))")
        tmux.resize("demo", width: 80, height: 24)
        // The compact layout (its own "叫号 Calls" box), with every window and line on it; the
        // big one cut to 80x24 hid windows and lines.
        let hall = HallConfig.defaultHall
        #expect(await eventually(within: 10, every: .milliseconds(200)) {
            let screen = tmux.capture("demo")
            let rows = screen.split(separator: "\n")
            return !screen.contains("请 Now calling") && screen.contains("┌叫号 Calls")
                && hall.counters.allSatisfy { w in rows.contains { $0.contains("│ " + w.name + " ") } }
                && hall.services.allSatisfy { s in rows.contains { $0.contains("│ \(s.code) \(s.name.prefix(4))") } }
        }, "\(tmux.capture("demo"))")
        tmux.resize("demo", width: 120, height: 40)
        #expect(await eventually(within: 10, every: .milliseconds(200)) { tmux.capture("demo").contains("请 Now calling") }, "\(tmux.capture("demo"))")
    }

    @Test func theDisplaySaysAMissingLayoutFileIsMissing() throws {
        let words = [KioskBinary.url.path, "display", "--layout", "/nonexistent/hall.layout", "--size", "80x24"]
        let result = try runCommand("sh", ["-c", shellCommand(words) + " 2>&1"])
        #expect(result.status != 0)
        #expect(result.output.contains("/nonexistent/hall.layout: file not found"), "\(result.output)")
        #expect(!result.output.contains("UTF-8"))
    }
}
