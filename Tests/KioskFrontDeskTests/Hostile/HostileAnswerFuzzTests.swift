import Foundation
import KioskAPI
import KioskCore
import KioskDisplay
import KioskTestSupport
import Testing
@testable import KioskFrontDesk

/// Every decoder a client runs on the daemon's answers, fed hostile variants of the API
/// samples (`HostileInput`, fixed seeds): each input must end as a value within bounds or a
/// typed error, never a trap. What each front end then draws or prints from a decoded value
/// must stay within its screen or paper and carry no control character.
@Suite struct HostileAnswerFuzzTests {
    /// Inputs per decoder.
    static let variants = 10_000

    /// The answer types clients decode, each with the decoder the client runs.
    static let decoders: [String: @Sendable (Data) throws -> any Encodable] = [
        "HealthAnswer": { try APICoding.decode(HealthAnswer.self, from: $0) },
        "ErrorAnswer": { try APICoding.decode(ErrorAnswer.self, from: $0) },
        "ServiceList": { try APICoding.decode(ServiceList.self, from: $0) },
        "TicketStatus": { try APICoding.decode(TicketStatus.self, from: $0) },
        "IssuedTicketAnswer": { try APICoding.decode(IssuedTicketAnswer.self, from: $0) },
        "WindowStatus": { try APICoding.decode(WindowStatus.self, from: $0) },
        "WindowCommandAnswer": { try APICoding.decode(WindowCommandAnswer.self, from: $0) },
        "CommandAnswer": { try APICoding.decode(CommandAnswer.self, from: $0) },
        "EventsAnswer": { try APICoding.decode(EventsAnswer.self, from: $0) },
        "HallSnapshot": { try APICoding.decode(HallSnapshot.self, from: $0) },
        "StatsAnswer": { try APICoding.decode(StatsAnswer.self, from: $0) },
        "DeliveryReportAnswer": { try APICoding.decode(DeliveryReportAnswer.self, from: $0) },
        "RatingAnswer": { try APICoding.decode(RatingAnswer.self, from: $0) },
        "FollowUpList": { try APICoding.decode(FollowUpList.self, from: $0) },
        "FollowUpStatus": { try APICoding.decode(FollowUpStatus.self, from: $0) },
        "AdviceAnswer": { try APICoding.decode(AdviceAnswer.self, from: $0) },
    ]

    /// The samples (`APISamples`) of each answer type, by the route and status they answer.
    static func samples(of type: String) throws -> [String] {
        try APISamples.all().filter { sample in
            switch (sample.path, sample.status) {
            case (_, "request"): return false
            case (_, let status) where status.hasPrefix("4"): return type == "ErrorAnswer"
            case ("/healthz", _): return type == "HealthAnswer"
            case ("/v1/services", _): return type == "ServiceList"
            case ("/v1/tickets/{number}", _): return type == "TicketStatus"
            case ("/v1/tickets", _): return type == "IssuedTicketAnswer"
            case ("/v1/windows/{id}", _): return type == "WindowStatus"
            case ("/v1/windows/{id}/rating", _): return type == "RatingAnswer"
            case (let path, _) where path.hasPrefix("/v1/windows/{id}/"): return type == "WindowCommandAnswer" || type == "CommandAnswer"
            case (let path, _) where path.hasPrefix("/v1/tickets/") || path.hasPrefix("/v1/services/"): return type == "EventsAnswer" || type == "CommandAnswer"
            case ("/v1/hall", _): return type == "HallSnapshot"
            case ("/v1/stats", _): return type == "StatsAnswer"
            case ("/v1/advice", _): return type == "AdviceAnswer"
            case ("/v1/sms/dlr", _): return type == "DeliveryReportAnswer"
            case ("/v1/ratings/followups", _): return type == "FollowUpList"
            case (let path, _) where path.hasPrefix("/v1/ratings/followups/"): return type == "FollowUpStatus"
            default: return false
            }
        }.map(\.json)
    }

    @Test(arguments: decoders.keys.sorted())
    func everyAnswerDecoderEndsInAValueOrATypedError(type: String) throws {
        let samples = try Self.samples(of: type)
        try #require(!samples.isEmpty, "no API sample answers as \(type)")
        let decode = try #require(Self.decoders[type])
        var input = HostileInput(seed: 0x5EED_0000 &+ UInt64(type.utf8.reduce(0) { $0 &* 31 &+ Int($1) }.magnitude))
        var randomIndex = SplitMix64(seed: 42)
        var decoded = 0, refused = 0
        for _ in 0..<Self.variants {
            let bytes = input.mutate(samples.randomElement(using: &randomIndex) ?? samples[0])
            do {
                let value = try decode(Data(bytes))
                // Within bounds: what decoded is a value the API can write again (no infinity,
                // no NaN: the encoder refuses those).
                _ = try APICoding.encode(value)
                decoded += 1
            } catch is DecodingError {
                refused += 1
            }
        }
        #expect(decoded + refused == Self.variants)
        // Both outcomes happen: the variants reach past the parser into the types.
        #expect(decoded > 0 && refused > 0, "\(type): \(decoded) decoded, \(refused) refused")
    }

