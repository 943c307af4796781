import Foundation
import KioskCore
import KioskServer
import KioskStore
import KioskTestSupport
import Testing

/// Issue 12, item 4, as the issue tells it: the PC's clock is one day ahead at boot for a few
/// seconds (a bad RTC, corrected by NTP), then right again. The real `kiosk serve` on the wall
/// clock, under Debian's libfaketime: only CLOCK_REALTIME is faked (`DONT_FAKE_MONOTONIC=1`),
/// as with a bad RTC; the monotonic clock the hall advances on stays real.
@Suite(.serialized, .timeLimit(.minutes(5)))
struct WrongClockAtBootTests {
    static let libfaketime = "/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1"
    static let monday = BusinessDate(year: 2026, month: 3, day: 2)
    static let tuesday = BusinessDate(year: 2026, month: 3, day: 3)
    static let phones = ["13811110001", "13811110002", "13811110003"]
    static let caretakers = ["13922220001", "13922220002", "13922220003"]

    /// The daemon's wall clock starts at `instant` (hall-local: the hall's zone is explicit) and runs on.
    static func wallClock(at instant: String) -> [String: String] {
        ["LD_PRELOAD": libfaketime, "FAKETIME": "@" + instant, "DONT_FAKE_MONOTONIC": "1", "TZ": "Asia/Shanghai"]
    }

    static func contacts(_ data: DataDirectoryFixture, on date: BusinessDate) throws -> [TicketContact] {
        let journal = try SQLiteJournal(path: data.journal, calendar: QueueEngine(config: data.config).calendar, readOnly: true)
        return try journal.contacts(on: date).sorted { $0.ticket < $1.ticket }
    }

    /// Day D's contacts are exactly the three taken at 10:00 (and `more` after them).
    static func expectMondaysThreeContacts(_ data: DataDirectoryFixture, more: [String] = [], _ comment: Comment) throws {
        let contacts = try contacts(data, on: monday)
        #expect(contacts.map(\.ticket) == ["A001", "A002", "A003"] + more.indices.map { "A00\($0 + 4)" }, comment)
        #expect(contacts.map { $0.phone?.digits } == phones + more, comment)
        #expect(contacts.map { $0.caretaker?.digits } == caretakers + more.map { _ in nil }, comment)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: libfaketime), "libfaketime (scripts/install-deps test)"))
    func aClockOneDayAheadAtBootLosesNoTicketAndNoPhoneNumber() async throws {
        let data = try DataDirectoryFixture()
        defer { data.remove() }
        try data.writeTokens()

        // Day D, 10:00: three tickets with a phone and a caretaker's phone.
        do {
            let (daemon, api) = try await data.serve(startAt: nil, environment: Self.wallClock(at: "2026-03-02 10:00:00"))
            defer { daemon.kill() }
            for i in 0..<3 {
                let answer = try await PrivateDataTests.take("A", phone: Self.phones[i], caretaker: Self.caretakers[i], on: api)
                #expect(answer.status == 201, "\(answer.text)")
                #expect(answer.json?["ticket"]?.stringValue == "A00\(i + 1)")
            }
            daemon.stop()
            #expect(daemon.exitStatus == 0)
        }
        try Self.expectMondaysThreeContacts(data, "after day D")

        // Restarted with the clock at D+1 10:00, for a few seconds: the daemon starts D+1 (it
        // cannot know better) and keeps D's phone numbers.
        do {
            let (daemon, api) = try await data.serve(startAt: nil, environment: Self.wallClock(at: "2026-03-03 10:00:00"))
            defer { daemon.kill() }
            #expect(try await eventually(within: 20) {
                try await api.get("/v1/hall", as: .supervisor).json?["hall"]?["date"]?.stringValue == "2026-03-03"
            }, "the wrong clock's day began")
            // "For a few seconds", as the issue tells it: the ticks (every second), the SMS
            // worker's polls and a heads-up pass (every 5 s) run on the wrong date. Nothing
            // timed is asserted; it is how long the wrong clock lasted.
            try await Task.sleep(for: .seconds(6))
            #expect(try await api.get("/healthz").json?["clock"]?.stringValue == "ok", "a clock wrong from boot is no step")
            try Self.expectMondaysThreeContacts(data, "while the clock is a day ahead")
            daemon.stop()
            #expect(daemon.exitStatus == 0)
        }
        try Self.expectMondaysThreeContacts(data, "after the wrong day")

        // Restarted with the clock right again, D 10:05: D resumes from its own events.
        let (daemon, api) = try await data.serve(startAt: nil, environment: Self.wallClock(at: "2026-03-02 10:05:00"))
        defer { daemon.kill() }
        let hall = try await api.get("/v1/hall", as: .supervisor)
        #expect(hall.json?["hall"]?["date"]?.stringValue == "2026-03-02", "\(hall.text)")
        // The three tickets wait, in the same order.
        for (ahead, number) in ["A001", "A002", "A003"].enumerated() {
            let status = try await api.get("/v1/tickets/\(number)").json
            #expect(status?["state"]?.stringValue == "waiting", "\(number)")
            #expect(status?["people_ahead"]?.intValue == ahead, "\(number)")
        }
        let next = try await api.take("A", phone: "13833330004")
        #expect(next.json?["ticket"]?.stringValue == "A004", "\(next.text)")
        try Self.expectMondaysThreeContacts(data, more: ["13833330004"], "back on day D")

        // The journal: D has its four tickets, D+1 only its beginning (nothing issued then).
        let journal = try SQLiteJournal(path: data.journal, calendar: QueueEngine(config: data.config).calendar, readOnly: true)
        let issuedOnMonday = try journal.events(on: Self.monday).compactMap(\.event.issuedTicket)
        #expect(issuedOnMonday == ["A001", "A002", "A003", "A004"])
        #expect(try journal.events(on: Self.tuesday).compactMap(\.event.issuedTicket).isEmpty)
        // D's messages were never purged nor dropped: the three "issued" went out on day D.
        let mondayMessages = try journal.outboxMessages().filter { $0.date == Self.monday }
        #expect(!mondayMessages.isEmpty)
        #expect(mondayMessages.allSatisfy { $0.state != .dropped }, "\(mondayMessages.map { "\($0.ticket) \($0.state) \($0.reason ?? "")" })")
        #expect(mondayMessages.allSatisfy { $0.phone != nil }, "D's messages keep their numbers during D")

        // A supervisor confirms the time from the CLI: the clock is right, today's numbers stay.
        let confirm = try await runKiosk(["clock", "confirm", "--server", daemon.base, "--token-file", data.tokensFile])
        #expect(confirm.status == 0, "\(confirm.stderr)")
        #expect(confirm.stdout.contains("时间已确认 clock confirmed: hall time 2026-03-02 10:0"), "\(confirm.stdout)")
        try Self.expectMondaysThreeContacts(data, more: ["13833330004"], "after the confirmation")
        daemon.stop()
        #expect(daemon.exitStatus == 0)
    }
}
