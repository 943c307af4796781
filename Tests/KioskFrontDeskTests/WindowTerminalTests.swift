import Foundation
import KioskAPI
import KioskCore
import Testing
@testable import KioskFrontDesk

@Suite struct WindowTerminalTests {
    let now = Fixtures.t0
    let view = WindowView(
        id: "2", name: "2号窗口", services: ["A", "B", "C"], current: .init(ticket: "C014", service: "C", serviceName: "失业登记/失业证", priority: true, state: "called", issuedAt: "09:12:40", calls: 1),
        waiting: 4, sms: "delivered"
    )

    func sent(_ effects: [WindowTerminal.Effect]) -> WindowTerminal.Request? {
        guard effects.count == 1, case let .send(request) = effects[0] else { return nil }
        return request
    }

    /// Window 2's screen (`width` x 30) once the daemon answers `answer`, and again once it
    /// answers the plain `view`: a mark shown while the daemon says so, and gone after.
    func screens(answering answer: WindowView, width: Int) throws -> (shown: [String], after: [String]) {
        var terminal = WindowTerminal(window: "2")
        let request = try #require(sent(terminal.handle(.key(.enter), at: now)))
        _ = terminal.handle(.done(request, answer), at: now)
        let shown = WindowTerminalScreen.render(terminal, width: width, height: 30)
        _ = terminal.handle(.done(request, view), at: now)
        return (shown, WindowTerminalScreen.render(terminal, width: width, height: 30))
    }

    @Test(arguments: [("n", "call"), ("r", "recall"), ("s", "start"), ("f", "finish"), ("x", "noshow"), ("k", "park"), ("g", "resume")])
    func singleKeysCallTheirAction(key: Character, action: String) throws {
        var terminal = WindowTerminal(window: "2")
        let request = try #require(sent(terminal.handle(.key(Key(key)), at: now)))
        #expect(request.path == "/v1/windows/2/\(action)")
        #expect(!request.supervisor)
        #expect(terminal.busy)
    }

    @Test func enterCallsNextAndASecondKeyWaitsForTheAnswer() throws {
        var terminal = WindowTerminal(window: "2")
        let request = try #require(sent(terminal.handle(.key(.enter), at: now)))
        #expect(request.path == "/v1/windows/2/call")
        // No double call while the first is on its way.
        #expect(terminal.handle(.key(.enter), at: now) == [])
        #expect(terminal.handle(.done(request, view), at: now) == [])
        #expect(!terminal.busy)
        #expect(terminal.view == view)
        let screen = WindowTerminalScreen.render(terminal, width: 100, height: 30).joined(separator: "\n")
        #expect(screen.contains("C014"))
        #expect(screen.contains("失业登记/失业证"))
        #expect(screen.contains("等候本窗口 Waiting for this window: 4"))
        #expect(screen.contains("短信 SMS: 已送达 delivered"))
        #expect(screen.contains("完成 Done: 叫号"))
    }

    /// Issue 21, item 2: an appointment's ticket (预约) is marked with its slot at the window;
    /// a walk-in's is not.
    @Test func anAppointmentsTicketShowsItsSlot() throws {
        var booked = view
        booked.current?.priority = false
        booked.current?.appointmentTime = "09:30"
        let (screen, after) = try screens(answering: booked, width: 100)
        #expect(screen.contains { $0.hasPrefix("  当前 Current: C014  C 失业登记/失业证  [预约 09:30 appointment]") }, "\(screen.joined(separator: "\n"))")
        #expect(!after.joined().contains("预约"))
    }

    /// Issue 12, item 4: while the daemon's clock warning stands, the clerk sees it (and tells
    /// the supervisor); without one, nothing is said.
    @Test func aClockWarningIsShownToTheClerk() throws {
        var warned = view
        warned.clock = "warning"
        let (screen, after) = try screens(answering: warned, width: 80)
        #expect(screen.contains { $0.hasPrefix("  ! 时钟异常,请值班长核对 Clock warning: supervisor to check the PC clock") }, "\(screen.joined(separator: "\n"))")
        #expect(!after.joined().contains("时钟异常"))
    }

