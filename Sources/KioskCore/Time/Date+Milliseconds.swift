import Foundation

extension Date {
    /// Milliseconds since 1970, rounded: how the journal stores an instant.
    public var millisecondsSince1970: Int64 {
        Int64((timeIntervalSince1970 * 1000).rounded())
    }

    /// The canonical instant for a whole number of milliseconds since 1970.
    public init(millisecondsSince1970 ms: Int64) {
        self.init(timeIntervalSince1970: Double(ms) / 1000)
    }

    /// This instant rounded to the millisecond, in canonical form.
    public var wholeMilliseconds: Date {
        Date(millisecondsSince1970: millisecondsSince1970)
    }
}
