import ArgumentParser
import Foundation
import KioskBench

/// `kiosk bench`: starts a daemon (this binary, `serve`) on a temp data dir and measures, on
/// the same disk in one run, the fsync floor, single-client issue latency, the cost of an
/// issue and of the public reads against the line's length (`--line`), throughput at 1/8/64
/// concurrent clients (group commit), RSS after 10 000 tickets and restart time with that
/// journal. A benchmark prints figures; it asserts nothing.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Measure durable issue latency, cost against the line's length, group-commit throughput, memory and restart time.",
        discussion: """
        kiosk bench --hall city --line 2000 measures POST /v1/tickets, GET /v1/services and GET /v1/hall
        at 10, 100, 300, 1000 and 2000 people waiting on scripts/bench-halls/city.json (40 windows,
        20 services), then throughput, memory and restart with the line that is left.
        """
    )

    @Option(help: "Sequential requests for the latency figure (default 300; 0 with --line).") var latencyRequests: Int?
    @Option(help: "Tickets per throughput run.") var throughputTickets = 1200
    @Option(help: "Tickets in the journal before measuring memory and restart.") var dayTickets = 10_000
    @Option(help: "The hall: a name under scripts/bench-halls (city) or a config file (default: 26 services, 10 windows).") var hall: String?
    @Option(help: "The longest line to measure at (people waiting); also at 10, 100, 300 and 1000 below it. Repeat for exact lengths.") var line: [Int] = []
    @Option(help: "Requests of each kind per line length.") var lineSamples = 60
    @Option(help: "Also write the figures as JSON here.") var json: String?

    func validate() throws {
        if line.contains(where: { $0 < 1 }) { throw ValidationError("--line needs a positive number of people waiting") }
        if lineSamples < 1 { throw ValidationError("--line-samples needs at least 1") }
    }

    func run() async throws {
        var bench = IssueBench()
        bench.latencyRequests = latencyRequests ?? (line.isEmpty ? 300 : 0)
        bench.throughputTickets = throughputTickets
        bench.dayTickets = dayTickets
        bench.lines = line.count == 1 ? [10, 100, 300, 1000].filter { $0 < line[0] } + line : line
        bench.lineSamples = lineSamples
        if let hall { bench.hallJSON = try String(contentsOfFile: Self.hallFile(hall), encoding: .utf8) }
        // Each figure on stderr as it is measured; the whole set on stdout at the end.
        bench.onFigure = { key, value in FileHandle.standardError.write(Data("\(key) \(value)\n".utf8)) }
        let figures = try await bench.run(binary: CommandLine.arguments[0])
        print(figures.json + "\n\n" + figures.table)
        if let json { try (figures.json + "\n").write(toFile: json, atomically: true, encoding: .utf8) }
    }

    /// `name` as a file, else `scripts/bench-halls/NAME.json` under this directory or the
    /// checkout the binary was built in (`.build/<config>/kiosk`).
    static func hallFile(_ name: String) throws -> String {
        if FileManager.default.fileExists(atPath: name) { return name }
        var roots = [FileManager.default.currentDirectoryPath]
        var binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        for _ in 0..<4 {
            binary.deleteLastPathComponent()
            roots.append(binary.path)
        }
        for root in roots {
            let path = root + "/scripts/bench-halls/" + name + ".json"
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        throw ValidationError("no hall \(name): not a file, and no scripts/bench-halls/\(name).json here or above the binary")
    }
}
