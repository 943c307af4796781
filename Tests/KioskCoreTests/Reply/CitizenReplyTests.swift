import Foundation
import KioskCore
import KioskTestSupport
import Testing

/// Reading a reply, finding its ticket, and the per-number limit.
@Suite struct CitizenReplyTests {
    @Test(arguments: [
        ("1", CitizenReply.acknowledge), (" 1 ", .acknowledge), ("１", .acknowledge), ("1。", .acknowledge), ("确认", .acknowledge),
        ("2", .cancel), ("２", .cancel), ("取消", .cancel),
        ("12", .other), ("", .other), ("好的", .other), ("3", .other), ("1 2", .other),
    ])
    func repliesAreReadLeniently(text: String, expected: CitizenReply) {
        #expect(CitizenReply(text) == expected)
    }

    @Test func aReplyMatchesTheNumbersMostRecentLiveTicketCaretakerIncluded() throws {
        var hall = TestHall()
        let first = try hall.issue("A", at: "09:00")
        let second = try hall.issue("B", at: "09:01")
        let third = try hall.issue("A", at: "09:02")
        #expect(try hall.callNext("1", at: "09:03") == first)
        let citizen = PhoneNumber("13800138000")!, caretaker = PhoneNumber("13900139000")!
        let contacts = [
            TicketContact(ticket: first, phone: citizen, caretaker: caretaker),
            TicketContact(ticket: second, phone: citizen, caretaker: nil),
            TicketContact(ticket: third, phone: PhoneNumber("13700137000")!, caretaker: caretaker),
        ]
        #expect(ReplyMatch.find(citizen, contacts: contacts, in: hall.state) == ReplyMatch(ticket: second, recipient: .citizen))
        #expect(ReplyMatch.find(caretaker, contacts: contacts, in: hall.state) == ReplyMatch(ticket: third, recipient: .caretaker))
        #expect(ReplyMatch.find(PhoneNumber("13600136000")!, contacts: contacts, in: hall.state) == nil)
        // Once the second is gone, the citizen's called first ticket is the one.
        try hall.run(.cancel(ticket: second), at: "09:04")
        #expect(ReplyMatch.find(citizen, contacts: contacts, in: hall.state) == ReplyMatch(ticket: first, recipient: .citizen))
        try hall.run(.start(counter: "1"), at: "09:05")
        #expect(ReplyMatch.find(citizen, contacts: contacts, in: hall.state) == nil)
    }

    @Test func aNumberMaySendOnlySoManyRepliesPerWindow() {
        let hall = TestHall()
        var limit = ReplyRateLimit(settings: ReplySettings(enabled: true, maxPerNumber: 3, rateWindowSeconds: 600))
        let phone = PhoneNumber("13800138000")!, other = PhoneNumber("13900139000")!
        let start = hall.at("09:00")
        let admitted = (0..<5).map { limit.admit(phone, at: start.addingTimeInterval(Double($0))) }
        #expect(admitted == [true, true, true, false, false])
        let otherAdmitted = limit.admit(other, at: start.addingTimeInterval(5))
        #expect(otherAdmitted)
        // The window slides: ten minutes after the first, one more is taken, and no more.
        let later = [600.5, 600.6].map { limit.admit(phone, at: start.addingTimeInterval($0)) }
        #expect(later == [true, false])
    }
}
