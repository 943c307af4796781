/// Where the estimates printed on new tickets came from, as facts a test and a benchmark can
/// read: a projection of the whole line inside the hall actor holds every other command.
extension ServerMetrics {
    /// A new ticket's estimate: `shared` (the shared projection plus that ticket), `outside` (the
    /// ticket's own projection of the whole line, made outside the hall actor on the very state
    /// the issue was decided on: a close call of the closing-time rule, or a state the shared
    /// projection does not fit) or `own` (the same inside the hall actor: the hall changed while
    /// each of `Hall.ownEstimatePreparations` was made outside).
    func recordIssueEstimate(source: String) {
        registry.makeCounter(
            name: "kiosk_issue_estimates_total", labels: [("source", source)],
            help: "Estimates of new tickets, by source: shared (the shared projection plus the ticket), outside (the ticket's own projection of the whole line, made outside the hall actor on the state it was decided on) or own (the same, inside the hall actor)."
        ).increment()
    }

    /// An issue waited, outside the hall actor, for a shared projection to be made (none yet
    /// since the start, or none that fits the last commit).
    func recordIssueProjectionWait() {
        registry.makeCounter(
            name: "kiosk_issue_projection_waits_total",
            help: "Issues that waited, outside the hall actor, for the shared projection of the line to be made (none yet since the start, or none that fits the last commit)."
        ).increment()
    }

    /// An issue had the newcomer's own projection made outside the hall actor (one per try: a
    /// try the hall changed under is made again, see `Hall.ownEstimatePreparations`).
    func recordIssueOwnProjectionTry() {
        registry.makeCounter(
            name: "kiosk_issue_own_projection_tries_total",
            help: "Own projections of a new ticket sent outside the hall actor, one per try (the hall changed meanwhile: another try)."
        ).increment()
    }

    /// A try came back made on a hall that changed while it was made (thrown away). After
    /// `OwnProjectionOutlook.staleBeforeInside` in a row, close calls make theirs inside for a while.
    func recordIssueOwnProjectionStale() {
        registry.makeCounter(
            name: "kiosk_issue_own_projection_stale_total",
            help: "Own projections of a new ticket made outside the hall actor and thrown away: the hall changed while they were made."
        ).increment()
    }
}
