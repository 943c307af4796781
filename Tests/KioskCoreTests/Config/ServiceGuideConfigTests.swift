import Foundation
import KioskCore
import Testing

/// `services[].guide`: the 办事指南 read from the config, checked line by line, and the
/// embedded hall's eleven guides written from the seed article.
@Suite struct ServiceGuideConfigTests {
    static func hall(services: String) -> String {
        """
        {
          "sessions": [["08:00", "12:00"]],
          "services": [
        \(services)
          ],
          "counters": [{"id": "1", "services": ["A"]}]
        }
        """
    }

    @Test func everyEmbeddedServiceHasAGuideWithMaterialsOrSteps() {
        for service in HallConfig.defaultHall.services {
            let guide = service.guide
            #expect(guide != nil, "\(service.code) has no guide")
            #expect(guide?.steps.isEmpty == false && guide?.timeLimit != nil, "\(service.code)")
        }
    }

    /// The article: "现在只要带上身份证和解除劳动合同书就行…坐几分钟,证就到手了" — those two
    /// materials and 即办 are the article's, not an example.
    @Test func unemploymentGuideFollowsTheArticle() throws {
        let guide = try #require(HallConfig.defaultHall.service("C")?.guide)
        #expect(guide.materials.map(\.name) == ["身份证", "解除劳动合同书"])
        #expect(guide.materials.allSatisfy { $0.form == .original && $0.count == 1 })
        #expect(guide.timeLimit?.hasPrefix("即办") == true)
        #expect(!guide.isExample(.materials) && !guide.isExample(.timeLimit))
        // What the article does not say is marked.
        #expect(guide.isExample(.basis) && guide.isExample(.fee) && guide.isExample(.contact))
    }

    /// The 知青档案 case: staff look for the file themselves and hand the citizen a copy (3 days).
    @Test func fileEnquiryGuideTellsTheZhiqingCase() throws {
        let guide = try #require(HallConfig.defaultHall.service("J")?.guide)
        #expect(guide.steps.contains { $0.contains("代查") && $0.contains("复印件") })
        #expect(guide.timeLimit?.contains("3天") == true)
        #expect(!guide.isExample(.steps) && !guide.isExample(.timeLimit))
        // AB角 in the article: the small-loan clerk's place taken by the deputy director.
        let loans = try #require(HallConfig.defaultHall.service("H")?.guide)
        #expect(loans.roles?.handler?.contains("顶岗") == true && !loans.isExample(.roles))
    }

    @Test func aGuideLoadsWithEveryKey() throws {
        let config = try HallConfig.load(json: Self.hall(services: """
            {"code": "A", "name": "求职登记", "guide": {
              "basis": ["《就业促进法》"], "conditions": ["有就业要求"],
              "materials": [{"name": "身份证", "form": "original_and_copy", "count": 2, "notes": "正反面"}, {"name": "照片"}],
              "steps": ["受理", "办结"], "time_limit": "即办", "roles": {"handler": "经办人", "approver": "股长"},
              "fee": "不收费", "contact": "0597-0000000", "example": ["fee", "contact"]}}
        """))
        let service = try #require(config.service("A"))
        let guide = try #require(service.guide)
        #expect(guide.materials == [GuideMaterial(name: "身份证", form: .originalAndCopy, count: 2, notes: "正反面"), GuideMaterial(name: "照片")])
        #expect(guide.roles == GuideRoles(handler: "经办人", approver: "股长"))
        #expect(guide.exampleSections == [.fee, .contact])
        // No `documents` of its own: the kiosk's list is the guide's materials.
        #expect(service.documents == ["身份证", "照片"])
        #expect(guide.materials[0].line == "身份证 原件及复印件各2份(正反面)")
    }

    /// What the journal records (`jsonValue`) loads back to the same guide.
    @Test func theEmbeddedGuidesSurviveTheJournalsRoundTrip() throws {
        let text = HallConfig.defaultHall.jsonValue(withGateway: true).serialized()
        let reloaded = try HallConfig.load(json: text)
        #expect(reloaded.services.map(\.guide) == HallConfig.defaultHall.services.map(\.guide))
        #expect(reloaded == HallConfig.defaultHall)
    }

    @Test func badGuidesAreReportedAtTheirLines() {
        ConfigDiagnosticsTests.expect("""
        {
          "sessions": [["08:00", "12:00"]],
          "services": [
            {"code": "A", "name": "求职登记", "guide": {
              "materials": [
                {"name": "身份证", "form": "scan"},
                {"name": "照片", "count": 0},
                {"form": "copy"},
                {"name": "户口簿", "colour": "red"}
              ],
              "steps": ["受理", ""],
              "time_limit": 5,
              "roles": {},
              "example": ["fee", "nonsense"],
              "remarks": "x"
            }}
          ],
          "counters": [{"id": "1", "services": ["A"]}]
        }
        """, [
            (6, "services[0].guide.materials[0].form must be \"original\", \"copy\", \"original_and_copy\", found \"scan\""),
            (7, "services[0].guide.materials[1].count must be between 1 and 20"),
            (8, "services[0].guide.materials[2] is missing \"name\""),
            (9, "unknown key \"colour\" in services[0].guide.materials[3]"),
            (11, "services[0].guide.steps[1] is blank"),
            (12, "services[0].guide.time_limit must be a string"),
            (13, "services[0].guide.roles names nobody"),
            (14, "services[0].guide.example[0]: the guide has no \"fee\""),
            (14, "services[0].guide.example[1] must name a section"),
            (15, "unknown key \"remarks\" in services[0].guide"),
        ])
    }

    @Test func anEmptyGuideIsAnError() {
        ConfigDiagnosticsTests.expect(Self.hall(services: """
            {"code": "A", "name": "求职登记",
             "guide": {}}
        """), [(5, "services[0].guide is empty")])
    }

    /// The menu's documents and the guide's materials are both read by the citizen: a document
    /// the guide does not list is worth a warning (the file still loads).
    @Test func documentsTheGuideDoesNotListAreAWarning() throws {
        let checked = try HallConfig.check(json: Self.hall(services: """
            {"code": "A", "name": "求职登记", "documents": ["身份证", "学历证书(如有)", "户口簿"],
             "guide": {"materials": [{"name": "身份证"}, {"name": "学历证书", "notes": "如有"}]}}
        """))
        let warnings = checked.warnings.filter { $0.message.contains("documents") }
        #expect(warnings.map(\.message) == ["services[0].documents lists \"户口簿\", which the guide's materials do not"])
        #expect(warnings.first?.location.line == 4)
    }

    @Test func theTextMarksExampleSectionsAndListsMaterialsWithFormAndCount() throws {
        let service = try #require(HallConfig.defaultHall.service("C"))
        let lines = ServiceGuideText.lines(code: service.code, name: service.name, nameEN: service.nameEN, guide: try #require(service.guide))
        #expect(lines.first == "C 失业登记/失业证  Unemployment registration")
        #expect(lines.contains("【办理依据 Legal basis】\(ServiceGuideText.exampleMark)"))
        #expect(lines.contains("【申请材料 What to bring】"))
        #expect(lines.contains("  1. 身份证 原件1份"))
        #expect(lines.contains { $0.hasPrefix("  2. 解除劳动合同书 原件1份(") })
    }

    @Test func aChangedGuideIsOneLineOfTheDiff() {
        var new = HallConfig.defaultHall
        new.services[2].guide?.timeLimit = "1个工作日"
        #expect(HallConfigDiff(from: .defaultHall, to: new).lines == ["service C: guide changed"])
    }
}
