import Foundation
import KioskCore
import KioskTestSupport
import Testing

/// The call rule of the wait-eval README on hand-built queues: the priority interleave, its
/// scope, the window policies, covers, and the optional ageing guard.
@Suite struct CallRuleTests {
    /// A hall whose windows all serve A and B, so only the rule decides.
    static func hall(everyN: Int = 3, scope: PriorityRule.Scope = .hall, ageingGuard: Int? = nil) -> TestHall {
        var config = TestHall.config
        config.priority = PriorityRule(everyNNormal: everyN, scope: scope, ageingGuardMinutes: ageingGuard)
        config.recall.automatic = false
        return TestHall(config: config)
    }

    /// Issues one ticket a minute from 09:00: "N" normal, "P" priority, of service A.
    static func issue(_ pattern: String, in hall: inout TestHall, service: ServiceCode = "A", from minute: Int = 0) throws -> [TicketNumber] {
        var numbers: [TicketNumber] = []
        for (i, kind) in pattern.enumerated() {
            numbers.append(try hall.issue(service, priority: kind == "P", at: "09:00", plus: Double((minute + i) * 60)))
        }
        return numbers
    }

    /// Serves everything waiting at window 1, one ticket per minute from 10:00; returns the
    /// order as "N"/"P".
    static func drain(_ hall: inout TestHall, counter: CounterID = "1", from clock: String = "10:00") throws -> String {
        var order = ""
        var minute = 0.0
        while !hall.state.waiting.isEmpty {
            let number = try hall.serveNext(counter, at: clock, plus: minute * 60)
            order += hall.ticket(number)!.priority ? "P" : "N"
            minute += 1
        }
        return order
    }

    @Test func onePriorityAfterEveryThreeNormalCalls() throws {
        var hall = Self.hall(everyN: 3)
        _ = try Self.issue("PPNNNNNNNN", in: &hall)
        // The count starts at 0: three normals first, then one priority, three normals, ...
        #expect(try Self.drain(&hall) == "NNNPNNNPNN")
        hall.expectConsistent()
    }

    @Test(arguments: [
        (everyN: 1, expected: "NPNPNNNN"),
        (everyN: 2, expected: "NNPNNPNN"),
        (everyN: 5, expected: "NNNNNPNP"),
    ])
    func interleaveCountsNormalCalls(everyN: Int, expected: String) throws {
        var hall = Self.hall(everyN: everyN)
        _ = try Self.issue("PPNNNNNN", in: &hall)
        #expect(try Self.drain(&hall) == expected)
    }

    @Test func zeroMeansStrictPriority() throws {
        var hall = Self.hall(everyN: 0)
        _ = try Self.issue("NNNPNP", in: &hall)
        #expect(try Self.drain(&hall) == "PPNNNN")
    }

    @Test func priorityCalledBecauseNoNormalWaitsResetsTheCount() throws {
        var hall = Self.hall(everyN: 3)
        _ = try Self.issue("NN", in: &hall)
        try hall.serveNext("1", at: "09:10")
        try hall.serveNext("1", at: "09:11")
        #expect(hall.state.normalCallsSincePriority == 2)
        let p = try hall.issue("A", priority: true, at: "09:12")
        #expect(try hall.serveNext("1", at: "09:13") == p)
        #expect(hall.state.normalCallsSincePriority == 0)
        // Had the count not been reset, the next priority would come after one normal.
        _ = try Self.issue("PNNNN", in: &hall, from: 20)
        #expect(try Self.drain(&hall) == "NNNPN")
    }

    @Test func hallScopeCountsCallsAtEveryWindow() throws {
        var hall = Self.hall(everyN: 2, scope: .hall)
        _ = try Self.issue("PNNN", in: &hall)
        #expect(hall.ticket(try hall.serveNext("1", at: "10:00"))?.priority == false)
        #expect(hall.ticket(try hall.serveNext("1", at: "10:01"))?.priority == false)
        // Two normals were called in the hall: window 2 now owes the priority ticket.
        #expect(hall.ticket(try hall.serveNext("2", at: "10:02"))?.priority == true)
        #expect(hall.state.normalCallsSincePriority == 0)
    }

