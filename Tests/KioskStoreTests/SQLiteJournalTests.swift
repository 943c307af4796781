import Foundation
import KioskCore
import KioskStore
import Testing

@Suite struct SQLiteJournalTests {
    let config = HallConfig.defaultHall
    var engine: QueueEngine { QueueEngine(config: config) }
    let day = BusinessDate("2026-03-02")!

    func at(_ time: String, on date: BusinessDate? = nil) -> Date {
        engine.calendar.instant(on: date ?? day, at: ClockTime(time)!)
    }

    @Test func journalIsWALWithFullSynchronousCommits() throws {
        let dir = try TemporaryDirectory()
        let journal = try SQLiteJournal(path: dir.path + "/j.sqlite", calendar: engine.calendar)
        let settings = try journal.durabilitySettings()
        #expect(settings.journalMode == "wal")
        #expect(settings.synchronous == 2)
    }

    @Test func appendedEventsReadBackEqualAfterReopening() throws {
        let dir = try TemporaryDirectory()
        var state = engine.initialState()
        var written: [HallEvent] = []
        do {
            let journal = try SQLiteJournal(path: dir.path + "/j.sqlite", calendar: engine.calendar)
            for (command, time) in [
                (Command.issue(service: "A", priority: false), "09:00"), (.issue(service: "C", priority: true), "09:01"),
                (.callNext(counter: "2"), "09:02"), (.pause(counter: "6", until: at("10:00")), "09:03"),
            ] {
                let events = try engine.execute(command, on: &state, at: at(time))
                _ = try journal.append(events, contacts: [])
                written += events
            }
        }
        let reopened = try SQLiteJournal(path: dir.path + "/j.sqlite", calendar: engine.calendar)
        let stored = try reopened.events(on: day)
        #expect(stored.map(\.event) == written)
        #expect(stored.map(\.seq) == Array(1...Int64(written.count)))
        #expect(engine.replay(stored.map(\.event)) == state)
        #expect(try reopened.latestDate() == day)
    }

    /// Rows whose line the journal's fast reader leaves to the strict parser (an escaped quote,
    /// a backslash, a tab in a free text) read back the same, beside rows it reads itself.
    @Test func linesWithEscapesReadBackEqual() throws {
        let dir = try TemporaryDirectory()
        let written = [
            HallEvent(at: at("09:00"), .issued(ticket: "A001", service: "A", priority: false, contact: false, audit: nil)),
            HallEvent(at: at("09:01"), .reactivated(ticket: "A001", audit: "王 \"主任\" \\ 1\t2")),
            HallEvent(at: at("09:02"), .handedToReview(ticket: "A001", counter: "1", note: "line\nbreak")),
            HallEvent(at: at("09:03"), .called(ticket: "A001", counter: "1", audit: nil)),
        ]
        do {
            let journal = try SQLiteJournal(path: dir.path + "/j.sqlite", calendar: engine.calendar)
            _ = try journal.append(written, contacts: [])
        }
        let reopened = try SQLiteJournal(path: dir.path + "/j.sqlite", calendar: engine.calendar)
        #expect(try reopened.events(on: day).map(\.event) == written)
        #expect(reopened.unreadableRowCount == 0)
    }

    @Test func eventsAreFiledUnderTheirOwnBusinessDate() throws {
        let dir = try TemporaryDirectory()
        let local = try LocalHall(config: config, dataDirectory: dir.path)
        let next = BusinessDate("2026-03-03")!
        _ = try local.execute(.issue(service: "A", priority: false), at: at("09:00"))
        _ = try local.execute(.issue(service: "A", priority: false), at: at("09:00", on: next))
        let first = try local.journal.events(on: day).map(\.event)
        let second = try local.journal.events(on: next).map(\.event)
        #expect(first.compactMap(\.issuedTicket) == ["A001"])
        #expect(second.compactMap(\.issuedTicket) == ["A001"])
        #expect(second.first?.kind == .dayStarted(next))
        #expect(try local.journal.events(after: 0, limit: 100).count == first.count + second.count)
    }

