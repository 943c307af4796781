import Foundation
import Testing
@testable import KioskDisplay

/// Issue 14, point 3: a list meant to be complete says "+N more" instead of dropping rows, and
/// list columns grow to their content while the widest line fits.
@Suite("List fitting")
struct ListFittingTests {
    func render(_ body: String, _ model: DisplayModel, canvas: String) throws -> [String] {
        let layout = try Layout.parse("layout t\nversion 1\ncanvas \(canvas)\nambiguous narrow\n\n" + body, file: "t.layout")
        return Renderer.render(layout, model: model, size: layout.canvas).lines().map { line in
            var l = line
            while l.last == " " { l.removeLast() }
            return l
        }
    }

    static let services = DisplayModel(["services": .list([
        ["code": "A", "name": "求职登记", "waiting": "3"],
        ["code": "C", "name": "失业登记/失业证", "waiting": "12"],
        ["code": "F", "name": "城乡居民养老保险参保登记", "waiting": "0"],
    ])])

    @Test func aFieldGrowsToItsLongestValueWhenTheRegionHasRoom() throws {
        let lines = try render("region r\n  list services\n    item \"{code} {name:<8}{waiting:>3}人\"\n", Self.services, canvas: "60x3")
        #expect(lines == [
            "A 求职登记                  3人",
            "C 失业登记/失业证          12人",
            "F 城乡居民养老保险参保登记  0人",
        ])
    }

    @Test func aFieldGrowsOnlyAsFarAsTheRegionAllows() throws {
        let lines = try render("region r\n  list services\n    item \"{code} {name:<8}{waiting:>3}人\"\n", Self.services, canvas: "24x3")
        // 24 columns: "X " + name + "nnn人" leaves 17 for the name, not the 24 it would like.
        #expect(lines[1] == "C 失业登记/失业证   12人")
        #expect(lines[2] == "F 城乡居民养老保险…  0人")
    }

    @Test func aCompleteListThatDoesNotFitSaysHowManyMore() throws {
        let windows = DisplayModel(["counters": .list((1...10).map { ["name": .text("\($0)号窗口")] })])
        let lines = try render("region r border=single\n  list counters\n    item \"{name}\"\n", windows, canvas: "20x8")
        #expect(lines[1...5].map { $0.replacingOccurrences(of: "│", with: "").trimmingCharacters(in: .whitespaces) } == ["1号窗口", "2号窗口", "3号窗口", "4号窗口", "5号窗口"])
        #expect(lines[6].contains("另有5项 +5 more"))
        // A list with a limit (recent calls) is cut by design: no count.
        let limited = try render("region r\n  list counters limit=9\n    item \"{name}\"\n", windows, canvas: "20x3")
        #expect(limited == ["1号窗口", "2号窗口", "3号窗口"])
    }
}