    @Test func counterScopeCountsEachWindowOnItsOwn() throws {
        var hall = Self.hall(everyN: 2, scope: .counter)
        _ = try Self.issue("PNNNN", in: &hall)
        #expect(hall.ticket(try hall.serveNext("1", at: "10:00"))?.priority == false)
        #expect(hall.ticket(try hall.serveNext("1", at: "10:01"))?.priority == false)
        #expect(hall.state.counters["1"]?.normalCallsSincePriority == 2)
        #expect(hall.state.counters["2"]?.normalCallsSincePriority == 0)
        // Window 2 has called nobody yet: a normal ticket; window 1 owes the priority.
        #expect(hall.ticket(try hall.serveNext("2", at: "10:02"))?.priority == false)
        #expect(hall.ticket(try hall.serveNext("1", at: "10:03"))?.priority == true)
        #expect(hall.state.counters["1"]?.normalCallsSincePriority == 0)
        #expect(hall.state.counters["2"]?.normalCallsSincePriority == 1)
        #expect(hall.state.normalCallsSincePriority == 0)
    }

    @Test func fifoTakesTheOldestEligibleTicketOfAnyService() throws {
        var hall = Self.hall()
        try hall.issue("A", at: "09:00")
        try hall.issue("B", at: "09:05")
        #expect(try hall.callNext("1", at: "09:10") == "A001")
    }

    @Test func serviceOrderTakesTheOldestTicketOfTheFirstListedServiceThatHasOne() throws {
        var hall = Self.hall()
        try hall.issue("A", at: "09:00")
        try hall.issue("A", at: "09:01")
        try hall.issue("B", at: "09:05")
        try hall.issue("B", at: "09:06")
        // Window 2 lists B before A.
        #expect(try hall.serveNext("2", at: "09:10") == "B001")
        #expect(try hall.serveNext("2", at: "09:11") == "B002")
        #expect(try hall.serveNext("2", at: "09:12") == "A001")
    }

    @Test func serviceOrderAppliesWithinTheChosenClass() throws {
        var hall = Self.hall(everyN: 0)
        try hall.issue("A", priority: true, at: "09:00")
        try hall.issue("B", priority: false, at: "09:01")
        // Strict priority: the priority A ticket goes before the normal B one even at window 2.
        #expect(try hall.callNext("2", at: "09:10") == "A001")
    }

    @Test(arguments: [(policy: CallPolicy.serviceOrder, first: "C001"), (policy: .fifo, first: "A001")])
    func coveredServicesComeAfterTheWindowsOwn(policy: CallPolicy, first: TicketNumber) throws {
        var config = TestHall.config
        config.counters[2].policy = policy
        var hall = TestHall(config: config)
        try hall.issue("A", at: "09:00")
        try hall.issue("C", at: "09:01")
        try hall.run(.cover(counter: "3", covered: "1", by: "王主任"), at: "09:02")
        #expect(CallRule(config: config).services(of: "3", in: hall.state) == ["C", "A", "B"])
        #expect(try hall.callNext("3", at: "09:03") == first)
    }

    @Test func coverDoesNotRepeatServicesTheWindowAlreadyServes() throws {
        var hall = TestHall()
        try hall.run(.cover(counter: "2", covered: "1", by: "王主任"), at: "09:00")
        try hall.run(.cover(counter: "2", covered: "3", by: "王主任"), at: "09:00")
        #expect(CallRule(config: hall.config).services(of: "2", in: hall.state) == ["B", "A", "C"])
    }

    @Test func pausedOrClosedWindowsCallNobodyAndOthersStillDo() throws {
        var hall = Self.hall()
        try hall.issue("A", at: "09:00")
        try hall.run(.pause(counter: "1"), at: "09:01")
        try hall.run(.closeCounter(counter: "2"), at: "09:01")
        hall.expectRefusal(.callNext(counter: "1"), at: "09:02", .counterPaused("1"))
        hall.expectRefusal(.callNext(counter: "2"), at: "09:02", .counterClosed("2"))
        hall.expectRefusal(.callTicket(counter: "1", ticket: "A001", by: "王主任"), at: "09:02", .counterPaused("1"))
        try hall.run(.cover(counter: "3", covered: "1", by: "王主任"), at: "09:03")
        #expect(try hall.callNext("3", at: "09:04") == "A001")
    }

    @Test func ageingGuardIsOffByDefault() throws {
        #expect(TestHall.config.priority.ageingGuardMinutes == nil)
        #expect(HallConfig.defaultHall.priority.ageingGuardMinutes == nil)
        var hall = Self.hall(everyN: 0)
        try hall.issue("A", at: "09:00")
        try hall.issue("A", priority: true, at: "09:05")
        #expect(try hall.callNext("1", at: "11:00") == "A002")
    }

