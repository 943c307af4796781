import Testing
@testable import KioskCommands

/// Each command's `validate()`: a wrong value is refused while parsing, before anything runs
/// (no journal, file or daemon is touched), with the message `kiosk` prints after `Error: `.
@Suite struct ValidationMessagesTests {
    @Test(arguments: [
        (["appointment", "book", "C", "--date", "03/03/2026", "--time", "09:30"], "--date: expected YYYY-MM-DD, got '03/03/2026'"),
        (["appointment", "book", "C", "--date", "2026-03-03", "--time", "9h30"], "--time: expected HH:MM, got '9h30'"),
        (["appointment", "book", "C", "--date", "2026-03-03", "--time", "09:30", "--phone", "12345"],
         "--phone: not a mainland mobile number (11 digits starting 13–19): 12345"),
        (["appointment", "list", "--date", "tomorrow"], "--date: expected YYYY-MM-DD, got 'tomorrow'"),
        (["bench", "--line", "300", "--line", "0"], "--line needs a positive number of people waiting"),
        (["bench", "--line-samples", "0"], "--line-samples needs at least 1"),
        (["take", "C", "--phone", "12345"], "--phone: not a mainland mobile number (11 digits starting 13–19): 12345"),
        (["take", "C", "--caretaker", "10086"], "--caretaker: not a mainland mobile number: 10086"),
        (["take", "C", "--count", "0"], "--count must be at least 1"),
        (["ticket-machine", "--exit-pin", "1", "--paper", "60"], "--paper must be 58 or 80"),
        (["ticket-machine", "--exit-pin", "1", "--qr", "laser"], "--qr must be native or raster"),
        (["ticket-machine", "--exit-pin", "1", "--idle-timeout", "0"], "--idle-timeout must be positive"),
        (["ticket-machine", "--exit-pin", "12a4"], "--exit-pin must be 1–12 digits (the keypad has only digits)"),
        (["ticket-machine", "--exit-pin", "1234567890123"], "--exit-pin must be 1–12 digits (the keypad has only digits)"),
        (["ticket-machine", "--exit-pin", "1", "--priority-groups", " /elderly"], "--priority-groups: expected 'Chinese/English,…'"),
        (["backup", "--keep", "0", "/var/backups/kiosk"], "--keep must be at least 1"),
        (["central", "push", "--data-dir", "./var", "--central", "postgres://hall_a@centre/kiosk", "--batch", "0"], "--batch must be 1…50000"),
        (["serve", "--central-batch", "50001"], "--central-batch must be 1…50000"),
        (["report", "--date", "2026-03-02", "--format", "pdf"], "--format must be one of table, json, csv, html"),
        (["report"], "--give date, or from (and to)"),
        (["report", "--date", "2026-03-02", "--from", "2026-03-01"], "--give either date, or from and to, not both"),
        (["central", "report", "--central", "postgres://city_reader@centre/kiosk", "--from", "3月2日"], "--from must be a date YYYY-MM-DD, got \"3月2日\""),
        (["ratings", "export", "--from", "2026-03-01", "--format", "xlsx"], "--format: only csv"),
        (["ratings", "export", "--from", "2026-03-01", "--to", "March"], "--to must be a date YYYY-MM-DD, got \"March\""),
        (["export", "--date", "2026/03/02"], "--date: expected YYYY-MM-DD, got '2026/03/02'"),
        (["display", "--coalesce-ms", "2000"], "--coalesce-ms must be 0…1000"),
        (["display", "--bench", "0"], "--bench needs a positive number of calls"),
        (["display", "--server", "ftp://hall"], "--server: expected http://host[:port], got 'ftp://hall'"),
        (["display", "--size", "0x40"], "expected --size WxH like 120x40 (1 to 1000 each) but found \"0x40\""),
        (["layouts", "render", "main-hall", "--size", "big"], "expected --size WxH like 120x40 (1 to 1000 each) but found \"big\""),
        (["layouts", "bench", "main-hall", "--size", "1001x40"], "expected --size WxH like 120x40 (1 to 1000 each) but found \"1001x40\""),
        (["take", "C", "--at", "09:00"], "--at works only with --data-dir (the daemon keeps its own clock)"),
        (["take", "C", "--data-dir", "./var", "--at", "9h"], "--at: expected 'YYYY-MM-DD HH:MM[:SS]' or 'HH:MM[:SS]', got '9h'"),
        (["status", "--data-dir", "./var", "--at", "2026-03-02 25:00"], "--at: expected 'YYYY-MM-DD HH:MM[:SS]' or 'HH:MM[:SS]', got '2026-03-02 25:00'"),
        (["advice", "--data-dir", "./var", "--at", "noon"], "--at: expected 'YYYY-MM-DD HH:MM[:SS]' or 'HH:MM[:SS]', got 'noon'"),
        (["serve", "--start-at", "tomorrow"], "--start-at: expected 'YYYY-MM-DD HH:MM[:SS]' or 'HH:MM[:SS]', got 'tomorrow'"),
        (["serve", "--start-at", "08:00", "--speed", "3601"], "--speed must be in (0, 3600]"),
        (["demo", "--start-at", "8"], "--start-at: expected 'YYYY-MM-DD HH:MM[:SS]' or 'HH:MM[:SS]', got '8'"),
        (["demo", "--speed", "0"], "--speed must be in (0, 600]"),
        (["sms", "kannel-config", "--callback-url", "ftp://hall"], "--callback-url must be an http:// or https:// URL, found \"ftp://hall\""),
        (["review-return", "5", ""], "the reason must be 1–20 characters on one line"),
        (["review-return", "5", "缺身份证复印件缺身份证复印件缺身份证复印件"], "the reason must be 1–20 characters on one line"),
        (["pause", "3", "--until", "10.30"], "--until: expected HH:MM, got '10.30'"),
        (["clock", "confirm", "--data-dir", "./var"], "clock confirm talks to the daemon (its clock): leave out --data-dir"),
        (["users", "add", "wang", "--role", "clerk"], "--role must be supervisor or admin"),
    ])
    func aWrongValueIsRefusedWithItsMessage(_ arguments: [String], _ message: String) {
        #expect(CommandTree.refusal(arguments) == message)
    }

