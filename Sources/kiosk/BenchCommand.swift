import ArgumentParser
import Foundation
import KioskBench

/// `kiosk bench`: starts a daemon (this binary, `serve`) on a temp data dir and measures, on
/// the same disk in one run, the fsync floor, single-client issue latency, throughput at 1/8/64
/// concurrent clients (group commit), RSS after 10 000 tickets and restart time with that
/// journal. A benchmark prints figures; it asserts nothing.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench", abstract: "Measure durable issue latency, group-commit throughput, memory and restart time.")

    @Option(help: "Sequential requests for the latency figure.") var latencyRequests = 300
    @Option(help: "Tickets per throughput run.") var throughputTickets = 1200
    @Option(help: "Tickets in the journal before measuring memory and restart.") var dayTickets = 10_000
    @Option(help: "Also write the figures as JSON here.") var json: String?

    func run() async throws {
        var bench = IssueBench()
        bench.latencyRequests = latencyRequests
        bench.throughputTickets = throughputTickets
        bench.dayTickets = dayTickets
        let figures = try await bench.run(binary: CommandLine.arguments[0])
        print(figures.json + "\n\n" + figures.table)
        if let json { try (figures.json + "\n").write(toFile: json, atomically: true, encoding: .utf8) }
    }
}
