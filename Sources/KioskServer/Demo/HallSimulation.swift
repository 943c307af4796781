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
    /// Citizens already at the door when the simulation starts (a hall opens to a crowd): with
    /// them the lines, estimates and calls are on screen at once, not after half a minute of
    /// `0人 约 0分钟`.
    let openingCrowd: Int
    /// Hall seconds after the start when one clerk steps away and a colleague covers the window,
    /// so a newcomer sees a pause and a cover within the first minute of the demo.
    let breakAfter: TimeInterval

    public init(
        hall: Hall, seed: UInt64 = 2018_12_19, arrivalsPerHour: Double = 40, openingCrowd: Int = 16,
        breakAfter: TimeInterval = 5 * 60, logger: Logger
    ) {
        self.hall = hall
        self.seed = seed
        self.arrivalsPerHour = arrivalsPerHour
        self.openingCrowd = openingCrowd
        self.breakAfter = breakAfter
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
        let start = hall.now()
        var crowd = openingCrowd

        while !Task.isShuttingDownGracefully {
            let now = hall.now()
            // The crowd at the door first (the kiosk refuses them until a session opens), then
            // the day's arrivals.
            while crowd > 0 {
                let service = config.services[rng.index(config.services.count)]
                guard (try? await hall.execute(.issue(service: service.code, priority: rng.unit() < 0.2))) != nil else { break }
                crowd -= 1
            }
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
            // One clerk steps away early on (window 6 if free, else the first free one); a colleague
            // covers the window in one step (AB角).
            if !breakTaken, now.timeIntervalSince(start) >= breakAfter {
                let free = config.counters.map(\.id).filter { if case .idle = clerks[$0] ?? .idle { true } else { false } }
                if let away = free.contains("6") ? "6" : free.first,
                   let colleague = ["8", "7"].first(where: { $0 != away && config.counter($0) != nil }) ?? config.counters.first(where: { $0.id != away })?.id {
                    breakTaken = true
                    let back = now.addingTimeInterval(25 * 60)
                    if (try? await hall.execute(.pause(counter: away, until: back))) != nil {
                        _ = try? await hall.execute(.cover(counter: colleague, covered: away, by: "demo supervisor"))
                    }
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
