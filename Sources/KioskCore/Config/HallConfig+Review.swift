/// Who reviews what (即审): windows marked `reviews: true` review every service; a service's
/// `reviewers` adds windows for it alone.
extension HallConfig {
    /// The windows that review `service`'s cases, in config order.
    public func reviewers(of service: ServiceCode) -> [CounterID] {
        let listed = self.service(service)?.reviewers ?? []
        return counters.filter { $0.reviews || listed.contains($0.id) }.map(\.id)
    }

    /// Whether window `counter` reviews `service`'s cases.
    public func reviews(_ counter: CounterID, _ service: ServiceCode) -> Bool {
        reviewers(of: service).contains(counter)
    }

    /// Whether window `counter` reviews anything at all.
    public func isReviewer(_ counter: CounterID) -> Bool {
        self.counter(counter)?.reviews == true || services.contains { $0.reviewers.contains(counter) }
    }
}