    @Test func aRefusalShowsTheDaemonsMessage() throws {
        var terminal = WindowTerminal(window: "2")
        let request = try #require(sent(terminal.handle(.key(Key("f")), at: now)))
        #expect(terminal.handle(.refused(request, code: "counter_idle", message: "窗口2当前无号 Window 2 has no current ticket"), at: now) == [.refresh])
        let screen = WindowTerminalScreen.render(terminal, width: 100, height: 30).joined(separator: "\n")
        #expect(screen.contains("counter_idle"))
        #expect(screen.contains("窗口2当前无号"))
    }

    @Test func transferAsksForAServiceThenSendsIt() throws {
        var terminal = WindowTerminal(window: "2")
        _ = terminal.handle(.services(Fixtures.services), at: now)
        #expect(terminal.handle(.key(Key("t")), at: now) == [])
        #expect(terminal.mode == .prompt(.transfer, entry: ""))
        #expect(WindowTerminalScreen.render(terminal, width: 100, height: 30).joined().contains("B 职业介绍"))
        _ = terminal.handle(.key(Key("d")), at: now)
        let request = try #require(sent(terminal.handle(.key(.enter), at: now)))
        #expect(request.path == "/v1/windows/2/transfer")
        #expect(request.body == .transfer(TransferRequest(service: "D")))
        #expect(terminal.mode == .keys)
    }

    @Test func pauseTakesABackAtTime() throws {
        var terminal = WindowTerminal(window: "2")
        _ = terminal.handle(.key(Key("p")), at: now)
        for key in Key.typing("1030") { _ = terminal.handle(.key(key), at: now) }
        #expect(WindowTerminalScreen.render(terminal, width: 100, height: 30).joined().contains("> 10:30"))
        let request = try #require(sent(terminal.handle(.key(.enter), at: now)))
        #expect(request.path == "/v1/windows/2/pause")
        #expect(request.body == .pause(PauseRequest(until: "10:30")))
    }

