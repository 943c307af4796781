import Foundation

extension HTTPResponse {
    /// How long the server asked us to wait before retrying, in seconds, from `Retry-After`.
    ///
    /// Accepts both forms RFC 9110 allows: delta-seconds (`120`) and an HTTP-date, which is
    /// measured from `now`. A date in the past gives 0. Nil when the header is absent or
    /// unreadable.
    public func retryAfter(now: Date) -> Double? {
        guard let raw = headers["Retry-After"]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty
        else { return nil }
        if raw.allSatisfy(\.isASCII), let seconds = Int(raw) {
            return seconds >= 0 ? Double(seconds) : nil
        }
        guard let date = Self.parseHTTPDate(raw) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }

    /// Parses the IMF-fixdate form every current server sends (`Sun, 06 Nov 1994 08:49:37 GMT`).
    static func parseHTTPDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.date(from: text)
    }
}
