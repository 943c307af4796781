import Foundation

/// One day as a trace file: the `meta` line (date and hall config), then the events.
public struct TraceDay: Sendable {
    public var date: BusinessDate
    public var config: HallConfig
    public var events: [HallEvent]

    public init(date: BusinessDate, config: HallConfig, events: [HallEvent]) {
        self.date = date
        self.config = config
        self.events = events
    }

    public struct ReadError: Error, Sendable, Equatable, CustomStringConvertible {
        /// 1-based line of the trace file.
        public var line: Int
        public var message: String
        public var description: String { "\(line): \(message)" }
    }

    /// Parses a trace (JSON Lines, `meta` first). The config is read leniently: other tools may
    /// add keys. The simulator's private `sim` block is never read.
    public static func read(jsonLines text: String) throws(ReadError) -> TraceDay {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().filter {
            !$0.element.trimmingCharacters(in: .whitespaces).isEmpty
        }.makeIterator()
        guard let (metaIndex, metaText) = lines.next() else { throw ReadError(line: 1, message: "empty trace") }
        let meta: JSONNode
        do {
            meta = try JSONParser.parse(String(metaText))
        } catch {
            throw ReadError(line: metaIndex + 1, message: "JSON: \(error.description)")
        }
        guard meta.value["ev"]?.stringValue == "meta" else { throw ReadError(line: metaIndex + 1, message: "the first line must be the meta line") }
        guard meta.value["version"]?.intValue == 1 else { throw ReadError(line: metaIndex + 1, message: "unsupported trace version (expected 1)") }
        guard let dateText = meta.value["date"]?.stringValue, let date = BusinessDate(dateText) else {
            throw ReadError(line: metaIndex + 1, message: "meta.date must be YYYY-MM-DD")
        }
        guard case let .object(members) = meta.kind, let configNode = members.first(where: { $0.key == "config" })?.value else {
            throw ReadError(line: metaIndex + 1, message: "meta.config is missing")
        }
        let config: HallConfig
        do {
            config = try HallConfig.load(configNode, lenient: true)
        } catch {
            throw ReadError(line: metaIndex + 1, message: "meta.config: " + error.diagnostics.map(\.message).joined(separator: "; "))
        }
        let codec = TraceCodec(calendar: QueueEngine(config: config).calendar, date: date)
        var events: [HallEvent] = []
        while let (index, text) = lines.next() {
            let node: JSONNode
            do {
                node = try JSONParser.parse(String(text))
            } catch {
                throw ReadError(line: index + 1, message: "JSON: \(error.description)")
            }
            do {
                if let event = try codec.decode(node.value) { events.append(event) }
            } catch {
                throw ReadError(line: index + 1, message: error.message)
            }
        }
        return TraceDay(date: date, config: config, events: events)
    }

    /// The day as trace text: `meta`, every event, `end`.
    public func jsonLines() -> String {
        let codec = TraceCodec(calendar: QueueEngine(config: config).calendar, date: date)
        let meta: JSONValue = [
            "ev": "meta", "version": 1, "date": .string(date.description),
            "time_unit": "seconds since local midnight", "config": config.jsonValue,
        ]
        var out = meta.serialized() + "\n"
        for event in events { out += codec.encode(event).serialized() + "\n" }
        let endT = events.last.map { codec.secondsOfDay($0.at) } ?? 0
        out += JSONValue.object([("t", .number(endT)), ("ev", "end")]).serialized() + "\n"
        return out
    }
}
