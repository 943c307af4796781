/// Minutes as a screen or a printed ticket shows them: whole, and only when they make sense.
///
/// The daemon sends whole, non-negative minutes; anything posing as it may send `1e300`, `-5`
/// or `1e-300`, and `Int(1e300)` traps. Every client turns an answer's minutes into text
/// through here.
public enum ShownMinutes {
    /// The longest estimate worth showing: a whole day. A longer one is not an estimate.
    public static let maximum = 24 * 60

    /// `minutes` rounded to a whole number; nil when it is not a number, negative or longer
    /// than ``maximum`` (the screen then shows no estimate).
    public static func whole(_ minutes: Double) -> Int? {
        guard minutes.isFinite, minutes >= 0, minutes <= Double(maximum) else { return nil }
        return Int(minutes.rounded())
    }
}
