import Foundation
import KioskAPI
import KioskCore
import Testing
@testable import KioskFrontDesk

@Suite struct TicketMachineTests {
    /// A machine with the menu loaded, at t0.
    func loaded(idleTimeout: TimeInterval = 30) -> TicketMachine {
        var machine = TicketMachine(idleTimeout: idleTimeout, now: Fixtures.t0)
        #expect(machine.begin(at: Fixtures.t0) == [.loadServices])
        #expect(machine.handle(.services(Fixtures.services), at: Fixtures.t0) == [])
        return machine
    }

    func type(_ keys: String, into machine: inout TicketMachine, at now: Date = Fixtures.t0) -> [TicketMachine.Effect] {
        Key.typing(keys).flatMap { machine.handle(.key($0), at: now) }
    }

    @Test func fullFlowWithWrongThenRightPhoneNumberIssuesTheTicket() {
        var machine = loaded()
        // 11 services: "3" cannot grow into a longer number, so one key chooses (and re-reads the menu).
        #expect(type("3", into: &machine) == [.loadServices])
        guard case let .documents(draft) = machine.step else { Issue.record("not on documents: \(machine.step)"); return }
        #expect(draft.service.code == "C")
        let docs = TicketMachineScreen.render(machine, width: 100, height: 30).joined(separator: "\n")
        #expect(docs.contains("解除劳动合同书"))
        #expect(docs.contains("1  确认取号"))
        _ = type("1", into: &machine)
        guard case .priority = machine.step else { Issue.record("not on priority"); return }
        _ = type("2", into: &machine)
        guard case .smsQuestion = machine.step else { Issue.record("not on the SMS question: \(machine.step)"); return }
        #expect(TicketMachineScreen.render(machine, width: 100, height: 30).joined().contains("需要短信提醒吗？"))
        _ = type("1", into: &machine)
        // Wrong: a landline-like number, said back as typed.
        _ = type("12345678901\r", into: &machine)
        guard case let .phone(_, .citizen, entry, error?) = machine.step else { Issue.record("no error: \(machine.step)"); return }
        #expect(entry.isEmpty)
        #expect(error.contains("123 4567 8901 不是有效的手机号"))
        let screen = TicketMachineScreen.render(machine, width: 100, height: 30).joined(separator: "\n")
        #expect(screen.contains("请重新输入"))
        // Right, every digit shown while typed, then read back whole.
        _ = type("1380013", into: &machine)
        #expect(TicketMachineScreen.render(machine, width: 100, height: 30).joined().contains("[ 138 0013"))
        _ = type("8000\r", into: &machine)
        guard case let .confirmPhone(_, .citizen, number) = machine.step else { Issue.record("not read back: \(machine.step)"); return }
        #expect(number.digits == "13800138000")
        let readBack = TicketMachineScreen.render(machine, width: 100, height: 30).joined(separator: "\n")
        #expect(readBack.contains("138 0013 8000"))
        #expect(readBack.contains("1  正确"))
        _ = type("1", into: &machine)
        // A priority ticket: a caretaker may be told as well; the confirmed number is masked now.
        guard case let .caretakerQuestion(draft2) = machine.step else { Issue.record("not on caretaker: \(machine.step)"); return }
        #expect(draft2.phone?.digits == "13800138000")
        let caretaker = TicketMachineScreen.render(machine, width: 100, height: 30).joined()
        #expect(caretaker.contains("138****8000"))
        #expect(!caretaker.contains("13800138000") && !caretaker.contains("138 0013 8000"))
        let effects = type("0", into: &machine)
        #expect(effects == [.issue(TicketRequest(service: "C", priority: true, phone: PhoneNumber("13800138000")), service: Fixtures.services[2])])
        #expect(machine.handle(.issued(Fixtures.ticket), at: Fixtures.t0) == [.print(Fixtures.ticket)])
        guard case .ticket = machine.step else { Issue.record("no ticket"); return }
        let ticket = TicketMachineScreen.render(machine, width: 100, height: 60).joined(separator: "\n")
        #expect(ticket.contains("失业登记/失业证"))
        #expect(ticket.contains("138****8000"))
        // Any key finishes.
        #expect(type("5", into: &machine) == [.loadServices])
        #expect(machine.step == .start(entry: "", notice: nil))
    }

    @Test func shortPhoneNumberSaysHowManyDigits() {
        var machine = loaded()
        _ = type("1", into: &machine)
        #expect(machine.step == .start(entry: "1", notice: nil))
        _ = type("\r111138001\r", into: &machine)
        guard case let .phone(_, .citizen, _, error?) = machine.step else { Issue.record("\(machine.step)"); return }
        #expect(error.contains("只有 6 位"))
        #expect(error.contains("138 001"))
        #expect(error.contains("11位"))
    }

    @Test func twoDigitMenuNumbersNeedEnterOrASecondDigit() {
        var machine = loaded()
        _ = type("11", into: &machine)
        guard case let .documents(draft) = machine.step else { Issue.record("\(machine.step)"); return }
        #expect(draft.service.name == "业务11")
        _ = type("0", into: &machine)
        #expect(machine.isAtStart)
        _ = type("1\r", into: &machine)
        guard case let .documents(first) = machine.step else { Issue.record("\(machine.step)"); return }
        #expect(first.service.code == "A")
    }

