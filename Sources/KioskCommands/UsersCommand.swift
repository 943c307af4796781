import ArgumentParser
import Foundation
import KioskServer
import KioskStore

/// `kiosk users add|remove|list`: who may sign in to the supervisor's console (`/console`).
/// The users live in DATA-DIR/users.json (0600); a running daemon re-reads it within a second,
/// so a removed user's sessions end at once.
struct UsersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Console users: add one (password asked twice), remove one (their sessions end), list them.",
        discussion: "Run as the daemon's user so users.json stays its own: sudo -u kiosk kiosk users add 王芳 --role supervisor --data-dir /var/lib/kiosk",
        subcommands: [Add.self, Remove.self, List.self]
    )

    struct FileOptions: ParsableArguments {
        @Option(name: .long, help: "The daemon's data directory (its users.json).") var dataDir: String = "./var"
        var path: String { UserFile.path(dataDirectory: dataDir) }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a console user; the password is asked twice (never on the command line).")
        @OptionGroup var file: FileOptions
        @Argument(help: "The user's name (1–32 letters, digits, '.', '_', '-'; Chinese names welcome).") var name: String
        @Option(name: .long, help: "supervisor (acts on the hall) or admin (sees it).") var role: String
        @Flag(name: .long, help: "Read the password from standard input (one line), for scripts and tests.") var passwordStdin = false

        static var unknownRole: ValidationError { ValidationError("--role must be supervisor or admin") }

        func validate() throws {
            guard ConsoleUser.Role(rawValue: role) != nil else { throw Self.unknownRole }
        }

        func run() throws {
            guard let role = ConsoleUser.Role(rawValue: role) else { throw Self.unknownRole }
            let password: String
            if passwordStdin {
                guard let line = Swift.readLine(strippingNewline: true) else { throw ValidationError("no password on standard input") }
                password = line
            } else {
                let first = try PasswordPrompt.ask("\(name) 的密码 Password for \(name): ")
                let second = try PasswordPrompt.ask("再输入一次 Again: ")
                guard first == second else { throw ValidationError("the two passwords differ; nothing was changed") }
                password = first
            }
            try usageErrors {
                try PrivateFiles.makeDirectory(file.dataDir)
                try UserFile.add(name, role: role, password: password, in: file.path, at: Date())
            }
            printLine("added \(name) (\(role.rawValue)) to \(file.path): sign in at http://SERVER:8080/console")
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a console user; a running daemon ends their sessions within a second or two.")
        @OptionGroup var file: FileOptions
        @Argument(help: "The user's name.") var name: String

        func run() throws {
            try usageErrors { try UserFile.remove(name, in: file.path) }
            printLine("removed \(name): their console sessions end now")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List console users (name, role, when added; never a password).")
        @OptionGroup var file: FileOptions

        func run() throws {
            let users = try usageErrors { try UserFile.load(file.path).users }
            if users.isEmpty { return printLine("no console users yet: kiosk users add NAME --role supervisor") }
            for user in users { printLine("\(user.name)\t\(user.role.rawValue)\tadded \(user.added)") }
        }
    }
}

/// A problem with the users file is a usage error (exit 64), in its own words.
private func usageErrors<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let problem as UserFile.Problem { throw ValidationError(problem.description) }
}
