import Foundation
import KioskBench
import KioskCore
import KioskHTTPClient
import KioskServer
import KioskSMS
import KioskStore
import KioskTestSupport
import Testing

/// Issue 21, item 5, the whole path with a real daemon and a real Kannel on a hand-moved hall
/// clock: a booking leaves a phone (answered masked), the "near" reminder and the day-before
/// reminder reach the SMSC once each in Chinese, nothing goes to a booking without a phone or
/// a cancelled one, and the number is purged once its slot's day has ended.
@Suite("Appointment reminders with a real Kannel", .serialized, .enabled(if: KannelHarness.installed, "needs kannel and kannel-extras"))
struct AppointmentReminderKannelTests {
    @Test func theNearAndTheDayBeforeRemindersReachTheSMSCOnceAndThePhoneLeavesWithItsDay() async throws {
        let kannel = try await KannelHarness.start()
        defer { kannel.stopAll() }
        var config = HallConfig.defaultHall
        config.services[2].appointmentsPerSlot = 2   // C 失业登记/失业证
        config.appointments.minLeadMinutes = 0
        config.sms = SMSSettings(
            gateway: .kannel, url: kannel.sendsmsURL, username: kannel.username, password: kannel.password, sender: kannel.sender,
            signature: "【连城人社】"
        )
        let tokens = AccessTokens.forTests(config)
        let dataDirectory = NSTemporaryDirectory() + "kiosk-sms-appointments-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dataDirectory) }
        let calendar = QueueEngine(config: config).calendar
        let monday = SMSFixture.date, tuesday = SMSFixture.date.adding(days: 1)
        func instant(_ date: BusinessDate, _ time: String) -> Date { calendar.instant(on: date, at: ClockTime(time)!) }
        let clock = ManualClock(instant(monday, "09:00"))
        func move(to date: BusinessDate, _ time: String) { clock.advance(by: instant(date, time).timeIntervalSince(clock.now)) }
        var options = KioskDaemon.Options.forSMSTests(config: config, dataDirectory: dataDirectory, clock: { clock.now })
        options.tickInterval = .seconds(3600)
        try await InProcessDaemon.with(options) { daemon in
            let http = CurlHTTPTransport()
            func send(_ method: HTTPMethod, _ path: String, token: String?, _ body: String? = nil) async throws -> HTTPResponse {
                var headers = HTTPHeaders()
                if let token { headers.add(name: "Authorization", value: "Bearer \(token)") }
                if body != nil { headers.add(name: "Content-Type", value: "application/json") }
                return try await http.send(HTTPRequest(method: method, url: daemon.base + path, headers: headers, body: body.map { Data($0.utf8) }))
            }
            func book(_ date: BusinessDate, _ time: String, phone: String?) async throws -> String {
                let phoneField = phone.map { #","phone":"\#($0)""# } ?? ""
                let answer = try await send(.post, "/v1/appointments", token: tokens.booking, #"{"service":"C","date":"\#(date)","time":"\#(time)"\#(phoneField)}"#)
                #expect(answer.status == 201, "\(answer.text)")
                let json = try JSONParser.parse(answer.text).value
                // The number is answered masked, never in full.
                #expect(json["sms_to"]?.stringValue == phone.flatMap(PhoneNumber.init)?.masked)
                if let phone { #expect(!answer.text.contains(phone)) }
                return try #require(json["code"]?.stringValue)
            }
            let (tomorrowPhone, cancelledPhone, todayPhone) = ("13800138001", "13800138002", "13800138003")
            let tomorrow = try await book(tuesday, "09:30", phone: tomorrowPhone)
            let noPhone = try await book(tuesday, "09:30", phone: nil)
            let cancelled = try await book(tuesday, "10:00", phone: cancelledPhone)
            #expect(try await send(.delete, "/v1/appointments/\(cancelled)", token: tokens.booking).status == 200)
            let today = try await book(monday, "10:30", phone: todayPhone)
            let list = try await send(.get, "/v1/appointments?date=\(tuesday)", token: tokens.supervisor)
            #expect(!list.text.contains(tomorrowPhone) && list.text.contains(noPhone), "\(list.text)")

            // 09:29 nothing is due; 09:30, an hour before its 10:30 slot, today's reminder.
            move(to: monday, "09:29")
            #expect(await daemon.hall.enqueueAppointmentReminders() == 0)
            move(to: monday, "09:30")
            #expect(await daemon.hall.enqueueAppointmentReminders() == 1)
            let near = "【连城人社】您预约的失业登记/失业证将于10:30开始，请到大厅取号机输入预约码\(today)签到。"
            try await eventually("the near reminder at the SMSC") { kannel.messages().contains { $0.to == todayPhone && $0.text == near } }
            #expect(await daemon.hall.enqueueAppointmentReminders() == 0)   // once

            // 16:00 the day before: only the booking with a phone that still stands.
            move(to: monday, "16:00")
            #expect(await daemon.hall.enqueueAppointmentReminders() == 1)
            let dayBefore = "【连城人社】您预约了3月3日09:30办理失业登记/失业证，预约码\(tomorrow)，请按时到大厅取号机签到。"
            try await eventually("the day-before reminder at the SMSC") { kannel.messages().contains { $0.to == tomorrowPhone && $0.text == dayBefore } }
            #expect(await daemon.hall.enqueueAppointmentReminders() == 0)
            let journal = daemon.daemon.store
            try await eventually("both reminders delivered") {
                try [journal.outboxMessages(date: monday, ticket: today), journal.outboxMessages(date: tuesday, ticket: tomorrow)]
                    .allSatisfy { $0.count == 1 && $0[0].state == .delivered }
            }
            #expect(!kannel.messages().contains { $0.to == cancelledPhone })
            #expect(kannel.messages().filter { $0.to == todayPhone || $0.to == tomorrowPhone }.count == 2)

            // Tuesday: Monday's numbers are purged, Tuesday's booking keeps its number for its day.
            move(to: tuesday, "08:00")
            try await daemon.hall.execute(.tick)
            try await eventually("Monday's numbers purged") {
                try journal.contacts(on: monday).allSatisfy { $0.phone == nil }
                    && journal.outboxMessages(date: monday, ticket: today).allSatisfy { $0.phone == nil }
            }
            #expect(try journal.contacts(on: monday).isEmpty)
            #expect(try journal.contacts(on: tuesday).first { $0.ticket == tomorrow }?.phone?.digits == tomorrowPhone)
            #expect(try journal.outboxMessages(date: tuesday, ticket: tomorrow).first?.phone?.digits == tomorrowPhone)
            // 08:30, an hour before its slot: the near reminder of Tuesday's booking.
            move(to: tuesday, "08:30")
            #expect(await daemon.hall.enqueueAppointmentReminders() == 1)
            let nearTuesday = "【连城人社】您预约的失业登记/失业证将于09:30开始，请到大厅取号机输入预约码\(tomorrow)签到。"
            try await eventually("Tuesday's near reminder at the SMSC") { kannel.messages().contains { $0.to == tomorrowPhone && $0.text == nearTuesday } }
        }
    }
}
