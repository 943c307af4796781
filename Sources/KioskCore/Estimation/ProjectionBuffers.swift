import Synchronization

/// The line projection's big working arrays, kept from one projection of the whole line to the
/// next instead of allocated afresh each time: with 10,000 waiting they are a few megabytes
/// (every replicate's call time of every waiting ticket, the class queues with room for the
/// projected arrivals), and the daemon projects about once a second. Reusing them costs no
/// page faults and no zeroing of fresh memory per projection, and keeps the process's memory
/// at one set of them instead of whatever the allocator holds on to after many.
///
/// Only the storage is reused: every projection overwrites what it reads, so its figures are
/// those of fresh arrays (`ProjectionBufferTests`).
struct ProjectionBuffers {
    var samples: [Double] = []
    var joinDelay: [Double] = []
    var queueData: [Int32] = []
    var targetOfRank: [Int] = []
    var issuedAtOfRank: [Double] = []

    /// One spare set for the whole process: a projection takes it (or, when another projection
    /// holds it, starts with empty arrays) and gives it back when done.
    private static let spare = Mutex<ProjectionBuffers?>(nil)

    static func take() -> ProjectionBuffers {
        spare.withLock { held in
            defer { held = nil }
            return held ?? ProjectionBuffers()
        }
    }

    /// Keeps `buffers` for the next projection (moved, not copied: `recycle()`), leaving
    /// empty arrays in their place.
    static func giveBack(_ buffers: inout ProjectionBuffers) {
        var kept = ProjectionBuffers()
        swap(&kept, &buffers)
        kept.recycle()
        spare.withLock { $0 = kept }
    }

    /// Empties each array but keeps its storage, unless the line has shrunk well below what it
    /// was sized for: storage more than four times the last use goes, so a long line's
    /// megabytes are not held all day once it has gone.
    mutating func recycle() {
        samples.recycle()
        joinDelay.recycle()
        queueData.recycle()
        targetOfRank.recycle()
        issuedAtOfRank.recycle()
    }

    /// Elements kept in any one array however little of it the last projection used.
    static let alwaysKept = 16_384
}

extension Array {
    /// Empties the array for reuse, keeping its storage unless it is far bigger than the last use.
    fileprivate mutating func recycle() {
        if capacity > Swift.max(4 * count, ProjectionBuffers.alwaysKept) {
            self = []
        } else {
            removeAll(keepingCapacity: true)
        }
    }
}
