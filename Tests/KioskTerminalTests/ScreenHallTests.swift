import KioskAPI
import Testing
@testable import KioskTerminal

/// The hall as a screen draws it: the last snapshot, with the calls streamed since on top.
@Suite struct ScreenHallTests {
    static func call(_ seq: Int64, _ ticket: String, at counter: String, name: String? = nil, kind: String = "call") -> StreamedHallEvent {
        StreamedHallEvent(seq: seq, date: "2026-03-02", secondsOfDay: 34_900, kind: kind, ticket: ticket, counter: counter, counterName: name)
    }

    @Test func aCallNewerThanTheSnapshotIsDrawnOnTopUntilASnapshotReflectsIt() throws {
        var hall = ScreenHall()
        hall.take(SnapshotFixture.value, through: 40)
        hall.take(Self.call(41, "C002", at: "3"))
        var drawn = try #require(hall.drawn)
        #expect(drawn.calls.map(\.ticket) == ["C002", "A023", "B004"])
        #expect(drawn.calls[0].at == "09:41:40")
        #expect(drawn.calls[0].counterName == "3号窗口", "named as the snapshot names window 3")
        #expect(drawn.windows.first { $0.id == "3" }?.current?.ticket == "C002")
        #expect(drawn.windows.first { $0.id == "3" }?.current?.state == "called")

        // A snapshot read before the call came in keeps it on top.
        hall.take(SnapshotFixture.value, through: 40)
        #expect(hall.drawn?.calls.first?.ticket == "C002")
        // One that reflects it takes over: what the daemon says wins.
        hall.take(SnapshotFixture.value, through: 41)
        drawn = try #require(hall.drawn)
        #expect(drawn == SnapshotFixture.value)
        #expect(hall.streamed.isEmpty)
    }

    @Test func eventsTheSnapshotAlreadyReflectsAndNonCallsAreNotDrawnAgain() {
        var hall = ScreenHall()
        hall.take(SnapshotFixture.value, through: 40)
        hall.take(Self.call(39, "A020", at: "1"))   // the backlog replayed on connect
        hall.take(StreamedHallEvent(seq: 42, kind: "issue", ticket: "A030"))
        hall.take(StreamedHallEvent(seq: 43, kind: "pause", counter: "1"))
        #expect(hall.streamed.isEmpty)
        #expect(hall.drawn == SnapshotFixture.value)
    }

    @Test func aRecallMovesTheTicketToTheTopOnce() throws {
        var hall = ScreenHall()
        hall.take(SnapshotFixture.value, through: 40)
        hall.take(Self.call(41, "B004", at: "2", kind: "recall"))
        let drawn = try #require(hall.drawn)
        #expect(drawn.calls.map(\.ticket) == ["B004", "A023"])
    }

    @Test func withoutAnySnapshotTheCallIsDrawnFromTheEventAlone() throws {
        var hall = ScreenHall()
        #expect(hall.drawn == nil)
        hall.take(StreamedHallEvent(
            seq: 7, secondsOfDay: 32_400, kind: "call", ticket: "A001", counter: "1", counterName: "1号窗口", service: "A", serviceName: "求职登记",
            appointmentTime: "09:00"
        ))
        let drawn = try #require(hall.drawn)
        #expect(drawn.calls == [.init(ticket: "A001", counter: "1", counterName: "1号窗口", at: "09:00:00", appointmentTime: "09:00")])
        #expect(drawn.windows.isEmpty)
        let model = HallScreenModel.model(snapshot: drawn, link: .connecting)
        #expect(model.root["calls"] == .list([[
            "ticket": .text("A001"), "counter": .text("1号窗口"), "counter_no": .text("1"), "counter_en": .text("Window 1"),
            "service": .text(""), "at": .text("09:00:00"), "mark": .text(HallScreenModel.appointmentMark),
        ]]))
    }

    @Test func aNewDayClearsTheCallsBeforeItsOwn() throws {
        var hall = ScreenHall()
        hall.take(SnapshotFixture.value, through: 40)
        hall.take(StreamedHallEvent(seq: 41, kind: "day"))
        hall.take(Self.call(42, "A001", at: "1"))
        #expect(try #require(hall.drawn).calls.map(\.ticket) == ["A001"])
    }
}
