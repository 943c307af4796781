@testable import KioskServer
import Testing

/// When a close call's own projection is sent outside the hall actor and when it is made inside
/// at once: the sequence of answers for tries that come back stale or fresh.
struct OwnProjectionOutlookTests {
    /// How many close calls in a row are made inside before one is sent outside.
    static func insideRun(_ outlook: inout OwnProjectionOutlook) -> Int {
        var run = 0
        while !outlook.sendOutside() { run += 1 }
        return run
    }

    @Test func aCalmHallSendsEveryTryOutsideAndOneStaleTryChangesNothing() {
        var outlook = OwnProjectionOutlook()
        for _ in 0..<5 {
            #expect(Self.insideRun(&outlook) == 0)
            outlook.tried(fresh: true)
        }
        #expect(Self.insideRun(&outlook) == 0)
        outlook.tried(fresh: false)
        #expect(Self.insideRun(&outlook) == 0, "one stale try: the issue tries again")
        outlook.tried(fresh: true)
        #expect(outlook == OwnProjectionOutlook(), "a fresh try forgets the stale one")
    }

    /// Two stale tries in a row: that issue and the next go inside; each stale probe after a run
    /// doubles the next run, up to 16 close calls; a fresh probe ends it.
    @Test func staleTriesInARowSendCloseCallsInsideForRunsThatDoubleUpTo16() {
        var outlook = OwnProjectionOutlook()
        #expect(Self.insideRun(&outlook) == 0)
        outlook.tried(fresh: false)
        #expect(Self.insideRun(&outlook) == 0)
        outlook.tried(fresh: false)
        // The issue that had the two stale tries, and the next close call.
        #expect(Self.insideRun(&outlook) == 2)
        var runs: [Int] = []
        for _ in 0..<6 {
            outlook.tried(fresh: false)  // the probe `insideRun` ended on came back stale
            runs.append(Self.insideRun(&outlook))
        }
        #expect(runs == [4, 8, 16, 16, 16, 16])
        outlook.tried(fresh: true)
        #expect(outlook.staleInARow == 0)
        #expect(Self.insideRun(&outlook) == 0 && Self.insideRun(&outlook) == 0, "a fresh probe: every close call tries outside again")
    }
}
