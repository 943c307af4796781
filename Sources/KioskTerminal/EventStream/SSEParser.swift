/// Incremental parser for a `text/event-stream` body: feed bytes as they arrive, split
/// anywhere (inside a line, a UTF-8 sequence or a CR LF pair), and get whole events back.
///
/// Follows the WHATWG event-stream interpretation: lines end in CR LF, LF or CR; a line
/// starting with `:` is a comment; `data:` lines accumulate; a blank line dispatches; `id:`
/// persists until changed; `retry:` sets the reconnection delay. Pure: no I/O.
///
/// Bounded: a line longer than `maximumLineBytes`, or an event whose data passes
/// `maximumEventBytes`, stops the parser with ``failure`` set (an endless line from a server
/// gone wrong, or posing as the daemon, would otherwise fill memory). The daemon's lines are
/// under a kilobyte.
public struct SSEParser: Sendable {
    /// Why a parser stopped: a line or an event's data passed its bound.
    public struct LimitExceeded: Error, Sendable, Hashable, CustomStringConvertible {
        /// `line` or `event data`.
        public var what: String
        /// The bound passed, in bytes.
        public var limit: Int
        public var description: String { "event stream \(what) longer than \(limit) bytes" }
    }

    public static let defaultMaximumLineBytes = 64 * 1024
    public static let defaultMaximumEventBytes = 256 * 1024
    /// An `id:` longer than this is ignored: it is sent back as the `Last-Event-ID` header.
    public static let maximumIDBytes = 256

    public let maximumLineBytes: Int
    public let maximumEventBytes: Int
    /// Set when a bound was passed; the parser then ignores everything fed to it.
    public private(set) var failure: LimitExceeded?
    /// Bytes of the line not yet terminated.
    private var line: [UInt8] = []
    /// Whether the previous byte was a CR, so a following LF belongs to the same line end.
    private var afterCR = false
    /// Whether the stream's first bytes are still to be checked for a byte order mark.
    private var atStart = true
    private var dataBuffer = ""
    private var hasData = false
    private var eventType = ""
    /// The last event id (the `Last-Event-ID` to resume from).
    public private(set) var lastEventID: String?
    /// The reconnection delay the server asked for with `retry:`, in milliseconds.
    public private(set) var retryMilliseconds: Int?

    public init(
        lastEventID: String? = nil, maximumLineBytes: Int = Self.defaultMaximumLineBytes,
        maximumEventBytes: Int = Self.defaultMaximumEventBytes
    ) {
        self.lastEventID = lastEventID
        self.maximumLineBytes = maximumLineBytes
        self.maximumEventBytes = maximumEventBytes
    }

    /// Consumes `bytes` and returns the events they complete, in order. Once a bound is
    /// passed (``failure``), the events completed before it are still returned, and nothing
    /// after it is read.
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [ServerSentEvent] {
        var events: [ServerSentEvent] = []
        guard failure == nil else { return events }
        for byte in bytes {
            if afterCR {
                afterCR = false
                if byte == 0x0A { continue }
            }
            switch byte {
            case 0x0D:
                afterCR = true
                endLine(into: &events)
            case 0x0A:
                endLine(into: &events)
            default:
                guard line.count < maximumLineBytes else {
                    fail(LimitExceeded(what: "line", limit: maximumLineBytes))
                    return events
                }
                line.append(byte)
            }
            if failure != nil { return events }
        }
        return events
    }

    /// Stops the parser and lets go of what it held.
    private mutating func fail(_ reason: LimitExceeded) {
        failure = reason
        line = []
        dataBuffer = ""
        hasData = false
    }

    private mutating func endLine(into events: inout [ServerSentEvent]) {
        var bytes = line[...]
        line.removeAll(keepingCapacity: true)
        if atStart {
            atStart = false
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        }
        if bytes.isEmpty {
            dispatch(into: &events)
            return
        }
        if bytes.first == UInt8(ascii: ":") { return }   // a comment (keep-alive)
        let field: String, value: String
        if let colon = bytes.firstIndex(of: UInt8(ascii: ":")) {
            field = String(decoding: bytes[..<colon], as: UTF8.self)
            var rest = bytes[(colon + 1)...]
            if rest.first == UInt8(ascii: " ") { rest = rest.dropFirst() }
            value = String(decoding: rest, as: UTF8.self)
        } else {
            field = String(decoding: bytes, as: UTF8.self)
            value = ""
        }
        switch field {
        case "data":
            guard dataBuffer.utf8.count + value.utf8.count + 1 <= maximumEventBytes else {
                fail(LimitExceeded(what: "event data", limit: maximumEventBytes))
                return
            }
            dataBuffer += value
            dataBuffer += "\n"
            hasData = true
        case "event":
            eventType = value
        case "id":
            if !value.contains("\0"), value.utf8.count <= Self.maximumIDBytes { lastEventID = value }
        case "retry":
            if !value.isEmpty, value.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let ms = Int(value) {
                retryMilliseconds = ms
            }
        default:
            break   // unknown fields are ignored
        }
    }

    private mutating func dispatch(into events: inout [ServerSentEvent]) {
        defer {
            dataBuffer = ""
            hasData = false
            eventType = ""
        }
        guard hasData else { return }
        var data = dataBuffer
        if data.hasSuffix("\n") { data.removeLast() }
        events.append(ServerSentEvent(id: lastEventID, type: eventType.isEmpty ? "message" : eventType, data: data))
    }
}
