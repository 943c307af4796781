import Foundation
import KioskCore
import Testing

/// The reply invitation, the cancel confirmation and the help message: templates in the config,
/// held to one 70-character SMS like every other message.
@Suite("SMS reply templates")
struct ReplyTemplateTests {
    @Test func defaultTemplatesWithTheInvitationFitOneSegmentInTheDefaultHall() throws {
        var config = HallConfig.defaultHall
        config.reply.enabled = true
        for trigger in SMSTrigger.allCases {
            let worst = try #require(config.sms.worstCaseLength(trigger, in: config))
            #expect(worst <= SMSTemplate.segmentLength, "\(trigger): \(worst)")
        }
        #expect(config.sms.worstCaseLength(.yourTurn, in: config)! - HallConfig.defaultHall.sms.worstCaseLength(.yourTurn, in: .defaultHall)!
            == config.reply.invitation.utf16.count)
    }

    @Test func theInvitationCountsTowardsTheSeventyCharacters() throws {
        // 50 characters of text: fits alone, not with the 14-character invitation.
        let template = String(repeating: "请", count: 50) + "{ticket}"
        let alone = try HallConfig.load(json: hallJSON(#""sms": {"gateway": "log", "signature": "【连城人社】", "templates": {"your_turn": "\#(template)"}}"#))
        #expect(alone.sms.templates[.yourTurn] != nil)
        do {
            _ = try HallConfig.load(json: hallJSON(#"""
                "reply": {"enabled": true},
                "sms": {"gateway": "log", "signature": "【连城人社】", "templates": {"your_turn": "\#(template)"}}
                """#))
            Issue.record("a template too long with the invitation was accepted")
        } catch {
            let messages = error.diagnostics.map(\.description)
            #expect(messages.contains { $0.contains("sms.templates.your_turn can render") && $0.contains("reply invitation") }, "\(messages)")
        }
    }

    @Test func replyTemplatesAreConfigurableAndChecked() throws {
        let config = try HallConfig.load(json: hallJSON(#"""
            "reply": {"enabled": true, "invitation": "回1来,回2不来", "max_per_number": 3},
            "sms": {"gateway": "log", "signature": "【连城人社】", "templates": {"cancelled": "{ticket}号已取消。", "reply_help": "请回1或2({ticket})"}}
            """#))
        #expect(config.reply.invitation == "回1来,回2不来")
        #expect(config.reply.maxPerNumber == 3)
        #expect(config.sms.templates[.cancelled]?.render([.ticket: "A001"]) == "A001号已取消。")
        do {
            _ = try HallConfig.load(json: hallJSON(#"""
                "reply": {"enabled": "yes", "max_per_number": 0, "colour": 1},
                "sms": {"gateway": "log", "signature": "【连城人社】", "templates": {"reply_help": "\#(String(repeating: "回", count: 70))"}}
                """#))
            Issue.record("a bad reply section was accepted")
        } catch {
            let text = error.diagnostics.map(\.description).joined(separator: "\n")
            #expect(text.contains("sms.templates.reply_help can render"), "\(text)")
            #expect(text.contains("max_per_number"), "\(text)")
            #expect(text.contains("unknown key \"colour\" in reply"), "\(text)")
        }
    }

    @Test func callMessagesInviteAReplyOnlyWhenRepliesAreOnAndACancelIsConfirmedToBothNumbers() throws {
        var config = HallConfig.defaultHall
        let engine = QueueEngine(config: config)
        let start = engine.calendar.instant(on: BusinessDate(year: 2026, month: 3, day: 2), at: ClockTime("09:00")!)
        var state = engine.initialState()
        func run(_ command: Command) throws -> [HallEvent] {
            let events = try engine.apply(command, to: state, at: start)
            for e in events { engine.fold(e, into: &state) }
            return events
        }
        let counter = config.counters[0]
        let number = try #require(try run(.issue(service: counter.services[0], priority: true, contact: true)).compactMap(\.issuedTicket).first)
        let contact = TicketContact(ticket: number, phone: PhoneNumber("13800138000"), caretaker: PhoneNumber("13900139000"))
        let called = try run(.callNext(counter: counter.id))
        let plain = NotificationTriggers(config: config).drafts(for: called, in: state, contacts: { _ in contact })
        #expect(plain.count == 2 && plain.allSatisfy { !$0.text.contains("回复1") })
        config.reply.enabled = true
        let inviting = NotificationTriggers(config: config).drafts(for: called, in: state, contacts: { _ in contact })
        #expect(inviting.count == 2 && inviting.allSatisfy { $0.text.hasSuffix(config.reply.invitation) }, "\(inviting.map(\.text))")

        let cancelled = try run(.withdraw(ticket: number))
        let confirmations = NotificationTriggers(config: config).drafts(for: cancelled, in: state, contacts: { _ in contact })
        #expect(confirmations.map(\.trigger) == [.cancelled, .cancelled])
        #expect(Set(confirmations.map(\.recipient)) == [.citizen, .caretaker])
        #expect(confirmations.allSatisfy { $0.text.contains("\(number)号已取消排队") && !$0.text.contains("回复1") })
    }

    func hallJSON(_ sections: String) -> String {
        """
        {
          "sessions": [["08:00", "12:00"]],
          "services": [{"code": "A", "name": "失业登记"}],
          "counters": [{"id": "1", "services": ["A"]}],
          \(sections)
        }
        """
    }
}
