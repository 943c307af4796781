import Foundation
import KioskCore
import Logging
import ServiceLifecycle

/// Simulated citizens and clerks for `kiosk demo`: citizens arrive at the kiosk, clerks call,
/// serve and finish, a few citizens never come, a window takes a break and a colleague covers
/// it. Every action goes through `Hall.execute`, the same path as the HTTP API, on the hall's
/// (accelerated) clock; only the decisions are simulated.
public struct HallSimulation: Service {
    let hall: Hall
    let seed: UInt64
    let logger: Logger
    /// Citizens per hall hour while the kiosk issues tickets.
    let arrivalsPerHour: Double

    public init(hall: Hall, seed: UInt64 = 2018_12_19, arrivalsPerHour: Double = 40, logger: Logger) {
        self.hall = hall
        self.seed = seed
        self.arrivalsPerHour = arrivalsPerHour
        self.logger = logger
    }

    /// What a simulated clerk is waiting for.
    enum ClerkStep {
        case idle
        case walkUp(until: Date, answers: Bool)
        case serving(until: Date)
    }

    public func run() async throws {
        var rng = SplitMix64(seed: seed)
        let config = hall.engine.config
        var nextArrival = hall.now()
        var clerks: [CounterID: ClerkStep] = Dictionary(uniqueKeysWithValues: config.counters.map { ($0.id, .idle) })
        var breakTaken = false
        var phoneSuffix = 0

        while !Task.isShuttingDownGracefully {
            let now = hall.now()
            if now >= nextArrival {
                let service = config.services[rng.index(config.services.count)]
                let priority = rng.unit() < 0.15
                var contact: TicketContact?
                if priority || rng.unit() < 0.2 {
                    phoneSuffix += 1
                    contact = TicketContact(ticket: "", phone: PhoneNumber("1380013" + String(format: "%04d", phoneSuffix % 10_000)), caretaker: nil)
                }
                _ = try? await hall.execute(.issue(service: service.code, priority: priority, contact: contact != nil), contact: contact)
                nextArrival = now.addingTimeInterval(rng.exponential() * 3600 / arrivalsPerHour)
            }
            for counter in config.counters {
                switch clerks[counter.id] ?? .idle {
                case .idle:
                    if (try? await hall.execute(.callNext(counter: counter.id))) != nil {
                        // Most citizens walk up within half a minute; about one in twenty never comes
                        // (the hall's own recall timer then recalls and skips them).
                        clerks[counter.id] = .walkUp(until: now.addingTimeInterval(10 + 30 * rng.unit()), answers: rng.unit() > 0.05)
                    }
                case let .walkUp(until, answers):
                    guard now >= until else { break }
                    if answers, (try? await hall.execute(.start(counter: counter.id))) != nil {
                        // Service times around 6 minutes, skewed: most are quick, some take long.
                        clerks[counter.id] = .serving(until: now.addingTimeInterval(360 * rng.exponential()))
                    } else if await hall.read({ $0.counters[counter.id]?.current == nil }) {
                        clerks[counter.id] = .idle
                    }
                case let .serving(until):
                    guard now >= until else { break }
                    _ = try? await hall.execute(.finish(counter: counter.id))
                    clerks[counter.id] = .idle
                }
            }
            // One clerk steps away mid-morning; a colleague covers the window in one step (AB角).
            if !breakTaken, case .idle = clerks["6"] ?? .serving(until: now),
               hall.engine.calendar.secondsOfDay(now) > 9.5 * 3600 {
                breakTaken = true
                let back = now.addingTimeInterval(25 * 60)
                if (try? await hall.execute(.pause(counter: "6", until: back))) != nil {
                    _ = try? await hall.execute(.cover(counter: "8", covered: "6", by: "demo supervisor"))
                }
            }
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: .milliseconds(100)) }
            } catch {
                return
            }
        }
    }
}
