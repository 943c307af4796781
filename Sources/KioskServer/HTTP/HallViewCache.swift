import Foundation
import Hummingbird
import Synchronization

/// The `GET /v1/hall` answer rendered once and shared by every hall screen that reads the same
/// thing: the same published snapshot, the same shared projection, the same minute (the view's
/// clock and the issuing checks read the time), the same daemon health. Eight screens reading
/// once a second cost one rendering a second, not eight; the hall actor is never entered.
///
/// Two readers that miss at once both render (the later one is kept): rendering under the
/// lock would make every other reader wait for it.
final class HallViewCache: Sendable {
    struct Key: Equatable, Sendable {
        var publication: Int
        var projectionSeq: Int64
        var projectionAt: Date
        var minute: Int
        var health: HallHealth

        init(publication: Int, projectionSeq: Int64, projectionAt: Date, now: Date, health: HallHealth) {
            self.publication = publication
            self.projectionSeq = projectionSeq
            self.projectionAt = projectionAt
            minute = Int((now.timeIntervalSinceReferenceDate / 60).rounded(.down))
            self.health = health
        }
    }

    private let entry = Mutex<(key: Key, body: ByteBuffer)?>(nil)

    /// The body for `key`: the cached one, or `render()`'s, kept for the next reader.
    /// `rendered` says which.
    func body(for key: Key, render: () throws -> ByteBuffer) rethrows -> (body: ByteBuffer, rendered: Bool) {
        if let hit = entry.withLock({ $0?.key == key ? $0?.body : nil }) { return (hit, false) }
        let body = try render()
        entry.withLock { $0 = (key, body) }
        return (body, true)
    }
}
