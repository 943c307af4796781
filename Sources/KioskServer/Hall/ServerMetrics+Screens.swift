/// What the hall screens cost the daemon, as facts a test and a benchmark can read: the hall
/// actor's part must not grow with the number of screens.
extension ServerMetrics {
    /// The hall actor handed a committed batch (`kind` "events") or a heartbeat to the live
    /// streams: once each, whatever the number of subscribers.
    func recordStreamHandOff(kind: String) {
        registry.makeCounter(
            name: "kiosk_stream_handoffs_total", labels: [("kind", kind)],
            help: "Committed batches (kind=events) and heartbeats the hall actor handed to the live streams: one each, for any number of subscribers."
        ).increment()
    }

    /// Events (`kind` "events") or heartbeats given to subscribers, outside the hall actor: one
    /// per subscriber each.
    func recordStreamDeliveries(_ count: Int, kind: String) {
        guard count > 0 else { return }
        registry.makeCounter(
            name: "kiosk_stream_deliveries_total", labels: [("kind", kind)],
            help: "Events and heartbeats given to live-stream subscribers (one per subscriber each), outside the hall actor."
        ).increment(by: Int64(count))
    }

    /// A `GET /v1/hall` answered; `rendered` when it was rendered rather than the cached one.
    func recordHallRead(rendered: Bool) {
        registry.makeCounter(name: "kiosk_hall_reads_total", help: "GET /v1/hall answers.").increment()
        if rendered {
            registry.makeCounter(
                name: "kiosk_hall_renders_total",
                help: "GET /v1/hall answers rendered; the others reused the rendering of the same snapshot, projection and minute."
            ).increment()
        }
    }
}
