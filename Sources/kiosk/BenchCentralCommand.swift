import ArgumentParser
import KioskBench

/// `kiosk bench-central`: issue latency of a hall shipping to an unreachable centre against
/// the same hall without `--central` (README "Many halls").
struct BenchCentralCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-central", abstract: "Compare issue latency with --central pointing at an unreachable centre and without --central."
    )
    @Option(help: "Sequential requests on each daemon.") var requests = 400
    @Option(help: "The unreachable centre (default: a closed loopback port; try an address that never answers).") var central: String?

    func run() async throws {
        var bench = CentralLatencyBench()
        bench.requests = requests
        bench.central = central
        let figures = try await bench.run(binary: CommandLine.arguments[0])
        print(figures.json + "\n\n" + figures.table)
    }
}
