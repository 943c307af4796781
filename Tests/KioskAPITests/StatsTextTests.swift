import Foundation
import KioskCore
import Testing
@testable import KioskAPI

/// `kiosk stats` in words, from the daemon's answer or a journal's figures alike.
@Suite struct StatsTextTests {
    @Test func everyFigureIsSaidOnItsLine() {
        let lines = APISamples.stats.textLines
        #expect(lines == [
            "called with an estimate: 57",
            "MAE 3.42 min · bias -0.8 min · under-estimated >5 min: 0.07 · recent MAE 2.9 min",
            "heads-up (waits ≥ 15 min): 12 scored · on time 0.75 · early 0.17 · late 0.08",
            "SMS replies: 9 received · 6 acknowledged · 1 cancelled · 2 help · 2 set aside unanswered · 1 no-shows avoided",
            "即审 reviews: 5 handed over · 4 reviewed · 3 approved · 1 returned · wait p50 1.6 min p90 4 min · review p50 3 min p90 7 min",
            "  A: 5 handed over · 3 approved · 1 returned (缺身份证复印件 1) · wait p50 1.6 min · review p50 3 min",
        ])
    }

    @Test func aHallWithoutReviewsOrAppointmentsSaysDashesAndNoAppointmentLine() {
        let quiet = StatsAnswer(
            calledWithEstimate: 0, maeMin: 0, biasMin: 0, under5Share: 0, recentMAEMin: 0,
            headsUp: .init(scored: 0, onTimeShare: 0, earlyShare: 0, lateShare: 0)
        )
        #expect(quiet.textLines.count == 5)
        #expect(quiet.textLines.last == "即审 reviews: 0 handed over · 0 reviewed · 0 approved · 0 returned · wait p50 – p90 – · review p50 – p90 –")
    }

    @Test func aHallThatTakesAppointmentsHasTheirLineLast() {
        var stats = APISamples.stats
        var figures = AppointmentFigures()
        (figures.booked, figures.checkedIn, figures.noShow, figures.cancelled, figures.called) = (12, 9, 2, 1, 8)
        (figures.waitMeanSeconds, figures.waitMaxSeconds) = (95.5, 410)
        stats.appointments = StatsAnswer.Appointments(figures)
        #expect(stats.textLines.last == "appointments (预约): 12 booked · 9 checked in · 2 no-show · 1 cancelled · wait slot → call mean 95.5 s, max 410 s (8 called)")
    }
}
