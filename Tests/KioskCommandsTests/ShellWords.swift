/// The `kiosk …` invocations on one line of shell, as argument lists (without `kiosk`): split at
/// `&&`, `||`, `;` and `|`, a trailing `# comment` dropped, `sudo -u USER` and output
/// redirections (`> FILE`) left out, '…' and "…" quoting honoured. Enough for the README's
/// code blocks; not a shell.
enum ShellWords {
    static func kioskInvocations(in line: String) -> [[String]] {
        commands(in: line).compactMap { words in
            var words = words
            if words.first == "sudo" {
                words.removeFirst()
                if words.first == "-u", words.count > 1 { words.removeFirst(2) }
            }
            guard words.first == "kiosk" else { return nil }
            return withoutRedirections(Array(words.dropFirst()))
        }
    }

    /// The line's simple commands, each as its words.
    static func commands(in line: String) -> [[String]] {
        var commands: [[String]] = [], words: [String] = [], word = "", inWord = false
        var quote: Character?
        var characters = Array(line)[...]
        func endWord() {
            if inWord { words.append(word) }
            word = ""; inWord = false
        }
        func endCommand() {
            endWord()
            if !words.isEmpty { commands.append(words) }
            words = []
        }
        while let c = characters.popFirst() {
            if let open = quote {
                if c == open { quote = nil } else { word.append(c) }
                continue
            }
            switch c {
            case "'", "\"":
                quote = c; inWord = true
            case " ", "\t":
                endWord()
            case "#" where !inWord:
                characters = []
            case ";", "|", "&":
                if characters.first == c { characters.removeFirst() }
                endCommand()
            default:
                word.append(c); inWord = true
            }
        }
        endCommand()
        return commands
    }

    private static func withoutRedirections(_ words: [String]) -> [String] {
        var kept: [String] = [], skipNext = false
        for word in words {
            if skipNext { skipNext = false; continue }
            if [">", ">>", "<", "2>"].contains(word) { skipNext = true; continue }
            kept.append(word)
        }
        return kept
    }
}
