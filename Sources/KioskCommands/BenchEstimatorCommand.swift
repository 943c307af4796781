import ArgumentParser
import KioskBench

/// `kiosk bench-estimator`: how long one full re-estimate of a busy hall takes.
struct BenchEstimatorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-estimator",
        abstract: "Time one full wait re-estimate (default: 150 waiting tickets, 10 windows) and print the figures."
    )

    @Option(help: "Waiting tickets.") var tickets = 150
    @Option(help: "Windows.") var windows = 10
    @Option(help: "Timed re-estimates.") var iterations = 200
    @Option(help: "Monte Carlo replicates per full re-estimate.") var replicates: Int?

    func run() throws {
        print(EstimatorBench(tickets: tickets, windows: windows, iterations: iterations, replicates: replicates).run())
    }
}
