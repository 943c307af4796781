import Foundation
import KioskCore
import KioskTestSupport
import Testing

/// The plain-text board `kiosk status` and the walkthrough print, and the line `kiosk take`
/// prints per ticket.
@Suite struct StatusTextTests {
    let config = TestHall.config
    var engine: QueueEngine { QueueEngine(config: config) }
    func at(_ h: Int, _ m: Int) -> Date { engine.calendar.instant(on: TestHall.monday, secondsOfDay: Double(h * 3600 + m * 60)) }

    @Test func theBoardListsEveryWindowAndEveryLine() {
        var state = engine.initialState()
        let events = [
            HallEvent(at: at(8, 0), .dayStarted(TestHall.monday)),
            HallEvent(at: at(8, 0), .sessionOpened(0)),
            HallEvent(at: at(8, 1), .issued(ticket: "A001", service: "A", priority: false, contact: false, audit: nil)),
            HallEvent(at: at(8, 2), .issued(ticket: "A002", service: "A", priority: true, contact: false, audit: nil)),
            HallEvent(at: at(8, 3), .issued(ticket: "C001", service: "C", priority: false, contact: false, audit: nil)),
            HallEvent(at: at(8, 4), .called(ticket: "C001", counter: "3", audit: nil)),
            HallEvent(at: at(8, 5), .paused(counter: "2", until: nil)),
        ]
        for e in events { engine.fold(e, into: &state) }
        let board = StatusText.board(state, config: config).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(board[0] == "测试大厅 · 2026-03-02 · 取号中 issuing")
        #expect(board[1] == "窗口 Windows")
        #expect(board[2].hasSuffix("[AB] 开放"))
        #expect(board[3].hasSuffix("[BA] 暂停服务"))
        #expect(board[4].contains("[C] 开放 · C001 "))
        #expect(board[5] == "等候 Waiting")
        #expect(board[6] == "  A 求职登记: 2 — A001 A002*")
        #expect(board[7] == "  B 职业介绍: 0")
        #expect(board[8] == "  C 失业登记/失业证: 0")
        #expect(board[9] == "", "ends with a newline")
    }

    @Test func beforeTheFirstDayTheBoardSaysSo() {
        let board = StatusText.board(engine.initialState(), config: config)
        #expect(board.hasPrefix("测试大厅 · no business day yet · 未在取号时间 not issuing\n"))
    }

    @Test func aTakenTicketIsOneLineAndLeavesOutWhatItHasNot() {
        #expect(IssuedTicketText.line(ticket: "B001", serviceName: "职业介绍", ahead: 0, documents: [], maskedPhone: nil, maskedCaretaker: nil)
            == "ticket B001 · 职业介绍 · 前面 0 人")
        #expect(IssuedTicketText.line(
            ticket: "C001", serviceName: "失业登记", ahead: 3, documents: ["身份证", "解除劳动合同书"],
            maskedPhone: PhoneNumber("13800138000")?.masked, maskedCaretaker: nil
        ) == "ticket C001 · 失业登记 · 前面 3 人 · 请携带 身份证、解除劳动合同书 · 短信 138****8000")
    }
}
