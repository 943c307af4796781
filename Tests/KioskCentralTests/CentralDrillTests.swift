import Foundation
import KioskCentral
import KioskCore
import KioskStore
import KioskTestSupport
import Logging
import Testing

/// The drill: three hall daemons ship to the centre while windows call; the centre is stopped
/// (the halls answer on) and restarted; one daemon is killed with SIGKILL while it drains its
/// backlog, and restarted. Afterwards every journal row of every hall is in the centre exactly
/// once, in order, as the journal has it.
@Suite(.serialized) struct CentralDrillTests {
    static let halls = ["h1", "h2", "h3"]

    /// One morning's burst at a hall: `tickets` issued at the kiosk, then window 1 calls,
    /// starts and finishes each. Every request must succeed, centre or no centre.
    static func traffic(_ daemon: DaemonProcess, tickets: Int) throws {
        let kiosk = try daemon.token("kiosk"), window = try daemon.token("windows.1")
        for _ in 0..<tickets {
            #expect(try daemon.post("/v1/tickets", #"{"service":"A"}"#, token: kiosk) == 201)
        }
        for _ in 0..<tickets {
            for action in ["call", "start", "finish"] {
                #expect(try daemon.post("/v1/windows/1/\(action)", "{}", token: window) == 200, "\(action)")
            }
        }
    }

    @Test func everyRowArrivesOnceAndInOrderThroughAnOutageAndAKill() async throws {
        try await CentralFixtures.withCentre("drill") { pg, root in
            let migrate = try await runKiosk(["central", "migrate", "--central", pg.url(), "--from", "2026-03", "--months-ahead", "0"] + Self.halls.flatMap { ["--hall", $0] })
            try #require(migrate.status == 0, "\(migrate.stderr)")

            var daemons: [String: DaemonProcess] = [:]
            var configs: [String: String] = [:]
            for id in Self.halls {
                configs[id] = try CentralFixtures.config(id: id, in: root)
                let daemon = DaemonProcess(dataDir: root + "/" + id)
                // h2 ships in small batches: its backlog takes many, and the kill lands among them.
                daemon.extraArguments = ["--central", pg.url(user: "hall_" + id), "--central-batch", id == "h2" ? "4" : "50"]
                try await daemon.start(at: "2026-03-02 09:00", config: configs[id])
                daemons[id] = daemon
            }
            defer { for daemon in daemons.values { daemon.stop() } }

            func caughtUp(_ id: String) throws -> Bool {
                let journal = try CentralFixtures.journalRows(daemons[id]!.dataDir)
                return try CentralFixtures.centralRows(pg, hall: id).count == journal.count
            }

            for id in Self.halls { try Self.traffic(daemons[id]!, tickets: 5) }
            try await eventually("the centre holds every hall's rows", within: 30) { try Self.halls.allSatisfy(caughtUp) }

            // The centre away: the halls answer on, the backlog grows.
            try pg.stop()
            for id in Self.halls { try Self.traffic(daemons[id]!, tickets: 20) }
            let h2 = daemons["h2"]!
            let before = try CentralFixtures.journalRows(h2.dataDir).count
            try pg.start()

            // h2 killed while it drains (its centre count between where it was and its journal's end).
            let shippedBefore = try CentralFixtures.centralRows(pg, hall: "h2").count
            var atKill = shippedBefore
            _ = await eventually(within: 60, every: .milliseconds(5)) {
                atKill = (try? CentralFixtures.centralRows(pg, hall: "h2").count) ?? 0
                return atKill > shippedBefore
            }
            h2.kill()
            print("drill: h2 killed with \(atKill) of \(before) rows in the centre (\(shippedBefore) before the outage ended)")
            try await h2.start(at: "2026-03-02 09:00", config: configs["h2"])
            for id in Self.halls { try Self.traffic(daemons[id]!, tickets: 3) }

            try await eventually("the centre holds every hall's rows after the outage and the kill", within: 90) { try Self.halls.allSatisfy(caughtUp) }
            var total = 0
            for id in Self.halls {
                let journal = try CentralFixtures.journalRows(daemons[id]!.dataDir)
                let central = try CentralFixtures.centralRows(pg, hall: id)
                #expect(central == journal, "hall \(id): every row once, in order, as written")
                total += central.count
            }
            #expect(try pg.psql("SELECT count(*) FROM journal_row WHERE stream = 'event'") == String(total), "nothing else, nothing twice")
            let resent = h2.log.split(separator: "\n").filter { $0.contains("shipped to the centre") }.compactMap { line -> Int? in
                guard let range = line.range(of: #"resent=\d+"#, options: .regularExpression) else { return nil }
                return Int(line[range].dropFirst("resent=".count))
            }.reduce(0, +)
            print("drill: \(total) event rows in the centre for 3 halls, lost 0, twice 0; h2 resent \(resent) after its kill")

            // The reports agree: each hall's own report of the day (its journal) equals the one the
            // centre's rows give, every field of it (estimates and SMS outcomes included).
            let day = BusinessDate(year: 2026, month: 3, day: 2)
            try pg.psql("CREATE ROLE city LOGIN IN ROLE kiosk_reader")
            let session = try await CentralSession.connect(CentralAddress(pg.url(user: "city")), logger: Logger(label: "test"))
            defer { Task { await session.close() } }
            let source = CentralReportSource(session: session)
            for id in Self.halls {
                let config = try HallConfig.load(json: String(contentsOfFile: configs[id]!, encoding: .utf8))
                let own = try JournalReport.openReadOnly(dataDirectory: daemons[id]!.dataDir, config: config).report(from: day, to: day, today: day)
                try await eventually("hall \(id)'s printed estimates reach the centre", within: 30) {
                    try await source.input(hall: id, from: day, to: day).report(from: day, to: day, today: day).estimates == own.estimates
                }
                let central = try await source.input(hall: id, from: day, to: day).report(from: day, to: day, today: day)
                #expect(central == own, "hall \(id): the centre's report is the hall's own")
                #expect(own.hall.issued == 28 && own.estimates.called > 0, "a real day: \(own.hall.issued) issued, \(own.estimates.called) called with an estimate")
            }
            // And through the command line: the city report's hall blocks are the halls' own.
            let city = try await runKiosk(["central", "report", "--central", pg.url(user: "city"), "--date", "2026-03-02", "--format", "json"])
            #expect(city.status == 0, "\(city.stderr)")
            let cityJSON = try JSONParser.parse(city.stdout).value
            guard case let .array(entries)? = cityJSON["halls"] else {
                Issue.record("no halls[] in \(city.stdout.prefix(300))")
                return
            }
            #expect(entries.compactMap { $0["id"]?.stringValue } == Self.halls)
            var issued = 0
            for (entry, id) in zip(entries, Self.halls) {
                let own = try await runKiosk(["report", "--date", "2026-03-02", "--format", "json", "--config", configs[id]!, "--data-dir", daemons[id]!.dataDir])
                let ownJSON = try JSONParser.parse(own.stdout).value
                for key in ["hall", "days", "services", "ratings"] {
                    #expect(entry[key] == ownJSON[key], "hall \(id): \(key)")
                }
                issued += ownJSON["hall"]?["issued"]?.intValue ?? 0
            }
            #expect(cityJSON["hall"]?["issued"]?.intValue == issued, "the totals add the halls up")
        }
    }
}
