import Foundation
import KioskCore
import Testing

/// The embedded default hall (a county 人社局 hall) loads and offers what the issue asks for.
@Suite struct DefaultHallTests {
    static let requiredServices = [
        "求职登记", "职业介绍", "失业登记/失业证", "社保参保登记", "社保关系转移", "城乡居民养老保险参保登记",
        "劳动争议调解仲裁", "小额担保贷款贴息", "档案查询", "政策咨询/宣传服务", "退休审批",
    ]

    @Test func embeddedDefaultLoadsWithoutDiagnostics() throws {
        let config = try HallConfig.load(json: HallConfig.defaultHallJSON)
        #expect(config == HallConfig.defaultHall)
        #expect(config.timeZoneID == "Asia/Shanghai")
        #expect(config.sessions == [TimeSpan(ClockTime("08:00")!, ClockTime("12:00")!), TimeSpan(ClockTime("14:30")!, ClockTime("17:30")!)])
        #expect(config.numbering == NumberRange(first: 1, last: 999))
        #expect(config.priority == PriorityRule(everyNNormal: 3, scope: .hall, ageingGuardMinutes: nil, startDue: true))
        #expect(config.recall == RecallRule(intervalSeconds: 60, maxRecalls: 2, automatic: true))
    }

    @Test(arguments: requiredServices)
    func defaultHallOffersService(_ name: String) throws {
        let service = try #require(HallConfig.defaultHall.services.first { $0.name == name })
        #expect(!service.nameEN.isEmpty)
        #expect(service.code.count == 1)
        // Every service is served by at least one window.
        #expect(HallConfig.defaultHall.counters.contains { $0.services.contains(service.code) })
    }

    @Test func elevenServicesWithDistinctCodes() {
        let codes = HallConfig.defaultHall.services.map(\.code)
        #expect(codes.count == 11)
        #expect(Set(codes).count == 11)
    }

    @Test func unemploymentCertificateNeedsOnlyIDCardAndTerminationContract() throws {
        let service = try #require(HallConfig.defaultHall.services.first { $0.name == "失业登记/失业证" })
        #expect(service.documents == ["身份证", "解除劳动合同书"])
    }

    @Test func everyWindowServesOnlyKnownServices() {
        let codes = Set(HallConfig.defaultHall.services.map(\.code))
        for counter in HallConfig.defaultHall.counters {
            #expect(!counter.services.isEmpty)
            #expect(counter.services.allSatisfy(codes.contains), "window \(counter.id)")
        }
        #expect(Set(HallConfig.defaultHall.counters.map(\.id)).count == HallConfig.defaultHall.counters.count)
    }

    @Test func defaultHallRunsAMorning() throws {
        let engine = QueueEngine(config: .defaultHall)
        let date = BusinessDate(year: 2026, month: 3, day: 2)
        var state = engine.initialState()
        let nine = engine.calendar.instant(on: date, at: ClockTime("09:00")!)
        let events = try engine.execute(.issue(service: "C", priority: false), on: &state, at: nine)
        #expect(events.last?.issuedTicket == "C001")
        try engine.execute(.callNext(counter: "3"), on: &state, at: nine.addingTimeInterval(60))
        #expect(state.counters["3"]?.current == "C001")
    }

    @Test func configSurvivesItsOwnJSONForm() throws {
        let text = HallConfig.defaultHall.jsonValue.serialized()
        #expect(try HallConfig.load(json: text) == HallConfig.defaultHall)
    }
}
