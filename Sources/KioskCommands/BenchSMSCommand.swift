import ArgumentParser
import Foundation
import KioskBench

/// `kiosk bench-sms`: a burst through the outbox into a real Kannel on loopback, against
/// Kannel's own accept rate for a bare keep-alive client in the same run (issue 17, goal 5).
struct BenchSMSCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-sms", abstract: "Time a burst of SMS through the outbox into a real Kannel against Kannel's own accept rate.",
        discussion: """
        Needs Kannel (apt-get install kannel kannel-extras): bearerbox, smsbox and fakesmsc are
        started on free loopback ports and stopped at the end.
        """
    )
    @Option(help: "Messages in the burst.") var messages = 2000
    @Option(help: "Messages in flight (the outbox's sms.concurrency, and the bare client's connections).") var concurrency = 16

    func validate() throws {
        if messages < 1 { throw ValidationError("--messages needs at least 1") }
        if !(1...32).contains(concurrency) { throw ValidationError("--concurrency is 1 to 32, as sms.concurrency") }
    }

    func run() async throws {
        var bench = SMSBench()
        bench.messages = messages
        bench.concurrency = concurrency
        bench.onFigure = { key, value in FileHandle.standardError.write(Data("\(key) \(value)\n".utf8)) }
        let figures = try await bench.run()
        print(figures.json + "\n\n" + figures.table)
    }
}
