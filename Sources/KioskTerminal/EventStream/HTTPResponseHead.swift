/// The status line and header fields of an HTTP/1.1 response, parsed from the bytes before
/// the blank line. Pure.
public struct HTTPResponseHead: Sendable, Hashable {
    public struct Malformed: Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { "malformed HTTP response: \(message)" }
    }

    public var status: Int
    /// Header fields in order, names as sent.
    public var fields: [(name: String, value: String)]

    public static func == (a: HTTPResponseHead, b: HTTPResponseHead) -> Bool {
        a.status == b.status && a.fields.elementsEqual(b.fields) { $0.name == $1.name && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(status)
        for field in fields {
            hasher.combine(field.name)
            hasher.combine(field.value)
        }
    }

    /// The first value of `name`, compared without ASCII case.
    public subscript(name: String) -> String? {
        let key = name.lowercased()
        return fields.first { $0.name.lowercased() == key }?.value
    }

    /// Whether the body is sent with `Transfer-Encoding: chunked`.
    public var isChunked: Bool {
        self["Transfer-Encoding"]?.lowercased().split(separator: ",").last?.trimmingSpaces == "chunked"
    }

    /// Splits `buffer` at the first CR LF CR LF (or LF LF): the head and the body bytes read
    /// with it. Nil while the head is incomplete.
    public static func split(_ buffer: [UInt8]) throws(Malformed) -> (head: HTTPResponseHead, rest: [UInt8])? {
        var index = 0
        while index < buffer.count {
            if buffer[index] == 0x0A {
                if index >= 2, buffer[index - 1] == 0x0D, buffer[index - 2] == 0x0A {
                    return (try parse(buffer[..<(index - 1)]), Array(buffer[(index + 1)...]))
                }
                if index >= 1, buffer[index - 1] == 0x0A {
                    return (try parse(buffer[..<index]), Array(buffer[(index + 1)...]))
                }
            }
            index += 1
        }
        guard buffer.count <= 65_536 else { throw Malformed(message: "header larger than 64 KiB") }
        return nil
    }

    /// Parses the head's lines (status line then fields), without the blank line.
    static func parse(_ bytes: ArraySlice<UInt8>) throws(Malformed) -> HTTPResponseHead {
        // Split on bytes: as Characters, CR LF is one grapheme and would not match "\n".
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: true).map { line in
            String(decoding: line.last == 0x0D ? line.dropLast() : line, as: UTF8.self)
        }
        guard let statusLine = lines.first else { throw Malformed(message: "no status line") }
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), let status = Int(parts[1]), (100...599).contains(status) else {
            throw Malformed(message: "expected a status line like \"HTTP/1.1 200 OK\" but found \"\(statusLine.prefix(40))\"")
        }
        var fields: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { throw Malformed(message: "expected \"name: value\" but found \"\(line.prefix(40))\"") }
            fields.append((String(line[..<colon]), String(line[line.index(after: colon)...].trimmingSpaces)))
        }
        return HTTPResponseHead(status: status, fields: fields)
    }
}

extension StringProtocol {
    var trimmingSpaces: Substring {
        let s = self[...]
        guard let first = s.firstIndex(where: { $0 != " " && $0 != "\t" }),
              let last = s.lastIndex(where: { $0 != " " && $0 != "\t" })
        else { return "" }
        return Substring(s[first...last])
    }
}
