/// The reason a reviewer returns a case: short enough for the clerk's screen and one SMS.
public enum ReviewReason {
    /// Characters (UTF-16 units, so one per Chinese character) a reason may have.
    public static let maxLength = 20

    /// The reason trimmed, or nil when it is empty or too long.
    public static func checked(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.utf16.count <= maxLength, !trimmed.contains(where: \.isNewline) else { return nil }
        return trimmed
    }
}
