import Foundation
import KioskCore
import KioskStore
import Prometheus

/// What a hall watches on its dashboard, set from the hall's state at each scrape: who is
/// waiting and for how long, what each window is doing, the SMS outbox, the ratings.
extension ServerMetrics {
    enum Help {
        static let issued = "Tickets issued today, per service."
        static let calls = "First calls, per window."
        static let noShows = "Called tickets whose citizen did not come."
        static let served = "Tickets finished."
        static let waiting = "Tickets waiting now, per service."
        static let longestWait = "How long the longest-waiting ticket of each service has waited, in seconds (0 when nobody waits)."
        static let windowState = "1 for the state each window is in now (serving, called, idle, paused, closed), 0 for the others."
        static let outbox = "Today's SMS messages in each outbox state."
        static let ratings = "Citizens' ratings (好差评) given, per score 1-5."
    }

    static let windowStates = ["serving", "called", "idle", "paused", "closed"]

    func ratingCounter(_ score: Int) -> Counter {
        registry.makeCounter(name: "kiosk_ratings_total", labels: [("score", "\(score)")], help: Help.ratings)
    }

    /// Sets the queue and window gauges from `state` at `now`.
    func observe(_ state: HallState, config: HallConfig, at now: Date) {
        var waiting: [ServiceCode: Int] = [:]
        var longest: [ServiceCode: Double] = [:]
        for ticket in state.waitingTickets {
            waiting[ticket.service, default: 0] += 1
            longest[ticket.service] = max(longest[ticket.service] ?? 0, now.timeIntervalSince(ticket.issuedAt))
        }
        let codes = Set(config.services.map(\.code)).union(waiting.keys)
        for code in codes.sorted() {
            registry.makeGauge(name: "kiosk_waiting_tickets", labels: [("service", code)], help: Help.waiting).set(Double(waiting[code] ?? 0))
            registry.makeGauge(name: "kiosk_longest_wait_seconds", labels: [("service", code)], help: Help.longestWait).set(max(0, longest[code] ?? 0))
        }
        for counter in config.counters {
            let current = Self.windowState(state.counters[counter.id], in: state)
            for name in Self.windowStates {
                registry.makeGauge(name: "kiosk_window_state", labels: [("window", counter.id), ("state", name)], help: Help.windowState)
                    .set(Double(name == current ? 1 : 0))
            }
        }
    }

    /// Sets the outbox gauge from today's messages by trigger and state.
    func observeOutbox(_ byTrigger: [String: [String: Int]]) {
        var byState: [String: Int] = [:]
        for states in byTrigger.values { for (state, n) in states { byState[state, default: 0] += n } }
        for state in OutboxState.allCases {
            registry.makeGauge(name: "kiosk_sms_outbox", labels: [("state", state.rawValue)], help: Help.outbox).set(Double(byState[state.rawValue] ?? 0))
        }
    }

    static func windowState(_ counter: CounterState?, in state: HallState) -> String {
        guard let counter else { return "idle" }
        switch counter.availability {
        case .closed: return "closed"
        case .paused: return "paused"
        case .open:
            guard let current = counter.current, let ticket = state.tickets[current] else { return "idle" }
            if case .serving = ticket.state { return "serving" }
            return "called"
        }
    }
}
