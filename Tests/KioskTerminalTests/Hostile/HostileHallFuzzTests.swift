import Foundation
import KioskAPI
import KioskCore
import KioskDisplay
import KioskTestSupport
import Testing
@testable import KioskTerminal

/// The hall screen's decoders fed hostile variants of the daemon's answers (`HostileInput`,
/// fixed seeds): the snapshot (`GET /v1/hall`) through the parser, the model, the renderer and
/// the ANSI encoder; the event stream through the SSE parser and the event decoder. Each input
/// ends as something drawn within the screen, or a typed error; never a trap, never an escape
/// sequence of the daemon's on the terminal, never a buffer without a bound.
@Suite struct HostileHallFuzzTests {
    static let variants = 10_000

    static func sample(_ path: String) throws -> [String] {
        try APISamples.all().filter { $0.path == path && $0.status == "200" }.map(\.json)
    }

    @Test func everyHostileSnapshotIsDrawnWithinTheScreenOrRefused() throws {
        let samples = try Self.sample("/v1/hall")
        let layout = try Layouts.load("main-hall")
        let size = Size(width: 120, height: 40)
        var input = HostileInput(seed: 0x1_0000)
        var pick = SplitMix64(seed: 7)
        var modelled = 0, refused = 0
        for _ in 0..<Self.variants {
            // As `HTTPHallSnapshotSource` reads the body: the API's `HallSnapshot`, or an error.
            let snapshot: HallSnapshot
            do {
                snapshot = try APICoding.decode(HallSnapshot.self, from: Data(input.mutate(samples.randomElement(using: &pick)!)))
            } catch is DecodingError {
                refused += 1
                continue
            }
            _ = try APICoding.encode(snapshot)   // within bounds: finite numbers only
            let model = HallScreenModel.model(snapshot: snapshot, link: .live)
            modelled += 1
            // Every input goes through the model (where the traps were); every fifth is also
            // drawn and encoded (a frame costs milliseconds in a debug build).
            guard modelled % 5 == 0 else { continue }
            let frame = Renderer.render(layout, model: model, size: size)
            for cell in frame.cells {
                #expect(!cell.symbol.unicodeScalars.contains(where: DisplayWidth.isControl), "a control character in a cell: \(cell.symbol.debugDescription)")
            }
            // The terminal gets our own cursor moves and styles, and nothing else that controls it.
            let bytes = ANSIEncoder.encode(previous: nil, next: frame)
            #expect(!Self.withoutOwnSequences(bytes).unicodeScalars.contains(where: DisplayWidth.isControl))
        }
        #expect(modelled + refused == Self.variants)
        #expect(modelled > 0 && refused > 0, "\(modelled) modelled, \(refused) refused")
    }

    /// The stream as the daemon writes it: a retry, events with ids, heartbeats.
    static func streamSample() throws -> String {
        let events = try APISamples.all().filter { $0.path == "/v1/windows/{id}/call" && $0.status == "200" }
            .compactMap { try? APICoding.decode(WindowCommandAnswer.self, from: $0.json).events }.first ?? []
        var text = "retry: 1000\n\n"
        for event in events {
            text += "id: \(event.seq ?? 0)\nevent: hall\ndata: \(try APICoding.string(event))\n\n: heartbeat\n\n"
        }
        return text
    }

    @Test func everyHostileEventStreamIsParsedWithinItsBoundsOrStopped() throws {
        let sample = try Self.streamSample()
        var input = HostileInput(seed: 0x2_0000)
        var pick = SplitMix64(seed: 8)
        var events = 0, stopped = 0, calls = 0
        for round in 0..<Self.variants {
            var bytes = input.mutate(sample)
            // An endless line, now and then: no line end for longer than any bound.
            if round % 50 == 0 { bytes += Array(repeating: UInt8(ascii: "x"), count: SSEParser.defaultMaximumLineBytes + 1) }
            var parser = SSEParser(lastEventID: "17")
            var offset = 0
            while offset < bytes.count {
                let end = min(bytes.count, offset + Int.random(in: 1...512, using: &pick))
                for event in parser.feed(bytes[offset..<end]) {
                    #expect(event.data.utf8.count <= parser.maximumEventBytes)
                    events += 1
                    if let hallEvent = StreamedHallEvent(data: event.data), hallEvent.isCall {
                        calls += 1
                        _ = Announcement(hallEvent, snapshot: nil)?.text
                    }
                }
                offset = end
            }
            #expect((parser.lastEventID?.utf8.count ?? 0) <= SSEParser.maximumIDBytes)
            if parser.failure != nil { stopped += 1 }
        }
        #expect(events > 0 && stopped > 0 && calls > 0, "\(events) events, \(stopped) stopped, \(calls) calls")
    }

    // The inputs that trapped before this suite existed.

    @Test func anEstimateOf1e300OrAHugeYearIsDrawnNotTrapped() throws {
        var snapshot = try APICoding.decode(HallSnapshot.self, from: Self.sample("/v1/hall")[0])
        snapshot.services[0].estimateMin = 1e300
        snapshot.services[1].estimateMin = -3
        snapshot.hall.date = "9223372036854775807-03-02"
        let model = HallScreenModel.model(snapshot: snapshot, link: .live)
        #expect(model.list(at: "services")[0]["eta"] == "-")
        #expect(model.list(at: "services")[1]["eta"] == "-")
        #expect(model.text(at: "date") == "9223372036854775807-03-02")
        snapshot.hall.date = "2026-03-02"
        #expect(HallScreenModel.model(snapshot: snapshot, link: .live).text(at: "date") == "2026-03-02 星期一")
    }

    @Test func anEndlessLineStopsTheParserAtItsBound() {
        var parser = SSEParser(maximumLineBytes: 1024, maximumEventBytes: 4096)
        #expect(parser.feed(Array("id: 5\ndata: {}\n\n".utf8)).count == 1)
        for _ in 0..<100 { _ = parser.feed(Array(repeating: UInt8(ascii: "a"), count: 100)) }
        #expect(parser.failure == SSEParser.LimitExceeded(what: "line", limit: 1024))
        #expect(parser.feed(Array("\ndata: x\n\n".utf8)).isEmpty)
        #expect(parser.lastEventID == "5")

        var data = SSEParser(maximumLineBytes: 1024, maximumEventBytes: 4096)
        let line = "data: " + String(repeating: "b", count: 1000) + "\n"
        #expect(data.feed(Array(String(repeating: line, count: 10).utf8)).isEmpty)
        #expect(data.failure == SSEParser.LimitExceeded(what: "event data", limit: 4096))
    }

    @Test func onlyAnIdTheDaemonCouldHaveSentIsResumedFrom() {
        #expect(EventStreamClient.resumePoint("42", otherwise: "17") == "42")
        #expect(EventStreamClient.resumePoint("x", otherwise: "17") == "17")
        #expect(EventStreamClient.resumePoint("-1", otherwise: nil) == nil)
        #expect(EventStreamClient.resumePoint("\u{1}", otherwise: "17") == "17")
        #expect(EventStreamClient.resumePoint(String(repeating: "9", count: 40), otherwise: "17") == "17")
    }

    /// `text` without the CSI sequences (`ESC [ … letter`) our encoder writes.
    static func withoutOwnSequences(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "\u{1B}" else { out.append(scalar); continue }
            guard scalars.next() == "[" else { out.append(scalar); continue }
            while let next = scalars.next(), !(next.properties.isAlphabetic && next.isASCII) {}
        }
        return String(out)
    }
}
