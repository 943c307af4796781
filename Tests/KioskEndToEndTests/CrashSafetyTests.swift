import Foundation
import KioskTestSupport
import KioskCore
import KioskStore
import Testing

/// "Nothing acknowledged is ever lost": a ticket the kiosk printed survives kill -9.
@Suite struct CrashSafetyTests {
    @Test func everyAcknowledgedTicketSurvivesSigkill() throws {
        let dir = NSTemporaryDirectory() + "kiosk-crash-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let seed = UInt64(ProcessInfo.processInfo.environment["KIOSK_CRASH_SEED"] ?? "") ?? 20_261_126
        var rng = SplitMix64(seed: seed)
        let cycles = Int(ProcessInfo.processInfo.environment["KIOSK_CRASH_CYCLES"] ?? "") ?? 40
        let config = HallConfig.defaultHall
        let day = BusinessDate("2026-03-02")!
        var acknowledged: [String] = []

        for _ in 0..<cycles {
            let service = ["A", "B", "C"].randomElement(using: &rng)!
            let process = Process()
            process.executableURL = KioskBinary.url
            process.arguments = ["take", service, "--count", "500", "--data-dir", dir, "--at", "\(day) 09:30"]
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32.random(in: 30_000...400_000, using: &rng))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            // A line is printed only after its transaction committed: those are the acknowledged tickets.
            for line in printed.split(separator: "\n") where line.hasPrefix("ticket ") {
                acknowledged.append(String(line.split(separator: " ")[1]))
            }
        }

        let journal = try SQLiteJournal(path: dir + "/journal.sqlite", calendar: QueueEngine(config: config).calendar)
        let issued = try journal.events(on: day).compactMap(\.event.issuedTicket)
        let lost = Set(acknowledged).subtracting(issued)
        let duplicates = issued.count - Set(issued).count
        print("crash-test: seed=\(seed) cycles=\(cycles) acknowledged=\(acknowledged.count) in-journal=\(issued.count) lost=\(lost.count) duplicates=\(duplicates)")

        #expect(acknowledged.count > cycles, "the child must have acknowledged tickets before most kills")
        #expect(lost.isEmpty, "acknowledged but missing: \(lost.sorted())")
        #expect(duplicates == 0)
        #expect(Set(acknowledged).count == acknowledged.count, "a number was acknowledged twice")
        // Numbering continued across every restart without reuse or gaps.
        for service in ["A", "B", "C"] {
            let numbers = issued.filter { $0.hasPrefix(service) }.compactMap { Int($0.dropFirst()) }
            #expect(numbers == Array(1...max(numbers.count, 1)).prefix(numbers.count).map { $0 })
        }
        // At most one ticket per kill was committed but never acknowledged.
        #expect(issued.count - acknowledged.count <= cycles)
    }
}
