import Foundation
@testable import KioskCore
import Testing

/// The line projection's working arrays can be reused from one projection to the next
/// (`ProjectionBuffers`): the figures must be those of fresh arrays, whatever the reused
/// storage held before, and the storage must really be the same.
@Suite struct ProjectionBufferTests {
    /// Everything a projection publishes, compared whole.
    static func expectSame(_ a: LineProjection, _ b: LineProjection, _ comment: Comment) {
        #expect(a.estimates == b.estimates, comment)
        #expect(a.byTicket == b.byTicket, comment)
        #expect(a.joinDelays == b.joinDelays, comment)
        #expect(a.longestWait == b.longestWait && a.waitingByService == b.waitingByService, comment)
    }

    @Test func aProjectionInReusedBuffersEqualsOneInFreshArrays() throws {
        let (estimator, state, now) = try LineProjectionTests.busyHall()
        #expect(state.waiting.count > 20)
        var buffers = ProjectionBuffers()
        // Buffers left dirty by other projections: later (fewer replicates' worth of line
        // left to simulate differently), and of a hall with a different line.
        _ = estimator.projection(of: state, at: now.addingTimeInterval(1800), buffers: &buffers)
        let (other, otherEstimator, otherNow) = try LineProjectionTests.clockworkHall(waiting: 30)
        _ = otherEstimator.projection(of: other.state, at: otherNow, buffers: &buffers)
        for at in [now, now.addingTimeInterval(60)] {
            var fresh = ProjectionBuffers()
            let expected = estimator.projection(of: state, at: at, buffers: &fresh)
            let reused = estimator.projection(of: state, at: at, buffers: &buffers)
            Self.expectSame(reused, expected, "at \(at)")
            // And the public entry (fresh buffers each time) says the same.
            Self.expectSame(estimator.projection(of: state, at: at), expected, "public entry at \(at)")
        }
    }

    @Test func theSecondProjectionUsesTheFirstOnesStorage() throws {
        let (estimator, state, now) = try LineProjectionTests.busyHall()
        var buffers = ProjectionBuffers()
        _ = estimator.projection(of: state, at: now, buffers: &buffers)
        #expect(!buffers.samples.isEmpty && !buffers.queueData.isEmpty && !buffers.joinDelay.isEmpty)
        let before = Self.addresses(buffers)
        _ = estimator.projection(of: state, at: now, buffers: &buffers)
        #expect(Self.addresses(buffers) == before)
    }

    static func addresses(_ b: ProjectionBuffers) -> [UnsafeRawPointer?] {
        [
            b.samples.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) },
            b.joinDelay.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) },
            b.queueData.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) },
            b.targetOfRank.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) },
            b.issuedAtOfRank.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) },
        ]
    }
}
