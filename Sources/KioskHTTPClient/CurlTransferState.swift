import Foundation

/// What libcurl's callbacks collect during one transfer. Lives on one worker thread, reached
/// from the C callbacks through an `Unmanaged` pointer that `perform` keeps alive.
///
/// A buffered transfer keeps the body here; a streaming one hands the head and every body
/// chunk to its ``CurlStreamSink`` as they arrive.
final class CurlTransferState {
    let maximumBodyBytes: Int
    let cancellation: CurlCancellation
    /// Streaming only: where the head and the chunks go instead of `body`.
    let sink: CurlStreamSink?
    /// Streaming only: the longest silence (no byte at all) before the transfer fails.
    let readTimeout: Duration?
    /// Streaming only: when the final response's head must have arrived.
    let headDeadline: ContinuousClock.Instant?
    /// Set once the final response's head is complete.
    private(set) var headComplete = false
    private(set) var body = Data()
    private(set) var headers = HTTPHeaders()
    /// The status of the response whose headers are being read (from its status line).
    private(set) var status = 0
    /// Set when the body would pass `maximumBodyBytes`; the write callback then aborts.
    private(set) var bodyTooLarge = false
    /// The longest head (status lines and header fields, interim responses' included) taken,
    /// in bytes. Ours are a few hundred; libcurl's own limit depends on its version.
    static let maximumHeadBytes = 64 * 1024
    private var headBytes = 0
    /// Set when the head would pass `maximumHeadBytes`; the header callback then aborts.
    private(set) var headTooLarge = false
    /// Set when `readTimeout` passed without a byte; the progress callback then aborts.
    private(set) var readTimedOut = false
    /// Set once the connection is up and the request is about to go out (PREREQFUNCTION).
    var requestStarted = false
    /// When the last byte (head or body) arrived, or the transfer started.
    private var lastByteAt = ContinuousClock.now

    init(maximumBodyBytes: Int, cancellation: CurlCancellation, sink: CurlStreamSink? = nil,
         readTimeout: Duration? = nil, headDeadline: ContinuousClock.Instant? = nil) {
        self.headDeadline = headDeadline
        self.maximumBodyBytes = maximumBodyBytes
        self.cancellation = cancellation
        self.sink = sink
        self.readTimeout = readTimeout
    }

    /// Takes a chunk of the body; false aborts the transfer.
    func appendBody(_ bytes: UnsafeRawBufferPointer) -> Bool {
        lastByteAt = .now
        if let sink { return sink.deliver(Data(bytes)) }
        guard body.count + bytes.count <= maximumBodyBytes else {
            bodyTooLarge = true
            return false
        }
        body.append(contentsOf: bytes)
        return true
    }

    /// Takes one raw header line (CRLF included), as libcurl hands them over; false aborts
    /// the transfer (the head passed `maximumHeadBytes`).
    func appendHeaderLine(_ bytes: UnsafeRawBufferPointer) -> Bool {
        lastByteAt = .now
        headBytes += bytes.count
        guard headBytes <= Self.maximumHeadBytes else {
            headTooLarge = true
            return false
        }
        let line = String(decoding: bytes, as: UTF8.self)
        // A new status line starts a new response (after `100 Continue`, or a redirect):
        // only the final response's headers count.
        if line.hasPrefix("HTTP/") {
            headers = HTTPHeaders()
            status = line.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
            return true
        }
        if line == "\r\n" || line == "\n" {
            // The blank line ends a head; an interim (1xx) one is followed by the real one.
            if status >= 200 {
                headComplete = true
                sink?.open(status: status, headers: headers)
            }
            return true
        }
        guard let colon = line.firstIndex(of: ":") else { return true }
        let name = line[..<colon].trimmingCharacters(in: .whitespaces)
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { return true }
        headers.add(name: name, value: value)
        return true
    }

    /// Asked by the progress callback (at least once a second): whether to abort now.
    func shouldAbort() -> Bool {
        if cancellation.isCancelled { return true }
        let now = ContinuousClock.now
        if let readTimeout, lastByteAt.duration(to: now) > readTimeout {
            readTimedOut = true
            return true
        }
        if let headDeadline, !headComplete, now > headDeadline {
            readTimedOut = true
            return true
        }
        return false
    }
}
