import Foundation
import KioskCore
import Testing
@testable import KioskFrontDesk

/// Issue 14, point 9: the ticket machine as an elderly citizen (and the staff) meet it.
@Suite struct TicketMachineFirstDayTests {
    func loaded(exitPIN: String? = nil, services: [ServiceOption] = Fixtures.services) -> TicketMachine {
        var machine = TicketMachine(idleTimeout: 30, exitPIN: exitPIN, now: Fixtures.t0)
        _ = machine.begin(at: Fixtures.t0)
        _ = machine.handle(.services(services), at: Fixtures.t0)
        return machine
    }

    func type(_ keys: String, into machine: inout TicketMachine) -> [TicketMachine.Effect] {
        Key.typing(keys).flatMap { machine.handle(.key($0), at: Fixtures.t0) }
    }

    func screen(_ machine: TicketMachine, width: Int = 100) -> String {
        TicketMachineScreen.render(machine, width: width, height: 30).joined(separator: "\n")
    }

    @Test func aNormalTicketWithoutSMSTakesOneKeyAfterThePriorityQuestion() {
        var machine = loaded()
        _ = type("311", into: &machine)
        guard case .smsQuestion = machine.step else { Issue.record("\(machine.step)"); return }
        #expect(screen(machine).contains("1  需要"))
        #expect(screen(machine).contains("0  不需要"))
        #expect(type("0", into: &machine) == [.issue(TicketRequest(service: "C", priority: false), service: Fixtures.services[2])])
    }

    @Test func digitsAreShownAsTypedAndTheNumberIsReadBackBeforeUse() {
        var machine = loaded()
        _ = type("3111", into: &machine)
        _ = type("1391234", into: &machine)
        #expect(screen(machine).contains("[ 139 1234"))
        #expect(!screen(machine).contains("*"))
        _ = type("5678\r", into: &machine)
        #expect(screen(machine).contains("139 1234 5678"))
        // 0: type it again, from empty.
        _ = type("0", into: &machine)
        guard case let .phone(_, .citizen, "", nil) = machine.step else { Issue.record("\(machine.step)"); return }
        _ = type("13912345679\r1", into: &machine)
        guard case let .issuing(draft) = machine.step else { Issue.record("\(machine.step)"); return }
        #expect(draft.phone?.digits == "13912345679")
        #expect(draft.caretaker == nil)
    }

    @Test func aServiceThatClosesWhileTheCitizenAnswersIsSaidBeforeTheNextQuestion() {
        var machine = loaded()
        #expect(type("3", into: &machine) == [.loadServices])
        guard case .documents = machine.step else { Issue.record("\(machine.step)"); return }
        // The daemon's fresh menu: a supervisor stopped C meanwhile.
        var closed = Fixtures.services
        closed[2].status = "service_closed"
        closed[2].statusMessage = "该业务今日已停止取号 Service C stopped issuing tickets today"
        #expect(machine.handle(.services(closed), at: Fixtures.t0) == [])
        guard case let .refused(refusal, _) = machine.step else { Issue.record("\(machine.step)"); return }
        #expect(refusal.code == "service_closed")
        #expect(screen(machine).contains("该业务今日已停止取号"))
        // Each answer re-reads the menu, so this happens on the very next screen.
        var again = loaded()
        #expect(type("31", into: &again) == [.loadServices, .loadServices])
    }

    @Test func theMenuMarksClosedAndFullServicesWithWhenToComeBack() {
        var services = Fixtures.services
        services[0].status = "outside_hours"
        services[0].statusMessage = "现在不在办理时间,请于14:30后取号 Service A is not issuing now; come back after 14:30"
        services[1].status = "service_closed"
        services[1].waiting = 0
        let menu = screen(loaded(services: services), width: 120)
        let lines = menu.split(separator: "\n")
        #expect(lines.contains { $0.contains("求职登记") && $0.contains("请14:30后再来") })
        #expect(lines.contains { $0.contains("职业介绍") && $0.contains("今日停止取号") && !$0.contains("无需等候") })
        #expect(lines.contains { $0.contains("劳动争议调解仲裁") && $0.contains("今日已满") })
    }

