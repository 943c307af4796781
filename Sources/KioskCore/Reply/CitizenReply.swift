/// What a citizen's SMS reply says, read leniently: phones type full-width digits, add spaces
/// or a full stop, and some answer "确认" or "取消" in words.
public enum CitizenReply: String, Sendable, Equatable {
    /// "1": on my way.
    case acknowledge = "ack"
    /// "2": I give up the ticket.
    case cancel
    /// Anything else: the citizen gets one help message.
    case other

    public init(_ text: String) {
        let ignored: Set<Character> = [" ", "\u{3000}", ".", "。", "!", "！", "\n", "\r", "\t"]
        var kept = ""
        for character in text where !ignored.contains(character) {
            // Full-width digits (U+FF10…U+FF19) as ASCII.
            if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
               (0xFF10...0xFF19).contains(scalar.value), let ascii = Unicode.Scalar(scalar.value - 0xFF10 + 0x30) {
                kept.append(Character(ascii))
            } else {
                kept.append(character)
            }
        }
        switch kept {
        case "1", "确认", "確認": self = .acknowledge
        case "2", "取消", "放弃", "放棄": self = .cancel
        default: self = .other
        }
    }
}
