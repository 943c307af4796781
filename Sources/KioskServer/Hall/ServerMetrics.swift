import KioskCore
import Prometheus

/// The daemon's metrics, with stable names, rendered at `/metrics` in Prometheus text.
/// One registry per application (not a process-global bootstrap), so tests can run several.
public final class ServerMetrics: Sendable {
    public let registry = PrometheusCollectorRegistry()
    private let waits: ValueHistogram
    private let commitSizes: ValueHistogram
    private let commitDurations: DurationHistogram
    private let requestDurations: DurationHistogram
    private let openConnections: Gauge
    private let connectionCap: Gauge

    public init() {
        waits = registry.makeValueHistogram(
            name: "kiosk_wait_seconds", buckets: [60, 300, 600, 900, 1200, 1800, 2700, 3600, 5400],
            help: "Wait from issue to first call, per called ticket."
        )
        commitSizes = registry.makeValueHistogram(
            name: "kiosk_journal_commit_commands", buckets: [1, 2, 4, 8, 16, 32, 64, 128],
            help: "Commands sharing one journal transaction (group commit)."
        )
        commitDurations = registry.makeDurationHistogram(
            name: "kiosk_journal_commit_seconds",
            buckets: [.microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100)],
            help: "Time to write and fsync one journal transaction."
        )
        requestDurations = registry.makeDurationHistogram(
            name: "kiosk_http_request_seconds",
            buckets: [.milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250)],
            help: "HTTP request latency."
        )
        openConnections = registry.makeGauge(
            name: "kiosk_http_connections", help: "HTTP connections open now (from accept to close), event streams included."
        )
        connectionCap = registry.makeGauge(
            name: "kiosk_http_connections_cap", help: "Connections the daemon keeps open at most; one more is answered 503 (limits.max_connections)."
        )
        for score in RatingScale.scores { _ = ratingCounter(score) }
    }

    /// A connection was accepted (counted until it closes, within the cap or not).
    func connectionOpened() {
        openConnections.increment()
    }

    func connectionClosed() {
        openConnections.decrement()
    }

    /// The cap in force (the configured one, or lower when the open-file limit is lower).
    func setConnectionCap(_ cap: Int) {
        connectionCap.set(Double(cap))
    }

    func recordCommit(commands: Int, duration: Duration) {
        commitSizes.record(Double(commands))
        commitDurations.record(duration)
    }

    func recordRequest(duration: Duration) {
        requestDurations.record(duration)
    }

    /// Counts what the daemon's edges turned away, by reason: `bad_signature` (a forged or
    /// mangled delivery report), `rate_limited` (a kiosk issuing too fast), `connection_cap`
    /// (a connection beyond the cap), `read_timeout` (a request that did not arrive in time),
    /// `slow_subscriber` (an event stream cut off because it fell too far behind).
    public func recordRefused(_ reason: String) {
        registry.makeCounter(name: "kiosk_refused_total", labels: [("reason", reason)]).increment()
    }

    /// Counts a committed event; `state` is the hall's state (for the ticket's service).
    func record(_ event: HallEvent, in state: HallState) {
        switch event.kind {
        case let .issued(_, service, _, _, _):
            registry.makeCounter(name: "kiosk_tickets_issued_total", labels: [("service", service)], help: Help.issued).increment()
        case let .called(ticket, counter, _):
            registry.makeCounter(name: "kiosk_calls_total", labels: [("counter", counter)], help: Help.calls).increment()
            if let issued = state.tickets[ticket]?.issuedAt, state.tickets[ticket]?.firstCalledAt == event.at {
                waits.record(event.at.timeIntervalSince(issued))
            }
        case .noShow:
            registry.makeCounter(name: "kiosk_no_shows_total", help: Help.noShows).increment()
        case .finished:
            registry.makeCounter(name: "kiosk_tickets_served_total", help: Help.served).increment()
        case let .rated(_, _, _, score, _):
            ratingCounter(score).increment()
        default:
            break
        }
    }

    /// Prometheus text exposition.
    public func render() -> String {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }
}
