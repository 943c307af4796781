import Foundation
import KioskCore
import KioskStore
import KioskTestSupport
import Testing

/// Appointments against a real daemon over HTTP: booked by the booking system, checked in early,
/// on time and late at the kiosk, called in the right order, and kept across a restart.
@Suite struct AppointmentFlowTests {
    /// The default hall with C (失业登记) taking 2 appointments a slot; one priority after every
    /// 2 normal calls.
    static var config: HallConfig {
        var config = HallConfig.defaultHall
        config.services[2].appointmentsPerSlot = 2
        config.priority = PriorityRule(everyNNormal: 2, scope: .hall)
        config.recall.automatic = false
        // Same-day booking up to the slot's start (the default asks for 30 minutes' notice).
        config.appointments.minLeadMinutes = 0
        return config
    }

    static func book(_ d: TestDaemon, time: String, date: String = "2026-03-02") async throws -> String {
        let answer = try await d.client.send(.post, "/v1/appointments", as: .booking, json: ["service": "C", "date": .string(date), "time": .string(time)])
        #expect(answer.status == 201, "\(answer.text)")
        let code = try #require(answer.json?["code"]?.stringValue)
        #expect(Appointment.isCode(code))
        #expect(answer.json?["state"]?.stringValue == "booked")
        return code
    }

    @Test func bookCheckInEarlyOnTimeAndLateThenCallInOrder() async throws {
        try await TestDaemon.with(config: Self.config, at: "08:20") { d in
            let nine = try await Self.book(d, time: "09:00")
            let half = try await Self.book(d, time: "08:30")
            let late = try await Self.book(d, time: "09:00")
            // Full: two a slot; the answer names the nearest free slots.
            let full = try await d.client.send(.post, "/v1/appointments", as: .booking, json: ["service": "C", "date": "2026-03-02", "time": "09:00"])
            expectError(full, 409, "slot_full")
            #expect(full.json?["error"]?["message"]?.stringValue?.contains("09:30") == true, "\(full.text)")
            // The booking system may not check anyone in; the kiosk may.
            expectError(try await d.client.post("/v1/appointments/\(half)/check-in", as: .booking), 403, "forbidden")

            // 08:20: the 09:00 appointment is too early (check-in opens at 08:30).
            let early = try await d.client.post("/v1/appointments/\(nine)/check-in", as: .kiosk)
            expectError(early, 409, "too_early")
            #expect(early.json?["error"]?["message"]?.stringValue?.contains("08:30") == true)
            // The 08:30 one checks in on time; a walk-in C ticket too.
            let onTime = try await d.client.post("/v1/appointments/\(half)/check-in", as: .kiosk)
            #expect(onTime.status == 201, "\(onTime.text)")
            #expect(onTime.json?["ticket"]?.stringValue == "C001")
            #expect(onTime.json?["appointment_time"]?.stringValue == "08:30")
            #expect(onTime.json?["appointment"]?["state"]?.stringValue == "checked_in")
            #expect(try await d.client.take("C").json?["ticket"]?.stringValue == "C002")
            expectError(try await d.client.post("/v1/appointments/\(half)/check-in", as: .kiosk), 409, "already_checked_in")

            // 08:31: the appointment's slot has come: window 3 calls it before the walk-in.
            d.clock.advance(by: 11 * 60)
            let first = try await d.client.window("3", "call")
            #expect(first.text.contains("C001"), "\(first.text)")
            #expect(try await d.client.window("3", "start").status == 200)
            #expect(try await d.client.window("3", "finish").status == 200)
            #expect(try await d.client.window("3", "call").text.contains("C002"))
            // The hall screen's recent calls mark the appointment's call (预约) with its slot,
            // not the walk-in's.
            let hall = try #require(try await d.client.get("/v1/hall", as: .display).json?["calls"]?.arrayValue)
            #expect(hall.map { "\($0["ticket"]?.stringValue ?? "") \($0["appointment_time"]?.stringValue ?? "-")" } == ["C002 -", "C001 08:30"])

            // 08:45 the 09:00 appointment checks in; at 09:11 the other is released (late_min 10).
            d.clock.advance(by: 14 * 60)
            #expect(try await d.client.post("/v1/appointments/\(nine)/check-in", as: .kiosk).json?["ticket"]?.stringValue == "C003")
            d.clock.advance(by: 26 * 60)
            let walkIn = try await d.client.post("/v1/appointments/\(late)/check-in", as: .kiosk)
            #expect(walkIn.status == 201, "\(walkIn.text)")
            #expect(walkIn.json?["appointment_time"] == nil)
            #expect(walkIn.json?["note"]?.stringValue?.contains("walk-in") == true)
            #expect(walkIn.json?["appointment"]?["state"]?.stringValue == "no_show")

            let list = try await d.client.get("/v1/appointments?date=2026-03-02", as: .supervisor)
            let states = try #require(list.json?["appointments"]?.arrayValue).map { "\($0["time"]?.stringValue ?? "") \($0["state"]?.stringValue ?? "") \($0["ticket"]?.stringValue ?? "-")" }
            #expect(Set(states) == ["08:30 checked_in C001", "09:00 checked_in C003", "09:00 no_show C004"])
            expectError(try await d.client.get("/v1/appointments?date=tomorrow", as: .admin), 400, "invalid_field")
            // The day in figures: three booked, two checked in on time, one no-show; C001 was
            // called at 08:31 for its 08:30 slot.
            let stats = try #require(try await d.client.get("/v1/stats", as: .display).json?["appointments"])
            #expect(stats["booked"]?.intValue == 3 && stats["checked_in"]?.intValue == 2 && stats["no_show"]?.intValue == 1, "\(stats)")
            #expect(stats["called"]?.intValue == 1 && stats["wait_max_s"]?.doubleValue == 60, "\(stats)")
        }
    }

