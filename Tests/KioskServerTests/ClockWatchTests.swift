import Foundation
import KioskServer
import Testing

/// The hall clock against a wall clock that steps (a bad RTC, then NTP), step by step with
/// hand-driven clocks: no sleeps.
@Suite struct ClockWatchTests {
    @Test func hallTimeFollowsTheMonotonicClockWhenTheWallClockStepsBack() {
        let clocks = SteppingClocks()
        let steady = SteadyClock(wall: clocks.wall, monotonic: clocks.monotonic)
        let start = steady.now()
        clocks.pass(60)
        clocks.stepWall(-3600)
        #expect(steady.now() == start.addingTimeInterval(60))
        clocks.pass(30)
        #expect(steady.now() == start.addingTimeInterval(90), "time runs on at its pace, never back")
    }

    @Test func aStepOfMoreThanTwoMinutesRaisesTheWarningOnceUntilTheClocksAgree() {
        let clocks = SteppingClocks()
        let watch = ClockWatch(clock: SteadyClock(wall: clocks.wall, monotonic: clocks.monotonic))
        #expect(watch.check() == nil)
        clocks.stepWall(119)
        #expect(watch.check() == nil, "within tolerance")
        #expect(!watch.reading.warning)
        clocks.stepWall(86_400)
        #expect(watch.check() == .raised(skew: 86_519))
        #expect(watch.check() == nil, "raised once, not again")
        #expect(watch.reading.warning)
        clocks.stepWall(-86_519)
        #expect(watch.check() == .cleared, "the clocks agree again")
        #expect(!watch.reading.warning)
    }

    @Test func aSupervisorsConfirmationTakesAWallClockThatIsAhead() {
        let clocks = SteppingClocks()
        let steady = SteadyClock(wall: clocks.wall, monotonic: clocks.monotonic)
        let watch = ClockWatch(clock: steady)
        let start = steady.now()
        clocks.stepWall(600)
        watch.check()
        #expect(watch.reading.warning)
        #expect(watch.confirm() == .confirmed)
        #expect(!watch.reading.warning)
        #expect(steady.now() == start.addingTimeInterval(600))
        #expect(watch.check() == nil)
    }

    @Test func aWallClockBehindTheHallIsNotTakenInsideTheProcess() {
        let clocks = SteppingClocks()
        let steady = SteadyClock(wall: clocks.wall, monotonic: clocks.monotonic)
        let watch = ClockWatch(clock: steady)
        let start = steady.now()
        clocks.stepWall(-86_400)
        watch.check()
        #expect(watch.confirm() == .wallClockBehind(seconds: 86_400))
        #expect(watch.reading.warning, "the warning stands until a restart takes the earlier time")
        #expect(steady.now() == start, "hall time did not go back")
    }
}
