import Foundation
import KioskCore
import KioskTestSupport

/// Drives a test daemon through business days over HTTP with its manual clock: citizens take
/// tickets, clerks call, start, finish, skip, transfer and pause at random (seeded), citizens
/// rate and sometimes cancel. Refusals are part of a real day and are ignored.
struct SimulatedDays {
    var rng: SplitMix64
    let daemon: TestDaemon

    init(daemon: TestDaemon, seed: UInt64) {
        self.daemon = daemon
        rng = SplitMix64(seed: seed)
    }

    /// Runs the hall from the clock's time for `seconds`, one step every 30–90 s.
    mutating func run(for seconds: Double) async throws {
        let api = daemon.client
        let services = daemon.config.services.map(\.code)
        let windows = daemon.config.counters.map(\.id)
        var issued: [String] = []
        var elapsed = 0.0
        while elapsed < seconds {
            let step = 30 + rng.unit() * 60
            daemon.clock.advance(by: step)
            elapsed += step
            if rng.unit() < 0.7 {
                let answer = try await api.take(services[rng.index(min(4, services.count))], priority: rng.unit() < 0.1)
                if let number = answer.json?["ticket"]?.stringValue { issued.append(number) }
            }
            if rng.unit() < 0.03, let number = issued.randomElement(using: &rng) {
                _ = try await api.post("/v1/tickets/\(number)/cancel", as: .supervisor)
            }
            for window in windows {
                let roll = rng.unit()
                switch roll {
                case ..<0.25: _ = try await api.window(window, "call")
                case ..<0.45: _ = try await api.window(window, "start")
                case ..<0.62:
                    if try await api.window(window, "finish").status == 200, rng.unit() < 0.6 {
                        let score = 1 + rng.index(5)
                        let body: JSONValue = score <= 2 ? ["score": .number(Double(score)), "reason": "等候时间长"] : ["score": .number(Double(score))]
                        _ = try await api.window(window, "rating", body)
                    }
                case ..<0.64: _ = try await api.window(window, "noshow")
                case ..<0.65: _ = try await api.window(window, "transfer", ["service": .string(services[rng.index(min(4, services.count))])])
                case ..<0.66: _ = try await api.window(window, "pause")
                case ..<0.70: _ = try await api.window(window, "resume")
                default: break
                }
            }
        }
    }
}
