import ArgumentParser
import Foundation
import KioskCore
import KioskServer

/// `kiosk tokens issue|rotate|list`: one token per device, from the daemon's own tokens.json.
struct TokensCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens",
        abstract: "Give each device only its own token: issue a device's token file, rotate a token, list them (masked).",
        subcommands: [Issue.self, Rotate.self, List.self]
    )

    /// Where the daemon's token file is, and the hall whose windows it must cover.
    struct FileOptions: ParsableArguments {
        @Option(name: .long, help: "The daemon's data directory (its tokens.json).") var dataDir: String = "./var"
        @Option(name: .long, help: "The daemon's token file (default: DATA-DIR/tokens.json).") var tokens: String?
        @Option(name: .long, help: "Hall config: windows it has that the file lacks get tokens first (as `kiosk serve` does at start).")
        var config: String?

        var path: String { tokens ?? dataDir + "/tokens.json" }

        /// The file's tokens, with every window of `--config` given one (the file is created if missing).
        func load() throws -> AccessTokens {
            do {
                guard let config else { return try AccessTokenFile.load(path) }
                let (tokens, added) = try AccessTokenFile.loadOrCreate(path, for: try HallOptions.load(configPath: config))
                if !added.isEmpty { printError("new windows got tokens: \(added.joined(separator: ", "))") }
                return tokens
            } catch let error as TokenFileError {
                throw ValidationError(error.description)
            }
        }
    }

    /// The role `--role NAME` or `--window ID` names; a wrong one is a usage error.
    static func role(named name: String?, window: String?) throws -> Role {
        do {
            return try AccessTokenFile.role(named: name, window: window)
        } catch let error as TokenFileError {
            throw ValidationError(error.message)
        }
    }

    struct RoleOptions: ParsableArguments {
        @Option(name: .long, help: "kiosk, display, supervisor or admin.") var role: String?
        @Option(name: .long, help: "A window's id (its clerk's token).") var window: String?

        func resolved() throws -> Role { try TokensCommand.role(named: role, window: window) }
    }

    struct Issue: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write one device's token file (0600) holding only its own token.")
        @OptionGroup var file: FileOptions
        @OptionGroup var who: RoleOptions
        @Option(name: .short, help: "The device's token file to write.") var output: String

        func run() throws {
            let role = try who.resolved()
            let tokens = try file.load()
            guard let token = tokens.token(for: role) else {
                throw ValidationError("\(file.path) has no \(role.auditName) token (a window must be in the hall config: pass --config, or start the daemon once)")
            }
            try AccessTokenFile.writeDevice(role: role, token: token, to: output)
            printLine("wrote \(output) (0600): the \(role.auditName) token only")
        }
    }

    struct Rotate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Give a role a fresh token; the running daemon takes it within ~2 s and the old one stops working.",
            discussion: "kiosk tokens rotate kiosk · kiosk tokens rotate --window 3 -o win3.token"
        )
        @OptionGroup var file: FileOptions
        @Argument(help: "kiosk, display, supervisor or admin (or use --window N).") var roleName: String?
        @Option(name: .long, help: "A window's id.") var window: String?
        @Option(name: .short, help: "Also write the device's new token file here (0600).") var output: String?

        func run() throws {
            let role = try TokensCommand.role(named: roleName, window: window)
            _ = try file.load()
            let token: String
            do {
                token = try AccessTokenFile.rotate(role, in: file.path)
            } catch let error as TokenFileError {
                throw ValidationError(error.description)
            }
            if let output { try AccessTokenFile.writeDevice(role: role, token: token, to: output) }
            printLine("rotated the \(role.auditName) token: \(AccessTokenFile.masked(token))" + (output.map { "; wrote \($0) (0600)" } ?? ""))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every role's token, masked.")
        @OptionGroup var file: FileOptions

        func run() throws {
            for line in AccessTokenFile.listing(try file.load()) { printLine(line) }
        }
    }
}
