import Foundation
import KioskCore
import KioskServer
import KioskTestSupport
import Synchronization
import Testing

/// `kiosk demo --no-display` prints each committed event as a line.
@Suite(.timeLimit(.minutes(1))) struct EventPrinterTests {
    final class Lines: Sendable {
        let lines = Mutex<[String]>([])
        func append(_ line: String) { lines.withLock { $0.append(line) } }
        var all: [String] { lines.withLock { $0 } }
    }

    @Test func printsEveryCommittedEventAsOneLine() async throws {
        try await TestDaemon.with { daemon in
            let printed = Lines()
            let printer = Task { try await EventPrinter(hall: daemon.hall, write: printed.append).run() }
            defer { printer.cancel() }
            // The printer subscribes on its own time: take tickets until one shows, then call it.
            var issued = false
            for _ in 0..<20 where !issued {
                let taken = try await daemon.client.take("A")
                #expect(taken.status == 201)
                issued = await eventually(within: 1) { printed.all.contains { $0.contains("取号 A0") } }
            }
            #expect(issued, "\(printed.all)")
            let called = try await daemon.client.window("1", "call")
            #expect(called.status == 200)
            #expect(await eventually(within: 5) { printed.all.contains { $0.contains("请 A001 号到 1号窗口 办理") } }, "\(printed.all)")
            #expect(printed.all.allSatisfy { $0.range(of: #"^\d\d:\d\d:\d\d  "#, options: .regularExpression) != nil })
        }
    }
}