    @Test func anUnknownMenuNumberIsExplained() {
        var machine = loaded()
        _ = type("19", into: &machine)
        guard case let .start("", notice?) = machine.step else { Issue.record("\(machine.step)"); return }
        #expect(notice.contains("没有第 19 项"))
    }

    @Test func aClosedServiceShowsItsReasonWithoutAskingTheDaemon() {
        var machine = loaded()
        let menu = TicketMachineScreen.render(machine, width: 100, height: 30).joined(separator: "\n")
        #expect(menu.contains("今日已满"))
        #expect(type("4", into: &machine) == [.loadServices])
        guard case let .refused(refusal, _) = machine.step else { Issue.record("\(machine.step)"); return }
        #expect(refusal.code == "quota_reached")
        let screen = TicketMachineScreen.render(machine, width: 100, height: 30).joined(separator: "\n")
        #expect(screen.contains("限40个"))
        #expect(screen.contains("请下一个工作日再来"))
    }

    @Test func theDaemonsRefusalIsShownInItsWords() {
        var machine = loaded()
        _ = type("2" + "1" + "1" + "0", into: &machine)
        guard case .issuing = machine.step else { Issue.record("\(machine.step)"); return }
        let message = "预计轮到您约12:20,晚于本时段结束(12:00),今天这个时段办不完,请于14:30后再来取号 Your turn …"
        let answer = APIAnswer<IssuedTicketAnswer>.refused(code: "closes_before_turn", message: message)
        _ = machine.handle(TicketMachineLoop.input(for: answer, publicBase: "http://x", service: Fixtures.services[1]), at: Fixtures.t0)
        guard case let .refused(refusal, _) = machine.step else { Issue.record("\(machine.step)"); return }
        #expect(refusal.message == message)
        #expect(TicketMachineScreen.render(machine, width: 100, height: 30).joined().contains("请于14:30后再来取号"))
    }

    @Test func idleTimeoutReturnsToTheStartScreen() {
        var machine = loaded(idleTimeout: 2)
        _ = type("3", into: &machine)
        _ = type("1", into: &machine)
        _ = type("139", into: &machine)
        #expect(machine.handle(.tick, at: Fixtures.t0.addingTimeInterval(1.9)) == [])
        #expect(!machine.isAtStart)
        #expect(machine.handle(.tick, at: Fixtures.t0.addingTimeInterval(2)) == [.loadServices])
        #expect(machine.step == .start(entry: "", notice: nil))
        // A key resets the idle clock.
        _ = type("3", into: &machine, at: Fixtures.t0.addingTimeInterval(10))
        #expect(machine.handle(.tick, at: Fixtures.t0.addingTimeInterval(11)) == [])
        #expect(!machine.isAtStart)
    }

    @Test func theIssuingStepWaitsForTheDaemonWhateverTheTime() {
        var machine = loaded(idleTimeout: 1)
        _ = type("2110", into: &machine)
        #expect(machine.handle(.tick, at: Fixtures.t0.addingTimeInterval(100)) == [])
        guard case .issuing = machine.step else { Issue.record("\(machine.step)"); return }
    }

    @Test func theMenuRefreshesWhileIdle() {
        var machine = TicketMachine(idleTimeout: 30, refreshInterval: 10, now: Fixtures.t0)
        _ = machine.begin(at: Fixtures.t0)
        #expect(machine.handle(.tick, at: Fixtures.t0.addingTimeInterval(5)) == [])
        #expect(machine.handle(.tick, at: Fixtures.t0.addingTimeInterval(10)) == [.loadServices])
    }

    @Test func anUnreachableDaemonIsSaidOnTheStartScreen() {
        var machine = TicketMachine(now: Fixtures.t0)
        _ = machine.handle(.servicesUnavailable("connection refused"), at: Fixtures.t0)
        #expect(TicketMachineScreen.render(machine, width: 100, height: 30).joined().contains("暂时无法取号"))
    }

    @Test(arguments: [(40, 12), (100, 30), (60, 20)])
    func everyScreenFitsItsSize(width: Int, height: Int) {
        var machine = loaded()
        var screens: [[String]] = [TicketMachineScreen.render(machine, width: width, height: height)]
        for key in Key.typing("312113800138000\r10") {
            _ = machine.handle(.key(key), at: Fixtures.t0)
            screens.append(TicketMachineScreen.render(machine, width: width, height: height))
        }
        _ = machine.handle(.issued(Fixtures.ticket), at: Fixtures.t0)
        screens.append(TicketMachineScreen.render(machine, width: width, height: height))
        for screen in screens {
            #expect(screen.count == height)
            for line in screen { #expect(DisplayWidthProbe.columns(line) == width, "\(line)") }
        }
    }

    @Test func numpadApplicationModeAndEscapeSequencesDecode() {
        var decoder = KeyDecoder()
        #expect(decoder.feed(Array("\u{1B}Oq\u{1B}OM".utf8)) == [.digit("1"), .enter])
        #expect(decoder.feed(Array("\u{1B}[A3\r".utf8)) == [.digit("3"), .enter])
        // A UTF-8 character split across reads waits for its second half.
        let bytes = Array("挂".utf8)
        #expect(decoder.feed(Array(bytes[0..<1])) == [])
        #expect(decoder.feed(Array(bytes[1...])) == [.char("挂")])
        #expect(decoder.feed([0x7F, 0x03]) == [.backspace, .interrupt])
    }
}