    /// Strict priority, guard 20 minutes: the normal ticket issued at 09:00 goes first from 09:20.
    @Test(arguments: [(clock: "09:19", plus: 59.0, first: "A002"), (clock: "09:20", plus: 0, first: "A001"), (clock: "10:30", plus: 0, first: "A001")])
    func ageingGuardLetsAnOldNormalTicketGoFirst(clock: String, plus: Double, first: TicketNumber) throws {
        var hall = Self.hall(everyN: 0, ageingGuard: 20)
        try hall.issue("A", at: "09:00")
        try hall.issue("A", priority: true, at: "09:05")
        #expect(try hall.callNext("1", at: clock, plus: plus) == first)
    }

    @Test func ageingGuardOnlyLooksAtTicketsTheWindowServes() throws {
        var hall = Self.hall(everyN: 0, ageingGuard: 20)
        try hall.issue("C", at: "09:00")
        try hall.issue("A", priority: true, at: "09:05")
        // C001 has waited 40 minutes, but window 1 does not serve C: the priority A001 goes.
        #expect(try hall.callNext("1", at: "09:40") == "A001")
    }

    @Test func outOfOrderSupervisorCallDoesNotDisturbTheInterleaveCount() throws {
        var hall = Self.hall(everyN: 3)
        let numbers = try Self.issue("NNNNNP", in: &hall)
        try hall.serveNext("1", at: "10:00")
        try hall.serveNext("1", at: "10:01")
        #expect(hall.state.normalCallsSincePriority == 2)
        let events = try hall.run(.callTicket(counter: "2", ticket: numbers[4], by: "王主任"), at: "10:02")
        #expect(events.map(\.kind) == [.called(ticket: numbers[4], counter: "2", audit: "王主任")])
        #expect(hall.state.normalCallsSincePriority == 2)
        try hall.run(.noShow(counter: "2"), at: "10:03")
        #expect(try hall.serveNext("1", at: "10:04") == numbers[2])
        #expect(hall.state.normalCallsSincePriority == 3)
        #expect(try hall.serveNext("1", at: "10:05") == numbers[5])
        #expect(hall.state.normalCallsSincePriority == 0)
    }

    @Test func supervisorCallingAPriorityTicketOutOfOrderKeepsTheCount() throws {
        var hall = Self.hall(everyN: 3)
        let numbers = try Self.issue("NPNNN", in: &hall)
        try hall.serveNext("1", at: "10:00")
        try hall.run(.callTicket(counter: "2", ticket: numbers[1], by: "王主任"), at: "10:01")
        #expect(hall.state.normalCallsSincePriority == 1)
    }

    @Test func supervisorMayCallOnlyAWaitingTicketOfAServiceTheWindowServes() throws {
        var hall = Self.hall()
        try hall.issue("C", at: "09:00")
        try hall.issue("A", at: "09:01")
        hall.expectRefusal(.callTicket(counter: "1", ticket: "C001", by: "王主任"), at: "09:02",
                           .counterDoesNotServe(counter: "1", service: "C"))
        hall.expectRefusal(.callTicket(counter: "1", ticket: "A404", by: "王主任"), at: "09:02", .unknownTicket("A404"))
        try hall.callNext("2", at: "09:02")
        hall.expectRefusal(.callTicket(counter: "1", ticket: "A001", by: "王主任"), at: "09:03",
                           .invalidTransition(ticket: "A001", state: "called", action: "call"))
        try hall.run(.cover(counter: "1", covered: "3", by: "王主任"), at: "09:04")
        try hall.run(.callTicket(counter: "1", ticket: "C001", by: "王主任"), at: "09:05")
        #expect(hall.state.counters["1"]?.current == "C001")
    }

    @Test func selectIsPureAndMatchesWhatCallNextCalls() throws {
        var hall = Self.hall(everyN: 1)
        _ = try Self.issue("NPNP", in: &hall)
        let rule = CallRule(config: hall.config)
        for minute in 0..<4 {
            let now = hall.at("10:00", plus: Double(minute * 60))
            let expected = rule.select(for: "1", in: hall.state, at: now)?.number
            #expect(try hall.serveNext("1", at: "10:00", plus: Double(minute * 60)) == expected)
        }
        #expect(rule.select(for: "1", in: hall.state, at: hall.at("11:00")) == nil)
    }
}