    /// The same commands with right values pass validation (the refusals above are the values'
    /// doing, not the command's).
    @Test(arguments: [
        ["appointment", "book", "C", "--date", "2026-03-03", "--time", "09:30", "--phone", "13800138000"],
        ["appointment", "list", "--date", "2026-03-03"],
        ["bench", "--line", "300", "--line-samples", "1"],
        ["take", "C", "--phone", "13800138000", "--caretaker", "19912345678", "--count", "3"],
        ["ticket-machine", "--exit-pin", "123456789012", "--paper", "58", "--qr", "native", "--idle-timeout", "0.5", "--priority-groups", "老年人/elderly,孕妇"],
        ["backup", "--keep", "1", "/var/backups/kiosk"],
        ["central", "push", "--data-dir", "./var", "--central", "postgres://hall_a@centre/kiosk", "--batch", "50000"],
        ["serve", "--central-batch", "1"],
        ["report", "--from", "2026-03-01", "--to", "2026-03-31", "--format", "html"],
        ["ratings", "export", "--from", "2026-03-01", "--to", "2026-03-31"],
        ["export", "--date", "2026-03-02"],
        ["display", "--coalesce-ms", "0", "--server", "http://10.0.0.5:8080", "--size", "80x24"],
        ["display", "--bench", "1", "--server", "not a url"],
        ["layouts", "render", "main-hall", "--size", "1000x1"],
        ["take", "C", "--data-dir", "./var", "--at", "2026-03-02 09:00:30"],
        ["advice", "--data-dir", "./var", "--at", "09:00"],
        ["serve", "--start-at", "2026-03-02 08:00", "--speed", "3600"],
        ["demo", "--start-at", "14:30", "--speed", "600"],
        ["sms", "kannel-config", "--callback-url", "https://q.example.gov.cn"],
        ["review-return", "5", " 缺身份证复印件 "],
        ["pause", "3", "--until", "10:30"],
        ["clock", "confirm"],
        ["users", "add", "wang", "--role", "admin"],
    ])
    func aRightValuePasses(_ arguments: [String]) {
        #expect(CommandTree.refusal(arguments) == nil)
    }
}