    @Test func staffLeaveWithZeroThePINAndEnter() {
        var machine = loaded(exitPIN: "2468")
        _ = type("0", into: &machine)
        guard case .staffExit = machine.step else { Issue.record("\(machine.step)"); return }
        _ = type("1357", into: &machine)
        #expect(screen(machine).contains("[ **** ]"))
        #expect(!screen(machine).contains("1357"))
        #expect(type("\r", into: &machine) == [])
        #expect(screen(machine).contains("密码不对"))
        #expect(type("2468\r", into: &machine) == [.exit])
        // Without a PIN, 0 is just not a menu item.
        var plain = loaded()
        _ = type("0", into: &plain)
        guard case let .start("", notice?) = plain.step else { Issue.record("\(plain.step)"); return }
        #expect(notice.contains("没有第 0 项"))
    }

    @Test func thePriorityScreenAndTheTicketNameTheSameGroups() {
        let groups = PriorityGroups(parsing: "老年人(65岁以上)/elderly (65+),残疾人/disabled")!
        var machine = TicketMachine(idleTimeout: 30, priorityGroups: groups, now: Fixtures.t0)
        _ = machine.handle(.services(Fixtures.services), at: Fixtures.t0)
        _ = type("31", into: &machine)
        #expect(screen(machine).contains("优先:老年人(65岁以上)、残疾人"))
        #expect(!screen(machine).contains("孕妇"))
        _ = type("20", into: &machine)
        _ = machine.handle(.issued(Fixtures.ticket), at: Fixtures.t0)
        let ticket = TicketMachineScreen.render(machine, width: 100, height: 60).joined(separator: "\n")
        #expect(ticket.contains("优先 Priority (老年人/残疾人)"))
        #expect(PriorityGroups.standard.ticketLabel == "优先 Priority (老年人/残疾人/孕妇)")
    }

    @Test func theTicketSaysWhereWhenAndWhereToWaitAndNeverPromisesZeroMinutes() {
        var ticket = Fixtures.ticket
        ticket.hallName = "青溪县人社局"
        ticket.date = "2026-03-02"
        ticket.windows = ["医保窗口", "2号窗口"]
        ticket.estimateMin = 0
        ticket.estimateLowMin = 0
        ticket.estimateHighMin = 2
        for paper in Paper.allCases {
            let text = TicketLayout(ticket, columns: paper.columns, ambiguous: .wide).lines.map(\.text).joined(separator: "\n")
            #expect(text.contains("青溪县人社局"))
            #expect(text.contains("2026-03-02 09:12:40"))
            #expect(text.contains("医保窗口"))
            #expect(text.contains("马上轮到您，请留意叫号"))
            #expect(!text.contains("约 0 分钟"))
        }
    }

    @Test func theStatusAddressIsNeverBrokenAcrossLines() throws {
        var ticket = Fixtures.ticket
        ticket.statusURL = "http://127.0.0.1:8080/v1/tickets/C002"
        let layout = TicketLayout(ticket, columns: Paper.mm58.columns, ambiguous: .wide)
        let url = try #require(layout.lines.first { $0.style == .url })
        #expect(url.text == "127.0.0.1:8080/v1/tickets/C002")
        #expect(!layout.lines.contains { $0.text.hasPrefix("s/C002") })
        // Too long even without the scheme: whole, in the printer's small font.
        let long = try EscPosDecoded(EscPosTicket.bytes(Fixtures.ticket, paper: .mm58))
        #expect(long.commands.contains("font 1"))
        #expect(long.lines.contains { $0.text == "hall.liancheng.example.gov.cn:8080/v1/tickets/C014" })
    }
}
