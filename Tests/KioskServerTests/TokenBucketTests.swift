import Foundation
import KioskServer
import Testing

@Suite struct TokenBucketTests {
    let t0 = Date(timeIntervalSince1970: 1_772_412_000)

    @Test func aBurstThenTheRateStepByStep() {
        var bucket = TokenBucket(burst: 3, perSecond: 1)
        #expect(bucket.take(at: t0) == nil)
        #expect(bucket.take(at: t0) == nil)
        #expect(bucket.take(at: t0) == nil)
        #expect(bucket.take(at: t0) == 1)
        #expect(bucket.take(at: t0.addingTimeInterval(0.25)) == 0.75)
        #expect(bucket.take(at: t0.addingTimeInterval(1)) == nil)
        #expect(bucket.take(at: t0.addingTimeInterval(1)) == 1)
        // A long pause refills to the burst, no more.
        for _ in 0..<3 { #expect(bucket.take(at: t0.addingTimeInterval(100)) == nil) }
        #expect(bucket.take(at: t0.addingTimeInterval(100)) != nil)
    }

    @Test func aClockThatGoesBackRefillsNothing() {
        var bucket = TokenBucket(burst: 1, perSecond: 0.5)
        #expect(bucket.take(at: t0) == nil)
        #expect(bucket.take(at: t0.addingTimeInterval(-60)) == 2)
        #expect(bucket.take(at: t0.addingTimeInterval(1)) == 1)
        #expect(bucket.take(at: t0.addingTimeInterval(2)) == nil)
    }
}
