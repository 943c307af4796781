import Foundation
import KioskCore
import Testing

@Suite struct AccuracyLedgerTests {
    let t0 = Date(timeIntervalSince1970: 1_772_409_600)

    func estimate(_ ticket: String, wait: Double, headsUpIn: Double, low: Double = 0, high: Double = 0) -> WaitEstimate {
        WaitEstimate(
            ticket: ticket, computedAt: t0, wait: wait, low: low, high: high, headsUpAt: t0.addingTimeInterval(headsUpIn),
            explanation: WaitExplanation(ahead: 0, windowsOpen: 1, windowsAway: 0, minutesPerPerson: 5, serviceName: "求职登记", serviceNameEN: "Jobs")
        )
    }

    @Test func aFirstCallSettlesThePrintedError() {
        var ledger = AccuracyLedger()
        ledger.recordPrinted(estimate("A001", wait: 600, headsUpIn: 0), issuedAt: t0)
        ledger.recordPrinted(estimate("A002", wait: 1200, headsUpIn: 600), issuedAt: t0)
        ledger.recordHeadsUp("A002", at: t0.addingTimeInterval(600))
        ledger.fold(HallEvent(at: t0.addingTimeInterval(300), .called(ticket: "A001", counter: "1", audit: nil)))
        ledger.fold(HallEvent(at: t0.addingTimeInterval(2000), .called(ticket: "A002", counter: "1", audit: nil)))
        // A recall is not a first call: nothing more is counted.
        ledger.fold(HallEvent(at: t0.addingTimeInterval(2060), .recalled(ticket: "A002", counter: "1", n: 1)))
        let summary = ledger.summary()
        #expect(summary.called == 2)
        #expect(summary.maeMinutes == (300.0 + 800.0) / 2 / 60)
        #expect(summary.biasMinutes == (300.0 - 800.0) / 2 / 60)
        #expect(summary.under5 == 0.5)
        // Only A002 waited ≥ 15 min; its heads-up came 1400 s before the call: early.
        #expect(summary.headsUpScored == 1)
        #expect(summary.headsUpEarly == 1)
        #expect(summary.headsUpLate == 0)
    }

    @Test func rangeWidensOnlyWhenRecentErrorsExceedIt() {
        var ledger = AccuracyLedger()
        #expect(ledger.rangeWidening(forHalfWidth: 120) == 0)
        for i in 1...6 {
            let number = "B00\(i)"
            ledger.recordPrinted(estimate(number, wait: 300, headsUpIn: 0), issuedAt: t0)
            ledger.fold(HallEvent(at: t0.addingTimeInterval(900), .called(ticket: number, counter: "2", audit: nil)))
        }
        #expect(ledger.rangeWidening(forHalfWidth: 120) == 600 - 120)
        #expect(ledger.rangeWidening(forHalfWidth: 900) == 0)
    }

    @Test func aNewDayStartsAfresh() {
        var ledger = AccuracyLedger()
        ledger.fold(HallEvent(at: t0, .dayStarted(BusinessDate("2026-03-02")!)))
        ledger.recordPrinted(estimate("C001", wait: 60, headsUpIn: 0), issuedAt: t0)
        ledger.fold(HallEvent(at: t0.addingTimeInterval(60), .called(ticket: "C001", counter: "3", audit: nil)))
        #expect(ledger.summary().called == 1)
        ledger.fold(HallEvent(at: t0.addingTimeInterval(86_400), .dayStarted(BusinessDate("2026-03-03")!)))
        #expect(ledger.summary().called == 0)
    }

    @Test func theHeadsUpThatFellDueIsTheOneJudged() {
        var ledger = AccuracyLedger()
        ledger.recordPrinted(estimate("D001", wait: 1500, headsUpIn: 0), issuedAt: t0)
        #expect(!ledger.headsUpRecorded("D001"))
        // The pass found it due 16 minutes in; a later pass does not move it.
        let first = ledger.recordHeadsUp("D001", at: t0.addingTimeInterval(960))
        let again = ledger.recordHeadsUp("D001", at: t0.addingTimeInterval(1200))
        let unknown = ledger.recordHeadsUp("Z999", at: t0)   // never printed
        #expect(first && !again && !unknown)
        #expect(ledger.headsUpRecorded("D001"))
        ledger.fold(HallEvent(at: t0.addingTimeInterval(1500), .called(ticket: "D001", counter: "1", audit: nil)))
        // 540 s before the call: on time (the issue-time moment, 1500 s before, would say early).
        #expect(ledger.outcomes.first?.headsUpLead == 540)
        #expect(ledger.summary().headsUpOnTime == 1)
        // Called before any heads-up fell due: judged as a heads-up at the call, late.
        ledger.recordPrinted(estimate("D002", wait: 600, headsUpIn: 0), issuedAt: t0)
        ledger.fold(HallEvent(at: t0.addingTimeInterval(1000), .called(ticket: "D002", counter: "1", audit: nil)))
        #expect(ledger.outcomes.last?.headsUpLead == 0)
        #expect(ledger.summary().headsUpLate == 0.5)
    }
}
