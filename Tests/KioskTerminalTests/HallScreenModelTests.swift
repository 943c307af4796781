import KioskAPI
import KioskCore
import KioskDisplay
import Testing
@testable import KioskTerminal

@Suite struct HallScreenModelTests {
    let model = HallScreenModel.model(snapshot: SnapshotFixture.value, link: .live)

    @Test func fillsTheHallHeaderClockAndDateWithItsWeekday() {
        #expect(model.text(at: "hall.name") == "连城县人社局综合服务大厅")
        #expect(model.text(at: "hall.name_en") == "Liancheng Hall")
        #expect(model.text(at: "clock") == "09:41")
        #expect(model.text(at: "date") == "2026-03-02 星期一")
        #expect(model.text(at: "notice") == "请携带身份证原件")
    }

    @Test func listsCallsNewestFirstWithWindowNamesAndServices() {
        let calls = model.list(at: "calls")
        #expect(calls.count == 2)
        #expect(calls[0] == [
            "ticket": "A023", "counter": "1号窗口", "counter_no": "1", "counter_en": "Window 1",
            "service": "求职登记", "at": "09:40:12", "mark": "",
        ])
        #expect(calls[1]["ticket"] == "B004")
        #expect(calls[1]["service"] == "职业介绍")
    }

    /// Issue 21, item 2: an appointment's call and the window serving it are marked 预约 (the
    /// walk-ins see why it came first); a walk-in's are not.
    @Test func marksAnAppointmentsCallAndItsWindow() {
        var snapshot = SnapshotFixture.value
        snapshot.calls[1].appointmentTime = "09:30"
        snapshot.windows[0].current?.appointmentTime = "09:30"
        let marked = HallScreenModel.model(snapshot: snapshot, link: .live, window: "1")
        #expect(marked.list(at: "calls").map { $0["mark"] } == ["", "预约"])
        #expect(marked.list(at: "counters").map { $0["mark"] } == ["预约", "", ""])
        #expect(marked.text(at: "window.mark") == "预约")
        #expect(model.list(at: "calls").map { $0["mark"] } == ["", ""])
        #expect(model.text(at: "window.mark") == "")
    }

    /// Issue 14, point 4: a ticket called but not yet at the window is not "being served", and
    /// a pause says when the clerk is back.
    @Test func showsEachWindowCalledPausedUntilOrIdle() {
        let counters = model.list(at: "counters")
        #expect(counters.map { $0["name"] } == ["1号窗口", "2号窗口", "3号窗口"])
        #expect(counters.map { $0["current"] } == ["A023", "", ""])
        #expect(counters.map { $0["status"] } == ["请到窗口", "暂停 至10:30", "空闲"])
        #expect(counters.map { $0["status_en"] } == ["Called", "Back at 10:30", "Idle"])
        #expect(counters[1]["back_at"] == "10:30")
    }

    @Test func servingOnlyOnceStartedAndAPauseWithoutATimeIsAPause() {
        let serving = WindowStatus(id: "1", name: "1号窗口", current: TicketStatus(ticket: "A023", service: "A", serviceName: "求职登记", priority: false, state: "serving", issuedAt: "09:30:00"))
        #expect(HallScreenModel.counter(serving)["status"] == "正在办理")
        #expect(HallScreenModel.counter(WindowStatus(id: "2", name: "2号窗口", status: "paused"))["status"] == "暂停服务")
    }

    @Test func closedWindowSaysSo() {
        let window = WindowStatus(id: "4", name: "4号窗口", status: "closed")
        #expect(HallScreenModel.counter(window)["status"] == "已关闭")
        #expect(HallScreenModel.counter(window)["status_en"] == "Closed")
    }

    @Test func servicesCarryWaitingEstimateOrADashAndTheirIssuingStatus() {
        let services = model.list(at: "services")
        #expect(services.map { $0["code"] } == ["A", "B", "G"])
        #expect(services.map { $0["waiting"] } == ["3", "1", "0"])
        #expect(services.map { $0["eta"] } == ["-", "8", "-"])
        #expect(services.map { $0["status"] } == ["", "", "今日已停止取号"])
        #expect(services[0]["name_en"] == "Job-seeker registration")
    }

    @Test func windowStripFollowsTheChosenWindow() {
        let strip = HallScreenModel.model(snapshot: SnapshotFixture.value, link: .live, window: "2")
        #expect(strip.text(at: "window.name") == "2号窗口")
        #expect(strip.text(at: "window.status") == "暂停 至10:30")
        let first = model
        #expect(first.text(at: "window.name") == "1号窗口")
        #expect(first.text(at: "window.current") == "A023")
        #expect(first.text(at: "window.status_en") == "Please come")
    }

    @Test func noticeSaysReconnectingWhileTheDaemonIsAway() {
        let away = HallScreenModel.model(snapshot: SnapshotFixture.value, link: .reconnecting)
        #expect(away.text(at: "notice") == "重新连接中 reconnecting…  请携带身份证原件")
        #expect(away.list(at: "calls").count == 2)   // the last known screen stays up
        let starting = HallScreenModel.model(snapshot: nil as HallSnapshot?, link: .connecting)
        #expect(starting.text(at: "notice").hasPrefix("正在连接 connecting…"))
        #expect(starting.list(at: "calls").isEmpty)
    }

    /// Issue 12, item 4: while the daemon's clock warning stands, the screen's notice line
    /// says the time is to be checked (the clock it shows may be wrong).
    @Test func noticeSaysTheClockIsToBeCheckedWhileTheWarningStands() {
        var snapshot = SnapshotFixture.value
        snapshot.clock = ClockHealth(state: "warning", skewSeconds: 86_400)
        #expect(HallScreenModel.model(snapshot: snapshot, link: .live).text(at: "notice") == "时钟待核对 clock to be checked  请携带身份证原件")
        snapshot.clock = ClockHealth()
        #expect(HallScreenModel.model(snapshot: snapshot, link: .live).text(at: "notice") == "请携带身份证原件")
    }

    @Test(arguments: [("2018-12-19", "星期三"), ("2026-03-02", "星期一"), ("2024-02-29", "星期四"), ("2000-01-01", "星期六"), ("2026-03-08", "星期日")])
    func weekdays(date: String, weekday: String) {
        #expect(HallScreenModel.dateWithWeekday(date) == "\(date) \(weekday)")
    }

    @Test func everyShippedLayoutDrawsTheMappedSnapshot() throws {
        for name in ["main-hall", "small-80x24", "window-strip"] {
            let layout = try Layouts.load(name)
            let frame = Renderer.render(layout, model: model, size: layout.canvas)
            let text = frame.text()
            if name == "window-strip" {
                #expect(text.contains("1号窗口 请到窗口 A023"))
            } else {
                #expect(text.contains("A023"))
                #expect(text.contains("暂停 至10:30"))
                #expect(text.contains("请到窗口"))
                #expect(text.contains("今日"))   // cut with … on the small screen
            }
        }
    }

    /// Issue 22: an elderly citizen's unanswered call is kept for them; the window's line says so
    /// while the window is free, and gives way to its own call or service.
    @Test func aWindowKeepingAnUnansweredTicketSaysSoWhileFree() {
        var idle = WindowStatus(id: "1", name: "1号窗口", parked: ["A023"])
        idle.awaiting = ["A023"]
        #expect(HallScreenModel.counter(idle)["status"] == "A023未确认")
        #expect(HallScreenModel.counter(idle)["status_en"] == "A023 unanswered")
        var busy = WindowStatus(id: "1", name: "1号窗口", current: TicketStatus(ticket: "A024", service: "A", serviceName: "求职登记", state: "called", issuedAt: "09:31:00"), parked: ["A023"])
        busy.awaiting = ["A023"]
        #expect(HallScreenModel.counter(busy)["status"] == "请到窗口")
        #expect(HallScreenModel.counter(WindowStatus(id: "1", name: "1号窗口", parked: ["A023"]))["status"] == "空闲")
    }

    /// 即审: a window with a case in review tells its citizen, while free, that the case is in
    /// hand (审核中); its own call or service comes first.
    @Test func aWindowWithACaseInReviewSaysSoWhileFree() {
        var idle = WindowStatus(id: "3", name: "3号窗口")
        idle.inReview = ["A023", "A031"]
        #expect(HallScreenModel.counter(idle)["status"] == "A023审核中")
        #expect(HallScreenModel.counter(idle)["status_en"] == "A023 in review")
        var busy = WindowStatus(id: "3", name: "3号窗口", current: TicketStatus(ticket: "A024", service: "A", serviceName: "求职登记", state: "serving", issuedAt: "09:31:00"))
        busy.inReview = ["A023"]
        #expect(HallScreenModel.counter(busy)["status"] == "正在办理")
    }
}
