/// A day's ledger rebuilt from what was journaled: the daemon at start, and `kiosk stats
/// --data-dir` on a journal read directly, so both report the same figures.
extension AccuracyLedger {
    /// - Parameters:
    ///   - printed: the estimates printed that day (with the moments their heads-ups fell due).
    ///   - events: the day's committed events, in order.
    public init(printed: [PrintedEstimate], events: [HallEvent]) {
        self.init()
        let byTicket = Dictionary(printed.map { ($0.ticket, $0) }) { $1 }
        for event in events {
            if let number = event.issuedTicket, let p = byTicket[number] { recordPrinted(p) }
            fold(event)
        }
    }
}
