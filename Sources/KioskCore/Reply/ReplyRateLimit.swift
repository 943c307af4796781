import Foundation

/// At most `ReplySettings.maxPerNumber` replies per number within its window (a sliding
/// window of the times each number's replies were admitted).
public struct ReplyRateLimit: Sendable {
    public let settings: ReplySettings
    private var admitted: [String: [Date]] = [:]

    public init(settings: ReplySettings) {
        self.settings = settings
    }

    /// Whether a reply from `phone` at `now` is taken; a refused one does not count.
    public mutating func admit(_ phone: PhoneNumber, at now: Date) -> Bool {
        let since = now.addingTimeInterval(-settings.rateWindowSeconds)
        var times = admitted[phone.digits, default: []].filter { $0 > since }
        guard times.count < settings.maxPerNumber else {
            admitted[phone.digits] = times
            return false
        }
        times.append(now)
        admitted[phone.digits] = times
        // Numbers whose replies are all outside the window are forgotten now and then, so a day
        // of many different numbers keeps this small.
        if admitted.count > 1000 { admitted = admitted.filter { $0.value.contains { $0 > since } } }
        return true
    }
}