    @Test func cancelFreesThePlaceAndBadInputIsA4xx() async throws {
        try await TestDaemon.with(config: Self.config, at: "08:00") { d in
            let code = try await Self.book(d, time: "10:00", date: "2026-03-03")
            let cancelled = try await d.client.send(.delete, "/v1/appointments/\(code)", as: .booking)
            #expect(cancelled.status == 200 && cancelled.json?["state"]?.stringValue == "cancelled", "\(cancelled.text)")
            expectError(try await d.client.send(.delete, "/v1/appointments/\(code)", as: .admin), 409, "appointment_not_booked")
            expectError(try await d.client.send(.delete, "/v1/appointments/12", as: .admin), 404, "unknown_appointment")
            for body: JSONValue in [
                ["service": "C", "date": "03/03/2026", "time": "10:00"], ["service": "C", "date": "2026-03-03", "time": "25:00"],
                ["service": "C", "date": "2026-03-03"], ["service": "C", "date": "2026-03-03", "time": "10:00", "phone": 5],
            ] {
                let answer = try await d.client.send(.post, "/v1/appointments", as: .admin, json: body)
                #expect(answer.status == 400, "\(body.serialized()): \(answer.text)")
            }
            expectError(
                try await d.client.send(.post, "/v1/appointments", as: .admin, json: ["service": "C", "date": "2026-03-03", "time": "10:00", "phone": "12345"]),
                400, "invalid_phone"
            )
            expectError(try await d.client.send(.post, "/v1/appointments", as: .admin, json: ["service": "A", "date": "2026-03-03", "time": "10:00"]), 409, "no_appointments")
            expectError(try await d.client.send(.post, "/v1/appointments", as: .admin, json: ["service": "C", "date": "2026-03-07", "time": "10:00"]), 409, "hall_closed_on_date")
            expectError(try await d.client.send(.post, "/v1/appointments", as: .admin, json: ["service": "C", "date": "2026-03-03", "time": "10:10"]), 409, "not_a_slot")
        }
    }

