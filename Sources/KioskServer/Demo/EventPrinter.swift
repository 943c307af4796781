import Foundation
import KioskCore
import ServiceLifecycle

/// Prints every committed event as a line (`EventText`), for a terminal without the hall
/// screen (`kiosk demo --no-display`).
public struct EventPrinter: Service {
    let hall: Hall
    let write: @Sendable (String) -> Void

    public init(hall: Hall, write: @escaping @Sendable (String) -> Void = { print($0) }) {
        self.hall = hall
        self.write = write
    }

    public func run() async throws {
        guard let subscription = hall.subscribe() else { return }
        let config = hall.engine.config
        for await item in subscription.events.cancelOnGracefulShutdown() {
            guard case let .event(stored) = item else { continue }
            let state = await hall.read { $0 }
            write(EventText.describe(stored.event, in: state, config: config))
        }
        hall.unsubscribe(subscription.id)
        // The stream also ends when StreamCloser closes it at the start of a shutdown, before this
        // service's own turn: returning then would count as "finished unexpectedly".
        try? await gracefulShutdown()
    }
}
