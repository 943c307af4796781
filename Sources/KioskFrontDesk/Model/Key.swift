/// One key press as the front ends understand it: digits and Enter are all a citizen needs;
/// a clerk also uses letters.
public enum Key: Sendable, Hashable {
    case digit(Character)
    case char(Character)
    case enter
    case backspace
    case escape
    /// Ctrl-C (raw mode delivers it as a byte, not a signal).
    case interrupt

    /// Maps a character typed in a test or decoded from the terminal.
    public init(_ character: Character) {
        switch character {
        case "\r", "\n": self = .enter
        case "\u{7F}", "\u{08}": self = .backspace
        case "\u{1B}": self = .escape
        case "\u{03}": self = .interrupt
        default: self = character.isASCII && character.isNumber ? .digit(character) : .char(character)
        }
    }

    /// The keys a string types, one per character.
    public static func typing(_ text: String) -> [Key] { text.map(Key.init) }
}
