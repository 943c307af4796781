/// Incremental decoder for an HTTP/1.1 `Transfer-Encoding: chunked` body (RFC 9112 §7.1):
/// feed the bytes read from the socket, split anywhere, and get the payload bytes back.
/// Chunk extensions and trailer fields are read and dropped. Pure: no I/O.
public struct ChunkedDecoder: Sendable {
    public struct MalformedChunk: Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { "malformed chunked body: \(message)" }
    }

    private enum State: Sendable {
        /// Reading the hex size line (and any extension) up to its LF.
        case size
        /// Reading `remaining` payload bytes.
        case data(remaining: Int)
        /// Expecting the CR LF that ends a chunk's payload.
        case dataEnd
        /// After the last (zero-size) chunk: trailer lines until a blank one.
        case trailer
        case finished
    }

    private var state = State.size
    private var line: [UInt8] = []

    public init() {}

    /// Whether the last chunk and the trailer have been read: the body is complete.
    public var isFinished: Bool {
        if case .finished = state { return true }
        return false
    }

    /// Consumes `bytes`; returns the payload they carry. Bytes after the end are ignored.
    public mutating func feed(_ bytes: some Collection<UInt8>) throws(MalformedChunk) -> [UInt8] {
        var out: [UInt8] = []
        var index = bytes.startIndex
        while index != bytes.endIndex {
            switch state {
            case .finished:
                return out
            case .data(let remaining):
                let available = bytes.distance(from: index, to: bytes.endIndex)
                let take = min(remaining, available)
                let end = bytes.index(index, offsetBy: take)
                out.append(contentsOf: bytes[index..<end])
                index = end
                state = remaining - take == 0 ? .dataEnd : .data(remaining: remaining - take)
            case .size, .dataEnd, .trailer:
                let byte = bytes[index]
                index = bytes.index(after: index)
                guard byte == 0x0A else {
                    line.append(byte)
                    guard line.count <= 4096 else { throw MalformedChunk(message: "line longer than 4096 bytes") }
                    continue
                }
                if line.last == 0x0D { line.removeLast() }
                let text = line
                line.removeAll(keepingCapacity: true)
                try endLine(text)
            }
        }
        return out
    }

    private mutating func endLine(_ text: [UInt8]) throws(MalformedChunk) {
        switch state {
        case .size:
            let digits = text.prefix { $0 != UInt8(ascii: ";") && $0 != UInt8(ascii: " ") && $0 != 0x09 }
            guard !digits.isEmpty, digits.count <= 15,
                  let size = Int(String(decoding: digits, as: UTF8.self), radix: 16)
            else { throw MalformedChunk(message: "expected a hexadecimal chunk size but found \"\(String(decoding: text.prefix(20), as: UTF8.self))\"") }
            state = size == 0 ? .trailer : .data(remaining: size)
        case .dataEnd:
            guard text.isEmpty else { throw MalformedChunk(message: "expected CR LF after the chunk's data") }
            state = .size
        case .trailer:
            if text.isEmpty { state = .finished }
        case .data, .finished:
            break
        }
    }
}
