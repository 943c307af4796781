import ArgumentParser
import KioskServer

/// `kiosk bench-public-reads`: a clerk's call latency with and without a public read flood.
struct BenchPublicReadsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-public-reads",
        abstract: "Measure clerk call latency (p50/p99) with and without a flood of public reads (prints figures)."
    )

    @Option(help: "Clerk requests measured (half without, half with the flood).") var clerkRequests = 300
    @Option(help: "Public reads per second during the flood.") var readsPerSecond = 200

    func run() async throws {
        let figures = try await PublicReadBench(clerkRequests: clerkRequests, readsPerSecond: readsPerSecond).run()
        for line in figures.lines { print(line) }
    }
}
