import ArgumentParser
@testable import KioskCommands

/// The `kiosk` command tree as ArgumentParser declares it.
enum CommandTree {
    /// Every command a user can run (the leaves; `help` is ArgumentParser's own), by its words.
    static var leaves: [(words: [String], type: ParsableCommand.Type)] {
        var found: [(words: [String], type: ParsableCommand.Type)] = []
        func walk(_ type: ParsableCommand.Type, _ words: [String]) {
            let subcommands = type.configuration.subcommands
            if subcommands.isEmpty { return found.append((words, type)) }
            for sub in subcommands { walk(sub, words + [sub._commandName]) }
        }
        walk(Kiosk.self, [])
        return found
    }

    /// The command `arguments` name by their leading words (`central push …` → `central push`).
    static func words(naming arguments: [String]) -> [String] {
        var type: ParsableCommand.Type = Kiosk.self, words: [String] = []
        for word in arguments {
            guard let sub = type.configuration.subcommands.first(where: { $0._commandName == word }) else { break }
            type = sub
            words.append(word)
        }
        return words
    }

    /// The message ArgumentParser prints for a line that does not parse or validate (what
    /// `kiosk` writes after `Error: `).
    static func refusal(_ arguments: [String]) -> String? {
        do {
            _ = try Kiosk.parseAsRoot(arguments)
            return nil
        } catch {
            return Kiosk.message(for: error)
        }
    }
}
