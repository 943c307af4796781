import ArgumentParser
import Testing
@testable import KioskCommands

/// Every command parses a documented use of it in process: the README's words where it has
/// them, else its usage line with its required arguments filled in. A command added without an
/// example here fails `everyCommandHasAnExample`.
@Suite struct CommandExamplesTests {
    static let examples: [String] = [
        "serve --config /etc/kiosk/hall.json --central postgres://hall_fj-liancheng-rsj@centre/kiosk",
        "serve --data-dir ./var --host 0.0.0.0 --port 8081 --start-at '2026-03-02 08:55' --speed 60 --display main-hall",
        "tokens issue --data-dir /var/lib/kiosk --role kiosk -o kiosk.token",
        "tokens issue --data-dir /var/lib/kiosk --window 3 -o window3.token",
        "tokens rotate --data-dir /var/lib/kiosk --window 3 -o /var/lib/kiosk/window3.token",
        "tokens rotate booking",
        "tokens list --data-dir /var/lib/kiosk",
        "users add 王芳 --role supervisor --data-dir /var/lib/kiosk",
        "users add it.li --role admin --password-stdin",
        "users remove 王芳 --data-dir /var/lib/kiosk",
        "users list --data-dir /var/lib/kiosk",
        "bench-public-reads --clerk-requests 200 --reads-per-second 50",
        "display --server http://SERVER:8080 --token-file display.token",
        "display --layout main-hall --size 120x40 --bench 500",
        "stats --data-dir ./var",
        "advice --data-dir ./var --at 10:30 --json",
        "bench --hall city --line 2000",
        "bench-central --requests 100",
        "bench-sms --messages 2000 --concurrency 16",
        "replay trace.jsonl --predictions p.jsonl --updates u.jsonl --history d1.jsonl --history d2.jsonl",
        "bench-estimator --tickets 300 --windows 8",
        "config check /etc/kiosk/hall.json",
        "config check --central a.json b.json",
        "config apply /etc/kiosk/hall.json --token-file /var/lib/kiosk/tokens.json",
        "config add-service 3 C --config /etc/kiosk/hall.json",
        "config show-default",
        "guide C --config hall.json",
        "appointment book C --date 2026-03-03 --time 09:30 --phone 13800138000",
        "appointment cancel 042137",
        "appointment check-in 042137 --data-dir ./var --at '2026-03-03 09:25'",
        "appointment list --date 2026-03-03",
        "layouts check layouts",
        "layouts render layouts/main-hall.layout --size 80x24 --frame",
        "layouts bench layouts/main-hall.layout --size 120x40",
        "demo --speed 30 --seconds 20 --no-display",
        "walkthrough --data-dir /tmp/walk",
        "status --data-dir ./var",
        "export --data-dir ./var --date 2026-03-02 -o day.jsonl",
        "import day.jsonl --data-dir ./var",
        "central migrate --central postgres://kiosk_owner@centre/kiosk --hall fj-liancheng-rsj --hall fj-qingxi-rsj",
        "central push --data-dir /var/lib/kiosk --central postgres://hall_fj-liancheng-rsj@centre/kiosk",
        "central report --central postgres://city_reader@centre/kiosk --date 2026-03-02 --format json",
        "central serve --central postgres://city_reader@centre/kiosk --data-dir /var/lib/kiosk-central --port 8090",
        "report --data-dir ./var --from 2026-03-02 --to 2026-03-06 --format csv -o week.csv",
        "sms kannel-config --data-dir /var/lib/kiosk --config hall.json",
        "backup --data-dir /var/lib/kiosk --config /etc/kiosk/hall.json --keep 14 /var/backups/kiosk",
        "verify --config /etc/kiosk/hall.json /var/backups/kiosk/kiosk-journal-2026-03-02.sqlite",
        "restore /var/backups/kiosk/kiosk-journal-2026-03-02.sqlite --data-dir /var/lib/kiosk --config /etc/kiosk/hall.json",
        "clock confirm",
        "take C --priority --phone 13800138000 --caretaker 13900139000",
        "cancel C014",
        "reactivate C014 --by 王芳",
        "ticket-machine --server http://SERVER:8080 --token-file kiosk.token --paper 58 --qr native --exit-pin 2468",
        "window 3 --server http://SERVER:8080 --token-file window3.token",
        "window 7 --supervisor --review",
        "rate-pad 3 --token-file window3.token",
        "ratings followups --data-dir ./var --all",
        "ratings close 12 --note '已回电说明'",
        "ratings export --data-dir ./var --from 2026-03-01 --to 2026-03-31 --format csv",
        "call 3", "recall 3", "start 3", "finish 3", "noshow 3", "park 3", "resume 5",
        "call-ticket 3 C014 --by 王芳",
        "transfer 3 D",
        "unpark 3 C014",
        "noshow-awaiting 3 C014",
        "review 3 --note '材料齐全'",
        "review-next 7", "review-approve 7",
        "review-return 7 '缺少身份证复印件'",
        "pause 3 --until 10:30",
        "cover 6 5", "uncover 6", "uncover 6 5",
        "open 9", "close 9",
    ]

    @Test(arguments: examples)
    func theExampleParsesAsItsCommand(_ line: String) throws {
        let arguments = try #require(ShellWords.commands(in: line).first)
        let words = CommandTree.words(naming: arguments)
        let expected = try #require(CommandTree.leaves.first { $0.words == words }, "no command \(words)")
        let parsed = try Kiosk.parseAsRoot(arguments)
        #expect(type(of: parsed) == expected.type, "\(line) parsed as \(type(of: parsed))")
    }

    @Test func everyCommandHasAnExample() {
        let named = Set(Self.examples.compactMap { ShellWords.commands(in: $0).first.map(CommandTree.words(naming:)) })
        let missing = CommandTree.leaves.map(\.words).filter { $0 != ["help"] && !named.contains($0) }
        #expect(missing.isEmpty, "commands without an example: \(missing.map { $0.joined(separator: " ") })")
        #expect(CommandTree.leaves.count > 70)
    }

    /// A command's required arguments are required: without them it is refused by name.
    @Test(arguments: [
        (["take"], "Missing expected argument '<service>'"),
        (["call"], "Missing expected argument '<window>'"),
        (["transfer", "3"], "Missing expected argument '<service>'"),
        (["tokens", "issue", "--role", "kiosk"], "Missing expected argument '-o <o>'"),
        (["users", "add", "王芳"], "Missing expected argument '--role <role>'"),
        (["replay", "t.jsonl"], "Missing expected argument '--predictions <predictions>'"),
        (["import", "t.jsonl"], "Missing expected argument '--data-dir <data-dir>'"),
        (["central", "push", "--data-dir", "./var"], "Missing expected argument '--central <central>'"),
        (["appointment", "book", "C", "--date", "2026-03-03"], "Missing expected argument '--time <time>'"),
        (["ratings", "export"], "Missing expected argument '--from <from>'"),
        (["config", "add-service", "3", "C"], "Missing expected argument '--config <config>'"),
        (["bench", "--line", "many"], "The value 'many' is invalid for '--line <line>'"),
        (["serve", "--port", "http"], "The value 'http' is invalid for '--port <port>'"),
        (["take", "C", "--no-such-option"], "Unknown option '--no-such-option'"),
    ])
    func aMissingOrWrongArgumentIsNamed(_ arguments: [String], _ message: String) {
        let refusal = CommandTree.refusal(arguments)
        #expect(refusal?.hasPrefix(message) == true, "\(arguments): \(refusal ?? "parsed")")
    }
}
