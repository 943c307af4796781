extension ServerMetrics {
    /// Counts a citizen's SMS reply by what it did (`kiosk_sms_replies_total{outcome}`).
    func recordReply(_ outcome: ReplyOutcome) {
        registry.makeCounter(
            name: "kiosk_sms_replies_total", labels: [("outcome", outcome.label)],
            help: "Citizens' SMS replies taken (with the reply key), by what they did."
        ).increment()
    }
}

extension ReplyOutcome {
    /// A stable name for metrics and logs.
    public var label: String {
        switch self {
        case .rateLimited: "rate_limited"
        case .unknownNumber: "unknown_number"
        case .acknowledged: "acknowledged"
        case .alreadyAcknowledged: "already_acknowledged"
        case .cancelled: "cancelled"
        case .helpSent: "help_sent"
        case .helpAlreadySent: "help_already_sent"
        case .tooLate: "too_late"
        }
    }
}
