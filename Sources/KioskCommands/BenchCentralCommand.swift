import ArgumentParser
import KioskBench

/// `kiosk bench-central`: issue latency of a hall shipping to a centre that is down and to one
/// that has stalled, against the same hall without `--central` (README "Many halls").
struct BenchCentralCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-central", abstract: "Compare issue latency without --central, with a centre that is down and with one that has stalled."
    )
    @Option(help: "Sequential requests on each daemon.") var requests = 400
    @Option(help: "The centre that is down (default: a closed loopback port; try an address that never answers).") var central: String?

    func run() async throws {
        var bench = CentralLatencyBench()
        bench.requests = requests
        bench.central = central
        let figures = try await bench.run(binary: CommandLine.arguments[0])
        print(figures.json + "\n\n" + figures.table)
    }
}
