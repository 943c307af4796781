import Foundation
import KioskAPI
import KioskCore
import Testing
@testable import KioskFrontDesk

/// 查看办事指南 at the ticket machine: offered on the documents screen when the service has a
/// guide, fetched from the daemon, paged to the screen, and a ticket can be taken from it.
@Suite struct TicketMachineGuideTests {
    static let services: [ServiceOption] = Fixtures.services.map { service in
        var s = service
        s.hasGuide = s.code == "C"
        return s
    }

    static var guideC: ServiceGuideAnswer {
        let service = HallConfig.defaultHall.service("C")!
        return ServiceGuideAnswer(service: service, guide: service.guide!)
    }

    func machine(width: Int = 60, height: Int = 16) -> TicketMachine {
        var machine = TicketMachine(idleTimeout: 30, now: Fixtures.t0)
        machine.screenSize = (width, height)
        _ = machine.begin(at: Fixtures.t0)
        _ = machine.handle(.services(Self.services), at: Fixtures.t0)
        return machine
    }

    func type(_ keys: String, into machine: inout TicketMachine) -> [TicketMachine.Effect] {
        Key.typing(keys).flatMap { machine.handle(.key($0), at: Fixtures.t0) }
    }

    func screen(_ machine: TicketMachine) -> String {
        TicketMachineScreen.render(machine, width: machine.screenSize.width, height: machine.screenSize.height).joined(separator: "\n")
    }

    @Test func readsTheGuidePageByPageThenTakesATicket() throws {
        var machine = machine()
        _ = type("3", into: &machine)
        #expect(screen(machine).contains("2  查看办事指南"))
        #expect(type("2", into: &machine).contains(.loadGuide("C")))
        #expect(screen(machine).contains("正在加载"))
        #expect(machine.handle(.guide(Self.guideC), at: Fixtures.t0) == [])
        let pages = GuidePages.pages(Self.guideC, width: 60, height: 16)
        #expect(pages.count >= 3, "a 16-row screen needs several pages: \(pages)")
        let first = screen(machine)
        #expect(first.contains("办事指南 Service guide") && first.contains("第 1/\(pages.count) 页"))
        #expect(first.contains("2 下一页") && !first.contains("8 上一页"))
        // Every page fits: the rows between the header and the footer never push the keys off.
        for page in pages { #expect(page.count <= 16 - GuidePages.chromeRows) }
        // Page through to the end; one more "next" stays on the last page.
        var seen = first
        for _ in 0..<pages.count {
            _ = type("2", into: &machine)
            seen += screen(machine)
        }
        guard case let .guide(_, _, page, _) = machine.step else { Issue.record("left the guide: \(machine.step)"); return }
        #expect(page == pages.count - 1)
        #expect(seen.contains("1. 身份证 原件1份") && seen.contains("解除劳动合同书 原件1份"))
        #expect(seen.contains("承诺时限") && seen.contains("即办"))
        #expect(seen.contains(ServiceGuideText.exampleMark))
        _ = type("8", into: &machine)
        guard case let .guide(_, _, back, _) = machine.step else { Issue.record("left the guide"); return }
        #expect(back == pages.count - 2)
        // 0 goes back to the documents, 1 takes a ticket from the guide.
        _ = type("0", into: &machine)
        guard case .documents = machine.step else { Issue.record("not on documents: \(machine.step)"); return }
        _ = type("2", into: &machine)
        _ = machine.handle(.guide(Self.guideC), at: Fixtures.t0)
        _ = type("1", into: &machine)
        guard case let .priority(draft) = machine.step else { Issue.record("not on priority: \(machine.step)"); return }
        #expect(draft.service.code == "C")
    }

    @Test func aServiceWithoutAGuideOffersNone() {
        var machine = machine()
        // 1 could still become 10 or 11: Enter chooses it.
        _ = type("1\r", into: &machine)
        guard case .documents = machine.step else { Issue.record("not on documents: \(machine.step)"); return }
        #expect(!screen(machine).contains("查看办事指南"))
        #expect(!type("2", into: &machine).contains(.loadGuide("A")))
        guard case .documents = machine.step else { Issue.record("left the documents: \(machine.step)"); return }
    }

    @Test func aGuideThatCannotBeLoadedSaysSoAndKeepsTheWayBack() {
        var machine = machine()
        _ = type("3", into: &machine)
        _ = type("2", into: &machine)
        _ = machine.handle(.guideUnavailable("connection refused"), at: Fixtures.t0)
        let text = screen(machine)
        #expect(text.contains("暂时无法显示办事指南") && text.contains("connection refused") && text.contains("0 返回"))
        // A late answer for another service is not shown as this one's.
        var other = Self.guideC
        other.service = "A"
        #expect(machine.handle(.guide(other), at: Fixtures.t0) == [])
        guard case .guide(_, nil, _, _) = machine.step else { Issue.record("showed another service's guide"); return }
    }

    /// The printed slip lists the guide's materials with 原件/复印件 and how many.
    @Test func thePrintedTicketListsMaterialsWithFormAndCount() throws {
        var ticket = Fixtures.ticket
        ticket.materials = [GuideMaterial(name: "身份证", form: .originalAndCopy, count: 1), GuideMaterial(name: "解除劳动合同书", form: .copy, count: 2, notes: "如有")]
        let text = TicketText.lines(ticket, columns: 48).joined(separator: "\n")
        #expect(text.contains("1. 身份证 原件及复印件各1份"))
        #expect(text.contains("2. 解除劳动合同书 复印件2份(如有)"))
        #expect(!text.contains("可由本局代查"), "the bare documents list is replaced, not repeated")
        let printed = try EscPosDecoded(EscPosTicket.bytes(ticket, paper: .mm58)).lines.map(\.text).joined(separator: "\n")
        #expect(printed.contains("原件及复印件各1份") && printed.contains("复印件2份"))
    }

    @Test func theIssueAnswersMaterialsReachTheTicket() throws {
        let answer = IssuedTicketAnswer(
            ticket: TicketStatus(ticket: "C001", service: "C", serviceName: "失业登记/失业证", state: "waiting", issuedAt: "09:00:00"),
            documents: ["身份证"], materials: [GuideMaterialView(name: "身份证", form: "original", count: 1), GuideMaterialView(name: "x", form: "scan", count: 1)]
        )
        let ticket = IssuedTicket(answer: answer, publicBase: "http://hall")
        // A form no daemon writes is dropped, never guessed.
        #expect(ticket.materials == [GuideMaterial(name: "身份证", form: .original, count: 1)])
    }
}
