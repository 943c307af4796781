import Foundation
import KioskAPI
import KioskCore
@testable import KioskFrontDesk
import Testing

/// The window terminal's supervisor view of the hall's staffing advice: shown, and taken with
/// one key (the advice's own API call).
@Suite struct WindowTerminalAdviceTests {
    let now = Date(timeIntervalSince1970: 1_772_413_200)

    static var advice: AdviceAnswer {
        let before = LineOutlook(waits: ["L001": 20, "L002": 38], longestWaitMinutes: 38, pastTarget: 2, minutesPastTarget: 30)
        let after = LineOutlook(waits: ["L001": 5, "L002": 15], longestWaitMinutes: 15, pastTarget: 1, minutesPastTarget: 4)
        let moves = [StaffingMove(kind: .resume, window: "5"), StaffingMove(kind: .cover, window: "8", fromWindow: "5"), StaffingMove(kind: .addService, window: "6", service: "L")]
        return AdviceAnswer(
            date: "2026-03-02", time: "10:15:00", before: .init(before),
            advice: moves.map { AdviceAnswer.Item(StaffingAdvice(move: $0, before: before, after: after), config: .defaultHall, configFile: "/etc/kiosk/hall.json") }
        )
    }

    @Test func aSupervisorsTerminalLoadsAdviceAndAClerksDoesNot() {
        var supervisor = WindowTerminal(window: "2", supervisor: true, refreshInterval: 2)
        #expect(supervisor.begin(at: now) == [.refresh, .loadServices, .loadAdvice])
        #expect(supervisor.handle(.tick, at: now.addingTimeInterval(2)) == [.refresh, .loadServices, .loadAdvice])
        var clerk = WindowTerminal(window: "2", refreshInterval: 2)
        #expect(clerk.begin(at: now) == [.refresh, .loadServices])
        _ = clerk.handle(.advice(Self.advice), at: now)
        #expect(clerk.handle(.key(Key("1")), at: now) == [])
        #expect(!WindowTerminalScreen.render(clerk, width: 100, height: 40).contains { $0.contains("调度建议") })
    }

    @Test func theAdviceIsShownWithItsFiguresAndTheKeyThatTakesIt() {
        var terminal = WindowTerminal(window: "2", supervisor: true)
        _ = terminal.handle(.advice(Self.advice), at: now)
        let screen = WindowTerminalScreen.render(terminal, width: 100, height: 40)
        #expect(screen.contains { $0.contains("调度建议 Staffing advice (10:15:00): 最长等候 38 分钟 · 超时 2 人") })
        #expect(screen.contains { $0.contains("1. 恢复5号窗口服务：最长等候 38 → 15 分钟，超时 2 → 1 人") && $0.contains("[按 1 采纳 press 1]") })
        #expect(screen.contains { $0.contains("2. 让8号窗口顶岗5号窗口（AB角）") })
        // A config change is an admin's: its command, no key.
        let wide = WindowTerminalScreen.render(terminal, width: 180, height: 40)
        #expect(wide.contains { $0.contains("3. 让6号窗口兼办 L 退休审批") && $0.contains("[管理员 admin: kiosk config add-service 6 L --config /etc/kiosk/hall.json]") })
        for line in screen { #expect(DisplayWidthProbe.columns(line) == 100, "\(line)") }
    }

    @Test func aDigitTakesThatAdviceByItsOwnCall() {
        var terminal = WindowTerminal(window: "2", supervisor: true)
        _ = terminal.handle(.advice(Self.advice), at: now)
        #expect(terminal.handle(.key(Key("1")), at: now) == [.send(.init(path: "/v1/windows/5/resume", body: nil, supervisor: true, label: "采纳建议 advice taken: kiosk resume 5"))])
        _ = terminal.handle(.done(.init(path: "/v1/windows/5/resume", body: nil, supervisor: true, label: ""), nil), at: now)
        #expect(terminal.handle(.key(Key("2")), at: now) == [.send(.init(
            path: "/v1/windows/8/cover", body: .cover(CoverRequest(covered: "5")), supervisor: true, label: "采纳建议 advice taken: kiosk cover 8 5"
        ))])
        _ = terminal.handle(.done(.init(path: "/v1/windows/8/cover", body: nil, supervisor: true, label: ""), nil), at: now)
        // The config change (3) and advice that is not there (4, and 3 of a shorter list) do nothing.
        #expect(terminal.handle(.key(Key("3")), at: now) == [])
        #expect(terminal.handle(.key(Key("4")), at: now) == [])
    }

    @Test func noAdviceSaysSo() {
        var terminal = WindowTerminal(window: "2", supervisor: true)
        var calm = Self.advice
        calm.advice = []
        _ = terminal.handle(.advice(calm), at: now)
        #expect(WindowTerminalScreen.render(terminal, width: 100, height: 40).contains { $0.contains("暂无建议 none") })
    }
}