    @Test func pauseWithABadTimeAsksAgainAndEnterAlonePausesWithoutOne() throws {
        var terminal = WindowTerminal(window: "2")
        _ = terminal.handle(.key(Key("p")), at: now)
        for key in Key.typing("9999\r") { #expect(terminal.handle(.key(key), at: now) == []) }
        #expect(terminal.mode == .prompt(.pauseUntil, entry: ""))
        let request = try #require(sent(terminal.handle(.key(.enter), at: now)))
        #expect(request.body == nil)
    }

    @Test func escapeLeavesAPromptWithoutSending() {
        var terminal = WindowTerminal(window: "2")
        _ = terminal.handle(.key(Key("u")), at: now)
        _ = terminal.handle(.key(Key("A")), at: now)
        #expect(terminal.handle(.key(.escape), at: now) == [])
        #expect(terminal.mode == .keys)
    }

    @Test func supervisorKeysOnlyInSupervisorMode() throws {
        var clerk = WindowTerminal(window: "2")
        #expect(clerk.handle(.key(Key("c")), at: now) == [])
        #expect(clerk.mode == .keys)

        var supervisor = WindowTerminal(window: "2", supervisor: true)
        _ = supervisor.handle(.key(Key("c")), at: now)
        _ = supervisor.handle(.key(.digit("5")), at: now)
        let cover = try #require(sent(supervisor.handle(.key(.enter), at: now)))
        #expect(cover.path == "/v1/windows/2/cover")
        #expect(cover.body == .cover(CoverRequest(covered: "5")))
        #expect(cover.supervisor)
        _ = supervisor.handle(.done(cover, nil), at: now)

        _ = supervisor.handle(.key(Key("e")), at: now)
        let uncover = try #require(sent(supervisor.handle(.key(.enter), at: now)))
        #expect(uncover.path == "/v1/windows/2/uncover")
        #expect(uncover.body == .cover(CoverRequest(covered: nil)), "Enter alone ends every cover")
        _ = supervisor.handle(.done(uncover, nil), at: now)

        _ = supervisor.handle(.key(Key("a")), at: now)
        for key in Key.typing("c014") { _ = supervisor.handle(.key(key), at: now) }
        let reactivate = try #require(sent(supervisor.handle(.key(.enter), at: now)))
        #expect(reactivate.path == "/v1/tickets/C014/reactivate")
    }

    /// 即审: `v` hands the case over, with a note typed in Chinese or none; a called-back
    /// ticket shows the reviewer's decision, and the window lists what it has in review.
    @Test func vHandsTheCaseToReviewWithAnOptionalNote() throws {
        var terminal = WindowTerminal(window: "2")
        _ = terminal.handle(.key(Key("v")), at: now)
        #expect(terminal.mode == .prompt(.reviewNote, entry: ""))
        for key in Key.typing("退休金核定 ok") { _ = terminal.handle(.key(key), at: now) }
        let request = try #require(sent(terminal.handle(.key(.enter), at: now)))
        #expect(request.path == "/v1/windows/2/review")
        #expect(request.body == .reviewHandOff(ReviewHandOffRequest(note: "退休金核定 ok")))
        _ = terminal.handle(.done(request, nil), at: now)
        _ = terminal.handle(.key(Key("v")), at: now)
        #expect(sent(terminal.handle(.key(.enter), at: now))?.body == .reviewHandOff(ReviewHandOffRequest(note: nil)))

        var back = view
        back.current?.review = .init(handedBy: "2", handedAt: "09:40:00", reviewer: "9", decision: "returned", reason: "缺身份证复印件")
        back.inReview = ["A031"]
        var shown = WindowTerminal(window: "2")
        _ = shown.handle(.view(back), at: now)
        let screen = WindowTerminalScreen.render(shown, width: 100, height: 30)
        #expect(screen.contains { $0.contains("审核 Review: ✗ 退回 returned: 缺身份证复印件") }, "\(screen.joined(separator: "\n"))")
        #expect(screen.contains { $0.contains("送审中 In review: A031") })
        back.current?.review?.decision = "approved"
        back.current?.review?.reason = nil
        _ = shown.handle(.view(back), at: now)
        #expect(WindowTerminalScreen.render(shown, width: 100, height: 30).contains { $0.contains("✓ 通过,请交付结果") })
    }

    @Test func refreshesOnTicksButNotWhileBusy() {
        var terminal = WindowTerminal(window: "2", refreshInterval: 2)
        #expect(terminal.begin(at: now) == [.refresh, .loadServices])
        #expect(terminal.handle(.tick, at: now.addingTimeInterval(1)) == [])
        #expect(terminal.handle(.tick, at: now.addingTimeInterval(2)) == [.refresh, .loadServices], "services too: a live config change renames them")
        _ = terminal.handle(.key(.enter), at: now)
        #expect(terminal.handle(.tick, at: now.addingTimeInterval(10)) == [])
    }

    @Test func qQuits() {
        var terminal = WindowTerminal(window: "2")
        #expect(terminal.handle(.key(Key("q")), at: now) == [.quit])
    }

    @Test func windowViewReadsTheDaemonsAnswerIncludingTheSMSState() throws {
        let json = try KioskCoreJSON.parse(#"{"id":"3","name":"3号窗口","services":["C","D","E"],"status":"paused","back_at":"10:30","current":{"ticket":"D002","service":"D","service_name":"社保参保登记","priority":false,"state":"serving","issued_at":"09:01:00"},"waiting":2,"covering":["5"],"parked":["C001"],"sms":"delivered"}"#)
        let view = try APICoding.decode(WindowView.self, from: json)
        #expect(view.status == "paused" && view.backAt == "10:30")
        #expect(view.current?.ticket == "D002")
        #expect(view.covering == ["5"] && view.parked == ["C001"])
        #expect(view.smsText == "已送达 delivered")
        var terminal = WindowTerminal(window: "3")
        _ = terminal.handle(.view(view), at: now)
        let screen = WindowTerminalScreen.render(terminal, width: 80, height: 30)
        #expect(screen.joined().contains("10:30 回来"))
        #expect(screen.joined().contains("顶岗 Covering: 5号窗口"))
        for line in screen { #expect(DisplayWidthProbe.columns(line) == 80) }
    }

    /// The citizen answered "1" to the your-turn SMS: the clerk sees they are on their way.
    @Test func anAcknowledgedTicketShowsOnTheWay() throws {
        let json = try KioskCoreJSON.parse(#"{"id":"2","name":"2号窗口","services":["A"],"status":"open","current":{"ticket":"A023","service":"A","service_name":"求职登记","priority":true,"state":"called","issued_at":"09:30:00","calls":1,"acknowledged":true},"waiting":0,"covering":[],"parked":[],"rating":null}"#)
        let view = try APICoding.decode(WindowView.self, from: json)
        var terminal = WindowTerminal(window: "2")
        _ = terminal.handle(.view(view), at: now)
        let screen = WindowTerminalScreen.render(terminal, width: 80, height: 30)
        #expect(screen.contains { $0.contains("状态 State: 已叫号,等候到窗 called (第1次 call 1)  ✓ 已确认前往 on the way") })
        for line in screen { #expect(DisplayWidthProbe.columns(line) == 80) }
        // Not acknowledged: no mark.
        _ = terminal.handle(.view(self.view), at: now)
        #expect(!WindowTerminalScreen.render(terminal, width: 80, height: 30).joined().contains("已确认"))
    }

    /// Issue 22: a parked ticket set aside because its citizen did not answer is marked 未确认.
    @Test func anUnansweredTicketSetAsideIsMarkedAmongTheParked() throws {
        let json = try KioskCoreJSON.parse(#"{"id":"2","name":"2号窗口","services":["A"],"status":"open","current":null,"waiting":0,"covering":[],"parked":["A021","A023"],"awaiting":["A023"],"rating":null}"#)
        let view = try APICoding.decode(WindowView.self, from: json)
        var terminal = WindowTerminal(window: "2")
        _ = terminal.handle(.view(view), at: now)
        let screen = WindowTerminalScreen.render(terminal, width: 80, height: 30)
        #expect(screen.contains { $0.contains("挂起 Parked: A021 A023(未确认 unanswered)") })
    }

    /// Issue 22's leftover: with nothing at the window and a ticket set aside unanswered, `x`
    /// asks which one is the no-show and sends it in one step (no call back first).
    @Test func xWithNothingAtTheWindowGivesUpASetAsideTicket() throws {
        let json = try KioskCoreJSON.parse(#"{"id":"2","name":"2号窗口","services":["A"],"status":"open","current":null,"waiting":0,"covering":[],"parked":["A021","A023"],"awaiting":["A023"],"rating":null}"#)
        let idle = try APICoding.decode(WindowView.self, from: json)
        var terminal = WindowTerminal(window: "2")
        _ = terminal.handle(.view(idle), at: now)
        #expect(terminal.handle(.key(Key("x")), at: now) == [])
        #expect(terminal.mode == .prompt(.noShowAwaiting, entry: ""))
        #expect(WindowTerminalScreen.render(terminal, width: 100, height: 30).contains { $0.contains("哪个未确认的号按过号处理") })
        for c in "a023" { _ = terminal.handle(.key(Key(c)), at: now) }
        let request = try #require(sent(terminal.handle(.key(.enter), at: now)))
        #expect(request.path == "/v1/windows/2/noshow-awaiting")
        #expect(request.body == .ticket(TicketChoiceRequest(ticket: "A023")))
        // With a ticket at the window, `x` is that ticket's no-show as before.
        var busy = WindowTerminal(window: "2")
        var holding = idle
        holding.current = view.current
        _ = busy.handle(.view(holding), at: now)
        #expect(sent(busy.handle(.key(Key("x")), at: now))?.path == "/v1/windows/2/noshow")
    }
}