    @Test func refusedCommandWritesNothing() throws {
        let dir = try TemporaryDirectory()
        let local = try LocalHall(config: config, dataDirectory: dir.path)
        _ = try local.execute(.issue(service: "A", priority: false), at: at("09:00"))
        let before = try local.journal.events(on: day)
        #expect(throws: QueueError.noTicketWaiting("6")) {
            try local.execute(.callNext(counter: "6"), at: at("09:05"))
        }
        #expect(throws: QueueError.unknownService("Z")) {
            try local.execute(.issue(service: "Z", priority: false), at: at("09:06"))
        }
        #expect(try local.journal.events(on: day) == before)
    }

    @Test func contactsAreStoredBesideTheJournalAndPurgedAfterTheDay() throws {
        let dir = try TemporaryDirectory()
        let local = try LocalHall(config: config, dataDirectory: dir.path)
        let contact = TicketContact(ticket: "", phone: PhoneNumber("13800138000"), caretaker: PhoneNumber("+86 139 1234 5678"))
        let outcome = try local.execute(.issue(service: "L", priority: true, contact: true), at: at("09:00"), contact: contact)
        let number = try #require(outcome.events.compactMap(\.issuedTicket).first)
        let stored = try #require(try local.journal.contact(for: number, on: day))
        #expect(stored.phone?.digits == "13800138000")
        #expect(stored.caretaker?.digits == "13912345678")
        // The event itself carries no phone number, only that there is a contact.
        let lines = try local.journal.events(on: day).map { TraceCodec(calendar: engine.calendar, date: day).encode($0.event).serialized() }
        #expect(lines.allSatisfy { !$0.contains("13800138000") && !$0.contains("13912345678") })
        #expect(lines.contains { $0.contains("\"contact\":true") })

        #expect(try local.journal.purgeContacts(before: day) == 0)
        #expect(try local.journal.purgeContacts(before: BusinessDate("2026-03-03")!) == 1)
        #expect(try local.journal.contact(for: number, on: day) == nil)
    }

    @Test func twoWritersOnOneFileNeverHandOutTheSameNumber() async throws {
        let dir = try TemporaryDirectory()
        let a = try LocalHall(config: config, dataDirectory: dir.path)
        let b = try LocalHall(config: config, dataDirectory: dir.path)
        let time = at("10:00")
        let numbers = try await withThrowingTaskGroup(of: [TicketNumber].self) { group in
            for local in [a, b, a, b] {
                group.addTask {
                    var mine: [TicketNumber] = []
                    for _ in 0..<25 {
                        let outcome = try local.execute(.issue(service: "B", priority: false), at: time)
                        mine += outcome.events.compactMap(\.issuedTicket)
                    }
                    return mine
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(numbers.count == 100)
        #expect(Set(numbers).count == 100)
        #expect(Set(numbers) == Set((1...100).map { "B" + String(format: "%03d", $0) }))
    }

    @Test func exportedTraceReplaysToTheSameState() throws {
        let dir = try TemporaryDirectory()
        let local = try LocalHall(config: config, dataDirectory: dir.path)
        var last: LocalHall.Outcome?
        for (command, time) in [
            (Command.issue(service: "C", priority: false), "08:10:00.25"), (.issue(service: "C", priority: true), "08:11"),
            (.callNext(counter: "3"), "08:12"), (.start(counter: "3"), "08:12:40"), (.transfer(counter: "3", to: "D"), "08:20"),
            (.callNext(counter: "2"), "08:21"), (.tick, "08:30"), (.cover(counter: "8", covered: "6", by: "值班长"), "08:31"),
        ] {
            last = try local.execute(command, at: at(String(time.prefix(5))).addingTimeInterval(Double(time.dropFirst(6)) ?? 0))
        }
        let text = TraceDay(date: day, config: config, events: try local.journal.events(on: day).map(\.event)).jsonLines()
        let read = try TraceDay.read(jsonLines: text)
        #expect(read.date == day)
        #expect(read.config == config)
        #expect(engine.replay(read.events) == last?.state)
        let lines = text.split(separator: "\n")
        #expect(lines.first?.hasPrefix(#"{"ev":"meta","version":1,"date":"2026-03-02""#) == true)
        #expect(lines.last == #"{"t":30660,"ev":"end"}"#)
    }
}

/// A directory under the system temp folder, removed when the value is released.
final class TemporaryDirectory: Sendable {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "kiosk-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}
