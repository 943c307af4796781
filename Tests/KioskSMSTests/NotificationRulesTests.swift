import Foundation
import KioskCore
import Testing

@Suite("SMS templates, triggers, masking")
struct NotificationRulesTests {
    let config = HallConfig.defaultHall

    @Test func defaultTemplatesFitOneSegmentInTheDefaultHall() throws {
        for trigger in SMSTrigger.allCases {
            let worst = try #require(config.sms.worstCaseLength(trigger, in: config))
            #expect(worst <= SMSTemplate.segmentLength, "\(trigger): \(worst)")
        }
    }

    @Test func worstCaseCountsTheLongestValueOfEveryField() throws {
        var hall = config
        hall.counters[0].name = "综合受理十二号窗口"  // 9
        hall.numbering.last = 999
        let template = try SMSTemplate("请{ticket}号到{window}办理。")
        let bounds = SMSTemplate.fieldBounds(for: hall)
        #expect(bounds[.ticket] == 4)
        #expect(bounds[.window]! >= 9)
        #expect(template.worstCaseLength(bounds) == 1 + 4 + 2 + bounds[.window]! + 3)
        #expect(template.render([.ticket: "A023", .window: "3号窗口"]) == "请A023号到3号窗口办理。")
        // UCS-2 counts UTF-16 units: a character outside the BMP takes two.
        #expect(try SMSTemplate("😀").worstCaseLength([:]) == 2)
    }