    /// The window terminal draws any window the daemon could send in exactly its size, without a
    /// control character.
    @Test func theWindowTerminalDrawsEveryHostileWindowWithinItsScreen() throws {
        let samples = try Self.samples(of: "WindowStatus") + Self.samples(of: "WindowCommandAnswer")
        var input = HostileInput(seed: 0x3_0000)
        var randomIndex = SplitMix64(seed: 43)
        var drawn = 0
        for _ in 0..<Self.variants {
            let bytes = Data(input.mutate(samples.randomElement(using: &randomIndex)!))
            let view = (try? APICoding.decode(WindowStatus.self, from: bytes)) ?? (try? APICoding.decode(CommandAnswer.self, from: bytes))?.window
            guard let view else { continue }
            var terminal = WindowTerminal(window: "3", supervisor: Bool.random(using: &randomIndex))
            _ = terminal.handle(.view(view), at: Fixtures.t0)
            _ = terminal.handle(.services(Fixtures.services), at: Fixtures.t0)
            expectScreen(WindowTerminalScreen.render(terminal, width: 100, height: 30), width: 100, height: 30)
            drawn += 1
        }
        #expect(drawn > Self.variants / 50, "\(drawn) windows drawn")
    }

    /// The ticket machine's menu, from any service list.
    @Test func theTicketMachineDrawsEveryHostileMenuWithinItsScreen() throws {
        let samples = try Self.samples(of: "ServiceList")
        var input = HostileInput(seed: 0x4_0000)
        var drawn = 0
        for _ in 0..<Self.variants {
            guard let list = try? APICoding.decode(ServiceList.self, from: Data(input.mutate(samples[0]))) else { continue }
            var machine = TicketMachine(now: Fixtures.t0)
            _ = machine.begin(at: Fixtures.t0)
            _ = machine.handle(.services(list.services), at: Fixtures.t0)
            expectScreen(TicketMachineScreen.render(machine, width: 100, height: 30), width: 100, height: 30)
            // The documents screen of the first service, as a citizen choosing it sees it.
            _ = machine.handle(.key(.digit("1")), at: Fixtures.t0)
            _ = machine.handle(.key(.enter), at: Fixtures.t0)
            expectScreen(TicketMachineScreen.render(machine, width: 100, height: 30), width: 100, height: 30)
            drawn += 1
        }
        #expect(drawn > Self.variants / 50, "\(drawn) menus drawn")
    }

    /// The ticket from any issue answer: on screen within its columns, on paper only our own
    /// ESC/POS commands, every line within the paper, and never more than a ticket's length.
    @Test func everyHostileTicketPrintsWithinThePaper() throws {
        let samples = try Self.samples(of: "IssuedTicketAnswer")
        var input = HostileInput(seed: 0x5_0000)
        var randomIndex = SplitMix64(seed: 44)
        var printed = 0
        for _ in 0..<Self.variants {
            guard let answer = try? APICoding.decode(IssuedTicketAnswer.self, from: Data(input.mutate(samples.randomElement(using: &randomIndex)!))) else { continue }
            let ticket = IssuedTicket(answer: answer, publicBase: "http://hall.example")
            // On screen (the ticket machine cuts each line to its width): no control character.
            let lines = TicketText.lines(ticket, columns: 48)
            #expect(lines.count <= 300, "a hostile ticket took \(lines.count) lines")
            for line in lines {
                #expect(!line.unicodeScalars.contains(where: DisplayWidth.isControl), "control character on screen: \(line.debugDescription.prefix(120))")
            }
            let bytes = EscPosTicket.bytes(ticket, paper: .mm58)
            let paper = try EscPosDecoded(bytes)
            #expect(paper.commands.filter { $0 == "cut" }.count == 1)
            #expect(paper.lines.count <= 300, "a hostile ticket printed \(paper.lines.count) lines")
            for line in paper.lines {
                #expect(!line.bytes.contains { $0 < 0x20 || $0 == 0x7F }, "a control byte reached the printer: \(line.bytes.prefix(40))")
            }
            printed += 1
        }
        #expect(printed > Self.variants / 50, "\(printed) tickets printed")
    }

