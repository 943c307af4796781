import Foundation
import KioskCore
import KioskTestSupport

/// The test hall's estimator after a clockwork yesterday: six tickets of each of A, B and C
/// between 08:01 and 08:18, each called at once at window 1 and finished 300 s later (no
/// walk-up times, so no service fit, and no arrivals forecast after 08:30). Projections from it
/// draw almost nothing at random (LineProjectionTests, AdvisorTests).
func clockworkEstimator(config: HallConfig, engine: QueueEngine) -> WaitEstimator {
    var estimator = WaitEstimator(config: config)
    let yesterday = engine.calendar.midnight(of: TestHall.monday).addingTimeInterval(-86_400)
    var n = 0
    for code in ["A", "B", "C"] {
        for i in 0..<6 {
            n += 1
            let t0 = yesterday.addingTimeInterval(8 * 3600 + Double(n) * 60)
            let number = "\(code)\(100 + i)"
            estimator.fold(HallEvent(at: t0, .issued(ticket: number, service: code, priority: false, contact: false, audit: nil)))
            estimator.fold(HallEvent(at: t0.addingTimeInterval(1), .called(ticket: number, counter: "1", audit: nil)))
            estimator.fold(HallEvent(at: t0.addingTimeInterval(301), .finished(ticket: number, counter: "1")))
        }
    }
    estimator.closeDay()
    return estimator
}
