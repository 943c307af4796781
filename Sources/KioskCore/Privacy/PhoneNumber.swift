/// A mainland China mobile number (`1[3-9]` + 9 digits, optionally written with +86).
///
/// PII: only the notifier sees `digits`; everywhere else shows `masked` (138****1234).
public struct PhoneNumber: Sendable, Hashable, CustomStringConvertible {
    /// The 11 digits, without a country code.
    public let digits: String

    /// Accepts `13800138000`, `+8613800138000`, `+86 138 0013 8000`, `138-0013-8000`.
    public init?(_ text: String) {
        var s = text.filter { $0 != " " && $0 != "-" }
        if s.hasPrefix("+86") {
            s.removeFirst(3)
        } else if s.hasPrefix("0086") {
            s.removeFirst(4)
        }
        guard s.count == 11, s.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let chars = Array(s)
        guard chars[0] == "1", ("3"..."9").contains(chars[1]) else { return nil }
        digits = s
    }

    /// `138****1234`: enough for a citizen to recognise their number, useless to anyone else.
    public var masked: String {
        String(digits.prefix(3)) + "****" + String(digits.suffix(4))
    }

    /// Masked, so that interpolating a phone into a log line cannot leak it.
    public var description: String { masked }
}
