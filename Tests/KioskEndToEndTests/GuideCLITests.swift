import Foundation
import KioskTestSupport
import Testing

/// `kiosk guide CODE [--config FILE]`: no daemon, the embedded hall's guide or a file's, and
/// `config check` naming the line of a broken guide.
@Suite struct GuideCLITests {
    @Test func printsTheEmbeddedHallsGuide() throws {
        let result = try KioskProcess.run(["guide", "c"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "C 失业登记/失业证  Unemployment registration")
        #expect(lines.contains("  1. 身份证 原件1份"))
        #expect(lines.contains("【承诺时限 Time limit】"))
        #expect(lines.contains("【办理依据 Legal basis】（示例 example）"))
    }

    @Test func readsAFileAndRefusesAServiceWithoutAGuide() throws {
        try FirstDayCLITests.withHallFile("""
        {
          "sessions": [["08:00", "12:00"]],
          "services": [
            {"code": "A", "name": "求职登记", "guide": {"materials": [{"name": "身份证", "form": "copy", "count": 2}], "time_limit": "即办"}},
            {"code": "B", "name": "职业介绍"}
          ],
          "counters": [{"id": "1", "services": ["A", "B"]}]
        }
        """) { _, path in
            let a = try KioskProcess.run(["guide", "A", "--config", path])
            #expect(a.status == 0, "\(a.stderr)")
            #expect(a.stdout.contains("  1. 身份证 复印件2份") && !a.stdout.contains("示例"))
            let b = try KioskProcess.run(["guide", "B", "--config", path])
            #expect(b.status == 1 && b.stderr.contains("B 职业介绍 暂无办事指南"))
            let z = try KioskProcess.run(["guide", "Z"])
            #expect(z.status == 1 && z.stderr.contains("No such service: Z"))
        }
    }

    @Test func configCheckNamesTheLineOfABrokenGuide() throws {
        try FirstDayCLITests.withHallFile("""
        {
          "sessions": [["08:00", "12:00"]],
          "services": [
            {"code": "A", "name": "求职登记", "guide": {
              "materials": [{"name": "身份证", "form": "photocopy"}]}}
          ],
          "counters": [{"id": "1", "services": ["A"]}]
        }
        """) { _, path in
            let result = try KioskProcess.run(["config", "check", path])
            #expect(result.status == 1)
            #expect(result.stderr.contains("\(path):5: services[0].guide.materials[0].form must be"), "\(result.stderr)")
        }
    }
}