    /// Booked on Monday for Tuesday: a daemon started on Tuesday from the same journal knows it.
    /// A booking that left a phone: the ticket its check-in issues (the next day, after a
    /// restart: the hall's memory holds no phone of that day yet) is texted like one taken with
    /// a phone. Before, the check-in ticket had no contact and its citizen got no "your turn".
    @Test func theBookingsPhoneServesItsCheckInTicket() async throws {
        let dir = NSTemporaryDirectory() + "kiosk-appointments-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let config = Self.config
        let monday = ManualClock(hallTime: "10:00", config: config)
        let booked = try await InProcessDaemon.with(.forTests(config: config, dataDirectory: dir, clock: { monday.now })) { running in
            let client = APIClient(port: running.port, tokens: .forTests(config), concurrency: 2)
            let withPhone = try await client.send(
                .post, "/v1/appointments", as: .booking, json: ["service": "C", "date": "2026-03-03", "time": "09:00", "phone": "13912345678"]
            )
            #expect(withPhone.status == 201, "\(withPhone.text)")
            let without = try await client.send(.post, "/v1/appointments", as: .booking, json: ["service": "C", "date": "2026-03-03", "time": "09:00"])
            #expect(without.status == 201, "\(without.text)")
            return (withPhone.json?["code"]?.stringValue ?? "", without.json?["code"]?.stringValue ?? "")
        }
        let tuesday = ManualClock(monday.now.addingTimeInterval(23 * 3600 - 20 * 60))   // Tuesday 08:40
        try await InProcessDaemon.with(.forTests(config: config, dataDirectory: dir, clock: { tuesday.now })) { running in
            let client = APIClient(port: running.port, tokens: .forTests(config), concurrency: 2)
            let first = try await client.post("/v1/appointments/\(booked.0)/check-in", as: .kiosk)
            #expect(first.json?["ticket"]?.stringValue == "C001", "\(first.text)")
            #expect(first.json?["sms_to"]?.stringValue == "139****5678", "\(first.text)")
            let second = try await client.post("/v1/appointments/\(booked.1)/check-in", as: .kiosk)
            #expect(second.json?["ticket"]?.stringValue == "C002", "\(second.text)")
            #expect(second.json?["sms_to"] == nil, "\(second.text)")
            tuesday.advance(by: 21 * 60)
            #expect(try await client.window("3", "call").text.contains("C001"))
            #expect(try await client.window("3", "start").status == 200)
            #expect(try await client.window("3", "finish").status == 200)
            #expect(try await client.window("3", "call").text.contains("C002"))
        }
        let journal = try SQLiteJournal(path: dir + "/journal.sqlite", calendar: QueueEngine(config: config).calendar, readOnly: true)
        let tuesdayDate = BusinessDate(year: 2026, month: 3, day: 3)
        let turn = try journal.outboxMessages(date: tuesdayDate, ticket: "C001").filter { $0.trigger == .yourTurn }
        #expect(turn.count == 1, "\(turn.map { "\($0.trigger) \($0.phoneMasked)" })")
        #expect(turn.first?.phone?.digits == "13912345678")
        #expect(turn.first?.text.contains("C001") == true, "\(turn.first?.text ?? "")")
        #expect(try journal.outboxMessages(date: tuesdayDate, ticket: "C002").isEmpty, "no phone, no message")
    }

    @Test func aBookingSurvivesARestartOnTheNextDay() async throws {
        let dir = NSTemporaryDirectory() + "kiosk-appointments-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let config = Self.config
        let monday = ManualClock(hallTime: "10:00", config: config)
        let code = try await InProcessDaemon.with(.forTests(config: config, dataDirectory: dir, clock: { monday.now })) { running in
            let client = APIClient(port: running.port, tokens: .forTests(config), concurrency: 2)
            let answer = try await client.send(.post, "/v1/appointments", as: .booking, json: ["service": "C", "date": "2026-03-03", "time": "09:00"])
            #expect(answer.status == 201, "\(answer.text)")
            return answer.json?["code"]?.stringValue ?? ""
        }
        let tuesday = ManualClock(monday.now.addingTimeInterval(23 * 3600 - 20 * 60))   // Tuesday 08:40
        try await InProcessDaemon.with(.forTests(config: config, dataDirectory: dir, clock: { tuesday.now })) { running in
            let client = APIClient(port: running.port, tokens: .forTests(config), concurrency: 2)
            let checkedIn = try await client.post("/v1/appointments/\(code)/check-in", as: .kiosk)
            #expect(checkedIn.status == 201, "\(checkedIn.text)")
            #expect(checkedIn.json?["appointment_time"]?.stringValue == "09:00")
        }
    }
}
