import Foundation
import KioskCore
import KioskTestSupport
import Testing

/// Booked slots are known future arrivals: a walk-in's estimate printed at 09:20 accounts for
/// the ten appointments booked for 09:30 (they go first once due), and a checked-in
/// appointment's own estimate is its slot.
@Suite struct AppointmentEstimateTests {
    /// One window serving A; A takes ten appointments a slot.
    static var config: HallConfig {
        var config = TestHall.config
        config.services[0].appointmentsPerSlot = 10
        config.counters = [CounterConfig(id: "1", services: ["A", "B"]), CounterConfig(id: "2", services: ["B"]), CounterConfig(id: "3", services: ["C"])]
        config.recall.automatic = false
        return config
    }

    /// A morning that taught the estimator the window's pace (about 5 minutes a ticket), with
    /// `booked` appointments for 09:30; at 09:20 a walk-in's estimate.
    static func walkInEstimate(booked: Int) throws -> Double {
        var hall = TestHall(config: config)
        for i in 0..<booked {
            try hall.run(.bookAppointment(service: "A", date: TestHall.monday, time: ClockTime("09:30")!, code: String(format: "%06d", 100 + i)), at: "08:00")
        }
        // 08:00–09:00: one ticket every 5 minutes, served in about 4.7 minutes.
        for minute in stride(from: 0, to: 60, by: 5) {
            let t = Double(minute * 60)
            try hall.issue("A", at: "08:00", plus: t)
            try hall.callNext("1", at: "08:00", plus: t + 5)
            try hall.run(.start(counter: "1"), at: "08:00", plus: t + 10)
            try hall.run(.finish(counter: "1"), at: "08:00", plus: t + 290)
        }
        // 09:15–09:18 four walk-ins; the first is being served from 09:18.
        for minute in 15...18 { try hall.issue("A", at: "09:\(minute)") }
        try hall.callNext("1", at: "09:18")
        try hall.run(.start(counter: "1"), at: "09:18", plus: 10)
        var estimator = WaitEstimator(config: config)
        for event in hall.events { estimator.fold(event) }
        let now = hall.at("09:20")
        let walkIn = try hall.issue("A", at: "09:20")
        estimator.fold(hall.events.last!)
        return try #require(estimator.estimate(for: walkIn, in: hall.state, at: now)).wait
    }

    @Test func tenAppointmentsForTheNextSlotRaiseAWalkInsEstimate() throws {
        let without = try Self.walkInEstimate(booked: 0)
        let with = try Self.walkInEstimate(booked: 10)
        // Four ahead of the walk-in (about 20 minutes); ten appointments due at 09:30 (nine
        // expected to come) take the window before the last of them.
        #expect(without < 30 * 60, "without appointments: \(without) s")
        #expect(with > without + 20 * 60, "ten booked for 09:30: \(with) s against \(without) s")
    }

    @Test func aCheckedInAppointmentIsEstimatedAtItsSlot() throws {
        var hall = TestHall(config: Self.config)
        try hall.run(.bookAppointment(service: "A", date: TestHall.monday, time: ClockTime("10:00")!, code: "123456"), at: "08:00")
        for second in 0..<6 { try hall.issue("A", at: "09:30", plus: Double(second)) }
        let appointment = try hall.run(.checkIn(code: "123456"), at: "09:31").compactMap(\.issuedTicket).last!
        var estimator = WaitEstimator(config: Self.config)
        for event in hall.events { estimator.fold(event) }
        let estimate = try #require(estimator.estimate(for: appointment, in: hall.state, at: hall.at("09:35")))
        // Six walk-ins ahead in the line at about 7 minutes each (the estimator's prior) would
        // put it at 10:17; due at 10:00, it is taken when the window frees after 10:00 (10:03).
        #expect(estimate.wait >= 25 * 60 && estimate.wait <= 30 * 60, "\(estimate.wait) s")
        // Checked in early with nobody else waiting, it is taken at once.
        var quiet = TestHall(config: Self.config)
        try quiet.run(.bookAppointment(service: "A", date: TestHall.monday, time: ClockTime("10:00")!, code: "123456"), at: "08:00")
        let early = try quiet.run(.checkIn(code: "123456"), at: "09:31").compactMap(\.issuedTicket).last!
        var quietEstimator = WaitEstimator(config: Self.config)
        for event in quiet.events { quietEstimator.fold(event) }
        #expect(try #require(quietEstimator.estimate(for: early, in: quiet.state, at: quiet.at("09:35"))).wait < 60)
    }

    /// A check-in is a booked arrival, not a walk-in: the projection expects today's bookings
    /// from the book, so the arrival profile (today's volume, the mix) leaves it out. A booking
    /// released for lateness whose citizen then comes gets an ordinary walk-in ticket, and that
    /// counts as one.
    @Test func aCheckInIsNotAWalkInArrival() throws {
        var hall = TestHall(config: Self.config)
        try hall.run(.bookAppointment(service: "A", date: TestHall.monday, time: ClockTime("10:00")!, code: "123456"), at: "08:00")
        try hall.run(.bookAppointment(service: "A", date: TestHall.monday, time: ClockTime("09:00")!, code: "654321"), at: "08:00")
        try hall.issue("A", at: "09:30")
        let onTime = try hall.run(.checkIn(code: "123456"), at: "09:31")
        #expect(onTime.contains { if case .appointmentCheckedIn(_, _, _, .some) = $0.kind { true } else { false } })
        // 654321's slot was 09:00: released at 09:10, so at 09:40 its citizen gets a walk-in ticket.
        let late = try hall.run(.checkIn(code: "654321"), at: "09:40")
        #expect(late.contains { if case .appointmentCheckedIn(_, _, _, nil) = $0.kind { true } else { false } })
        #expect(hall.events.compactMap(\.issuedTicket).count == 3)
        var estimator = WaitEstimator(config: Self.config)
        for event in hall.events { estimator.fold(event) }
        #expect(estimator.statistics.todayIssueTimes.count == 2, "the walk-in and the late one, not the check-in")
        #expect(estimator.statistics.classCounts.values.reduce(0, +) == 2)
        #expect(estimator.statistics.appointmentsShown == 1)
        #expect(estimator.statistics.appointmentsReleased == 1)
    }

    @Test func theNoShowRateIsLearnedFromReleasesAndCheckIns() {
        var statistics = WaitStatistics()
        #expect(abs(statistics.appointmentNoShowRate - 0.1) < 1e-9)
        statistics.appointmentsShown = 15
        statistics.appointmentsReleased = 5
        #expect(abs(statistics.appointmentNoShowRate - 5.5 / 25) < 1e-9)
    }
}
