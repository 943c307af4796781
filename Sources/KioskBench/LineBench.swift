import Foundation

/// The cost of a command and of a read against the length of the line: for each line length
/// (people waiting, ascending), the line is filled to it, then one client measures in turn
/// `GET /v1/services`, `GET /v1/hall` and `POST /v1/tickets` (each ticket cancelled at once, so
/// the line stays at its length). Prints figures; asserts nothing.
struct LineBench {
    var lines: [Int]
    var samples: Int

    /// Figures named `line_<N>_<what>_p50_ms` (and p99), in the order measured. `waiting` is
    /// the line's length before (and after) the run.
    func run(_ client: BenchClient, waiting: inout Int, into figures: inout IssueBench.Figures) async throws {
        for line in lines.sorted() where line >= waiting {
            try await client.fill(line - waiting)
            waiting = line
            var services: [Double] = [], hall: [Double] = [], issue: [Double] = []
            for i in 0..<samples {
                services.append(try await Self.timed { try await client.get("/v1/services") })
                hall.append(try await Self.timed { try await client.get("/v1/hall") })
                var number = ""
                issue.append(try await Self.timed { number = try await client.take(i) })
                try await client.cancel(number)
            }
            for (name, values) in [("issue", issue), ("services", services), ("hall", hall)] {
                let sorted = values.sorted()
                figures.values.append(("line_\(line)_\(name)_p50_ms", IssueBench.percentile(sorted, 0.5) * 1000))
                figures.values.append(("line_\(line)_\(name)_p99_ms", IssueBench.percentile(sorted, 0.99) * 1000))
            }
        }
    }

    /// Seconds `body` took.
    static func timed(_ body: () async throws -> Void) async throws -> Double {
        let started = ContinuousClock.now
        try await body()
        return IssueBench.seconds(ContinuousClock.now - started)
    }
}
