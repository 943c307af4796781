import Foundation
import KioskCore
import KioskTestSupport
import Testing

/// One line per event for the terminal: time in the hall's zone, Chinese first, names from
/// the config, no phone numbers (events carry none).
@Suite struct EventTextTests {
    let config = TestHall.config
    var engine: QueueEngine { QueueEngine(config: config) }
    func at(_ h: Int, _ m: Int, _ s: Double = 0) -> Date { engine.calendar.instant(on: TestHall.monday, secondsOfDay: Double(h * 3600 + m * 60) + s) }

    @Test func anIssueSaysWhoIsAheadAndWhetherSMSIsOn() {
        var state = engine.initialState()
        let events = [
            HallEvent(at: at(8, 0), .dayStarted(TestHall.monday)),
            HallEvent(at: at(8, 1), .issued(ticket: "A001", service: "A", priority: false, contact: false, audit: nil)),
            HallEvent(at: at(8, 2, 5), .issued(ticket: "A002", service: "A", priority: true, contact: true, audit: "值班长")),
        ]
        for e in events { engine.fold(e, into: &state) }
        #expect(EventText.describe(events[2], in: state, config: config)
            == "08:02:05  取号 A002 求职登记 [优先] · 前面 1 人 · 1 ahead · 短信通知 SMS on · (由 值班长 特批)")
    }

    @Test func windowEventsUseTheWindowsName() {
        let state = engine.initialState()
        #expect(EventText.describe(HallEvent(at: at(9, 5), .called(ticket: "B003", counter: "2", audit: nil)), in: state, config: config)
            == "09:05:00  请 B003 号到 2号窗口 办理")
        #expect(EventText.describe(HallEvent(at: at(9, 6), .paused(counter: "7", until: at(9, 30))), in: state, config: config)
            == "09:06:00  7号窗口 暂停服务 预计 09:30:00 回来")
        #expect(EventText.describe(HallEvent(at: at(9, 7), .transferred(ticket: "A001", counter: "1", from: "A", to: "C")), in: state, config: config)
            == "09:07:00  转办 A001: 求职登记 → 失业登记/失业证")
    }

    @Test func theClockIsTheHallsLocalTime() {
        #expect(EventText.clock(at(7, 5, 9), engine.calendar) == "07:05:09")
    }
}
