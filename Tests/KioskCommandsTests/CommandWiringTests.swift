import ArgumentParser
import KioskCore
import Testing
@testable import KioskCommands

/// What a parsed command will do, read without running it: the route and role a hall command
/// sends to the daemon, and the defaults a command falls back on.
@Suite struct CommandWiringTests {
    /// Each queue command's route and the role whose token it presents (the route's own role:
    /// a window's token for its clerk's actions, the supervisor's for audited ones).
    @Test(arguments: [
        ("call 3", "/v1/windows/3/call", Role.window("3")),
        ("recall 3", "/v1/windows/3/recall", .window("3")),
        ("start 3", "/v1/windows/3/start", .window("3")),
        ("finish 3", "/v1/windows/3/finish", .window("3")),
        ("noshow 3", "/v1/windows/3/noshow", .window("3")),
        ("park 3", "/v1/windows/3/park", .window("3")),
        ("resume 5", "/v1/windows/5/resume", .window("5")),
        ("pause 3 --until 10:30", "/v1/windows/3/pause", .window("3")),
        ("transfer 3 d", "/v1/windows/3/transfer", .window("3")),
        ("unpark 3 c014", "/v1/windows/3/unpark", .window("3")),
        ("noshow-awaiting 3 C014", "/v1/windows/3/noshow-awaiting", .window("3")),
        ("review 3", "/v1/windows/3/review", .window("3")),
        ("review-next 7", "/v1/windows/7/review/next", .window("7")),
        ("review-approve 7", "/v1/windows/7/review/approve", .window("7")),
        ("review-return 7 缺身份证复印件", "/v1/windows/7/review/return", .window("7")),
        ("call-ticket 3 c014", "/v1/windows/3/call-ticket", .supervisor),
        ("cover 6 5", "/v1/windows/6/cover", .supervisor),
        ("uncover 6", "/v1/windows/6/uncover", .supervisor),
        ("open 9", "/v1/windows/9/open", .supervisor),
        ("close 9", "/v1/windows/9/close", .supervisor),
        ("cancel c014", "/v1/tickets/C014/cancel", .kiosk),
        ("reactivate c014", "/v1/tickets/C014/reactivate", .supervisor),
    ])
    func aQueueCommandCallsItsRouteWithItsRole(_ line: String, _ path: String, _ role: Role) throws {
        let parsed = try Kiosk.parseAsRoot(ShellWords.commands(in: line)[0])
        let command = try #require(parsed as? any HallCommand, "\(line) is not a queue command")
        let call = try command.remote
        #expect(call.path == path)
        #expect(call.role == role)
        #expect(call.method == .post)
    }

    /// A hall command talks to the daemon on this machine with the daemon's token file unless
    /// told otherwise; `--tokens` is the older name of `--token-file`.
    @Test func aHallCommandDefaultsToTheLocalDaemon() throws {
        let take = try #require(try Kiosk.parseAsRoot(["take", "C"]) as? TakeCommand)
        #expect(take.hall.server == "http://127.0.0.1:8080")
        #expect(take.hall.tokens == "./var/tokens.json")
        #expect(take.hall.dataDir == nil && take.hall.config == nil && take.hall.at == nil)
        #expect(take.count == 1 && !take.priority)
        let older = try #require(try Kiosk.parseAsRoot(["take", "C", "--tokens", "k.json"]) as? TakeCommand)
        #expect(older.hall.tokens == "k.json")
    }

    /// `--at` is for a journal worked on directly: against the daemon it is a usage error
    /// while parsing, before anything is sent; with `--data-dir` it parses.
    @Test func atWithoutADataDirectoryIsRefusedBeforeSending() throws {
        #expect(CommandTree.refusal(["take", "C", "--at", "09:00"]) == "--at works only with --data-dir (the daemon keeps its own clock)")
        let take = try #require(try Kiosk.parseAsRoot(["take", "C", "--data-dir", "./var", "--at", "09:00"]) as? TakeCommand)
        #expect(take.hall.at == "09:00")
    }

    @Test func serveListensOnLoopbackPort8080ByDefault() throws {
        let serve = try #require(try Kiosk.parseAsRoot(["serve"]) as? ServeCommand)
        #expect(serve.host == "127.0.0.1" && serve.port == 8080)
        #expect(serve.speed == 1 && serve.centralBatch == 2000)
        #expect(serve.dataDir == nil && serve.tokens == nil && serve.display == nil)
    }

    @Test func aFrontEndDefaultsToTheLocalDaemon() throws {
        let window = try #require(try Kiosk.parseAsRoot(["window", "3"]) as? WindowTerminalCommand)
        #expect(window.device.server == "http://127.0.0.1:8080")
        #expect(window.device.tokens == "./var/tokens.json")
        let machine = try #require(try Kiosk.parseAsRoot(["ticket-machine", "--exit-pin", "1"]) as? TicketMachineCommand)
        #expect(machine.paper == 80 && machine.qr == "raster" && machine.idleTimeout == 60)
    }

    @Test func aTokenIsIssuedFromTheDataDirectorysFile() throws {
        let issue = try #require(try Kiosk.parseAsRoot(["tokens", "issue", "--window", "3", "-o", "w3.token"]) as? TokensCommand.Issue)
        #expect(issue.file.path == "./var/tokens.json")
        let elsewhere = try #require(try Kiosk.parseAsRoot(["tokens", "issue", "--data-dir", "/var/lib/kiosk", "--role", "kiosk", "-o", "k"]) as? TokensCommand.Issue)
        #expect(elsewhere.file.path == "/var/lib/kiosk/tokens.json")
    }

    @Test func aReportReadsTheJournalInVar() throws {
        let report = try #require(try Kiosk.parseAsRoot(["report", "--date", "2026-03-02"]) as? ReportCommand)
        #expect(report.journal.dataDir == "./var")
        let parsed = try report.report.parsed()
        #expect(parsed.from == parsed.to && parsed.format == .table)
    }
}