    @Test func configCheckRefusesATemplateThatCanExceedSeventyWithItsLine() throws {
        let long = String(repeating: "请", count: 60) + "{ticket}{window}"
        let json = hallJSON(sms: """
            "sms": {
              "gateway": "log",
              "signature": "【连城人社】",
              "templates": {
                "your_turn": "\(long)"
              }
            }
            """)
        do {
            _ = try HallConfig.load(json: json)
            Issue.record("a 70+ character template was accepted")
        } catch {
            let messages = error.diagnostics.map(\.description)
            #expect(messages.contains { $0.contains("sms.templates.your_turn can render") && $0.contains("one SMS holds 70") }, "\(messages)")
            let line = json.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("\"your_turn\"") }! + 1
            #expect(error.diagnostics.contains { $0.location.line == line }, "\(messages)")
        }
    }

    @Test func configReadsTheGatewaySectionAndReportsMistakes() throws {
        let good = try HallConfig.load(json: hallJSON(sms: """
            "sms": {"gateway": "kannel", "url": "http://127.0.0.1:13013/cgi-bin/sendsms", "username": "kiosk", "password": "pw",
                    "sender": "10086", "signature": "【连城人社】", "templates": {"issued": ""}, "heads_up_hold_s": 300}
            """))
        #expect(good.sms.gateway == .kannel)
        #expect(good.sms.headsUpHoldSeconds == 300)
        #expect(good.sms.templates[.issued] == nil)
        #expect(good.sms.templates[.yourTurn] != nil)
        do {
            _ = try HallConfig.load(json: hallJSON(sms: """
                "sms": {"gateway": "carrier-pigeon", "templates": {"your_turn": "请{tiket}号"}, "tokn": "x", "heads_up_hold_s": -5}
                """))
            Issue.record("accepted a bad sms section")
        } catch {
            let text = error.diagnostics.map(\.description).joined(separator: "\n")
            #expect(text.contains("sms.gateway must be one of"))
            #expect(text.contains("unknown placeholder {tiket}"))
            #expect(text.contains("unknown key \"tokn\" in sms"))
            #expect(text.contains("heads_up_hold_s"))
        }
        do {
            _ = try HallConfig.load(json: hallJSON(sms: "\"sms\": {\"gateway\": \"kannel\"}"))
            Issue.record("kannel without url accepted")
        } catch {
            #expect(error.diagnostics.contains { $0.message.contains("needs \"url\"") })
        }
    }

    @Test func phonesAreMaskedInFreeText() {
        #expect(PhoneNumber("13812341234")!.masked == "138****1234")
        #expect(PhoneMasking.mask("to=13812341234&x=1") == "to=138****1234&x=1")
        #expect(PhoneMasking.mask("id 123456789012 and 02512345678") == "id 123456789012 and 02512345678")
        #expect(PhoneMasking.mask("8613812341234") == "8613812341234")  // not 11 digits: left alone
    }

    @Test(arguments: [
        (SMSTrigger.issued, TicketState.waiting, true),
        (.nearTurn, .waiting, true),
        (.nearTurn, .called(counter: "1", calls: 1, lastCallAt: Date()), false),
        (.yourTurn, .called(counter: "1", calls: 1, lastCallAt: Date()), true),
        (.yourTurn, .serving(counter: "1", since: Date()), false),
        (.yourTurn, .done(at: Date()), false),
        (.yourTurn, .noShow(at: Date()), false),
        (.recalled, .called(counter: "1", calls: 2, lastCallAt: Date()), true),
        (.recalled, .serving(counter: "1", since: Date()), false),
        (.noShow, .noShow(at: Date()), true),
        (.noShow, .waiting, false),
        (.issued, .called(counter: "1", calls: 1, lastCallAt: Date()), false),
    ])
    func staleRules(trigger: SMSTrigger, state: TicketState, current: Bool) {
        #expect(trigger.isCurrent(for: state) == current)
        #expect(!trigger.isCurrent(for: nil))
    }

    /// A call message names its window: once the ticket is called at another one (after a
    /// transfer), the old window's message is stale.
    @Test func aCallMessageForAnotherWindowIsStale() {
        let calledAt3 = TicketState.called(counter: "3", calls: 1, lastCallAt: Date())
        #expect(SMSTrigger.yourTurn.isCurrent(for: calledAt3, window: "3"))
        #expect(!SMSTrigger.yourTurn.isCurrent(for: calledAt3, window: "1"))
        #expect(!SMSTrigger.recalled.isCurrent(for: calledAt3, window: "1"))
    }

    @Test func triggersAddressCitizenAndCaretakerOncePerEvent() throws {
        let engine = QueueEngine(config: config)
        let service = config.counters[0].services[0]
        let counter = config.counters[0]
        let start = engine.calendar.instant(on: BusinessDate(year: 2026, month: 3, day: 2), at: ClockTime("09:00")!)
        var state = engine.initialState()
        var all: [HallEvent] = []
        func run(_ command: Command, at t: Double) throws -> [HallEvent] {
            let events = try engine.apply(command, to: state, at: start.addingTimeInterval(t))
            for e in events { engine.fold(e, into: &state) }
            all += events
            return events
        }
        _ = try run(.tick, at: 0)
        let issued = try run(.issue(service: service, priority: true, contact: true), at: 1)
        let number = try #require(issued.compactMap(\.issuedTicket).first)
        let contact = TicketContact(ticket: number, phone: PhoneNumber("13800138000"), caretaker: PhoneNumber("13900139000"))
        let triggers = NotificationTriggers(config: config)
        let onIssue = triggers.drafts(for: issued, in: state, contacts: { $0 == number ? contact : nil }, printedWait: { _ in 600 })
        #expect(onIssue.map(\.recipient) == [.citizen])
        #expect(onIssue.first?.text.contains("\(number)") == true)
        #expect(onIssue.first?.text.contains("10分钟") == true)

        // Nothing while the ticket is fresh, whatever the estimator says; then both numbers.
        let hold = triggers.settings.headsUpHoldSeconds
        #expect(hold > 0)
        #expect(triggers.headsUps(in: state, at: start.addingTimeInterval(hold), contacts: { _ in contact }, headsUpAt: { _ in start }).isEmpty)
        let near = triggers.headsUps(in: state, at: start.addingTimeInterval(1 + hold), contacts: { _ in contact }, headsUpAt: { _ in nil })
        #expect(near.map(\.recipient) == [.citizen, .caretaker])
        #expect(near.allSatisfy { $0.trigger == .nearTurn })

        let called = try run(.callNext(counter: counter.id), at: 2 + hold)
        let onCall = triggers.drafts(for: called, in: state, contacts: { _ in contact })
        #expect(onCall.map(\.recipient) == [.citizen, .caretaker])
        #expect(onCall.first?.text == "【连城人社】请\(number)号到\(counter.name)办理。")
        #expect(onCall.allSatisfy { $0.text.utf16.count <= 70 })
        #expect(onCall.first!.deadline > onCall.first!.createdAt)
        #expect(triggers.drafts(for: called, in: state, contacts: { _ in nil }).isEmpty)
    }

    func hallJSON(sms: String) -> String {
        """
        {
          "sessions": [["08:00", "12:00"]],
          "services": [{"code": "A", "name": "失业登记"}],
          "counters": [{"id": "1", "services": ["A"]}],
          \(sms)
        }
        """
    }
}