    /// The rating pad, from any window whose ticket may be rated.
    @Test func theRatePadDrawsEveryHostileRateableTicketWithinItsScreen() throws {
        let samples = try APISamples.all().filter { $0.name.contains("rating pad may ask") }.map(\.json)
        try #require(!samples.isEmpty)
        var input = HostileInput(seed: 0x6_0000)
        var drawn = 0
        for _ in 0..<Self.variants {
            guard let status = try? APICoding.decode(WindowStatus.self, from: Data(input.mutate(samples[0]))),
                  let rateable = status.rating else { continue }
            var pad = RatePad(window: "3")
            _ = pad.begin(at: Fixtures.t0)
            _ = pad.handle(.view(rateable), at: Fixtures.t0)
            let lines = RatePadScreen.render(pad, windowName: status.name, width: 80, height: 24)
            #expect(lines.count == 24)
            for line in lines {
                #expect(DisplayWidth.columns(of: line) <= 80)
                #expect(!line.unicodeScalars.contains(where: DisplayWidth.isControl))
            }
            drawn += 1
        }
        #expect(drawn > Self.variants / 50, "\(drawn) pads drawn")
    }

    // The inputs that trapped or corrupted the screen before this suite existed.

    @Test func anEstimateOf1e300IsNotShownRatherThanTrapping() throws {
        var list = try APICoding.decode(ServiceList.self, from: Data(#"{"services":[{"code":"A","name":"求职登记","name_en":"","documents":[],"waiting":3,"status":"open","estimate_min":1e300}]}"#.utf8))
        #expect(list.services[0].estimateMin == 1e300)
        var machine = TicketMachine(now: Fixtures.t0)
        _ = machine.handle(.services(list.services), at: Fixtures.t0)
        let menu = TicketMachineScreen.render(machine, width: 100, height: 30).joined(separator: "\n")
        #expect(menu.contains("等候3人") && !menu.contains("分钟"))
        list.services[0].estimateMin = -4
        _ = machine.handle(.services(list.services), at: Fixtures.t0)
        #expect(!TicketMachineScreen.render(machine, width: 100, height: 30).joined().contains("约-4分钟"))

        var answer = try APICoding.decode(IssuedTicketAnswer.self, from: Data(try #require(APISamples.all().first { $0.name == "issued with SMS" }).json.utf8))
        answer.ticket.estimateMin = 1e300
        answer.ticket.estimateHighMin = .infinity
        let ticket = IssuedTicket(answer: answer, publicBase: "")
        #expect(ticket.estimateMin == nil && ticket.estimateHighMin == nil)
    }

    @Test func escapeSequencesInNamesNeverReachTheTerminalOrThePrinter() throws {
        let escape = "\u{1B}[2J\u{1B}]0;pwned\u{07}"
        var view = try APICoding.decode(WindowStatus.self, from: Data(try #require(APISamples.all().first { $0.path == "/v1/windows/{id}" }).json.utf8))
        view.name = "3号窗口" + escape
        view.current?.serviceName = "社保\r\n" + escape
        var terminal = WindowTerminal(window: "3")
        _ = terminal.handle(.view(view), at: Fixtures.t0)
        let screen = WindowTerminalScreen.render(terminal, width: 100, height: 30)
        expectScreen(screen, width: 100, height: 30)
        #expect(screen.joined().contains("3号窗口[2J]0;pwned"))

        var ticket = Fixtures.ticket
        ticket.serviceName = "失业登记\u{1D}\u{56}\u{42}\u{00}"   // GS V: cut the paper
        ticket.number = "C014\u{10}\u{14}\u{01}"                  // DLE DC4: open the cash drawer
        let paper = try EscPosDecoded(EscPosTicket.bytes(ticket, paper: .mm80))
        #expect(paper.commands.filter { $0 == "cut" }.count == 1)
        #expect(paper.lines.contains { $0.text.contains("失业登记VB") })
        #expect(paper.lines.allSatisfy { !$0.bytes.contains { $0 < 0x20 } })
    }

    @Test func aTicketWithEndlessDocumentsPrintsAFewLinesOfEach() {
        var ticket = Fixtures.ticket
        ticket.documents = Array(repeating: String(repeating: "身份证", count: 10_000), count: 500)
        ticket.explanation = String(repeating: "前面 5 人 ", count: 100_000)
        let layout = TicketLayout(ticket, columns: 32)
        #expect(layout.lines.count < 200)
        #expect(layout.lines.contains { $0.text.contains("另有 485 项") })
        #expect(layout.lines.contains { $0.text.hasSuffix("…") })
    }

    /// Exactly `height` lines of exactly `width` columns, none with a control character.
    func expectScreen(_ lines: [String], width: Int, height: Int, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(lines.count == height, sourceLocation: sourceLocation)
        for line in lines {
            #expect(DisplayWidth.columns(of: line) == width, "\(line.debugDescription.prefix(120))", sourceLocation: sourceLocation)
            #expect(!line.unicodeScalars.contains(where: DisplayWidth.isControl), "\(line.debugDescription.prefix(120))", sourceLocation: sourceLocation)
        }
    }
}
