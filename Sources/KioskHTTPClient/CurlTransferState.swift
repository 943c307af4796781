import Foundation

/// What libcurl's callbacks collect during one transfer. Lives on one worker thread, reached
/// from the C callbacks through an `Unmanaged` pointer that `perform` keeps alive.
final class CurlTransferState {
    let maximumBodyBytes: Int
    let cancellation: CurlCancellation
    private(set) var body = Data()
    private(set) var headers = HTTPHeaders()
    /// Set when the body would pass `maximumBodyBytes`; the write callback then aborts.
    private(set) var bodyTooLarge = false
    /// Set once the connection is up and the request is about to go out (PREREQFUNCTION).
    var requestStarted = false

    init(maximumBodyBytes: Int, cancellation: CurlCancellation) {
        self.maximumBodyBytes = maximumBodyBytes
        self.cancellation = cancellation
    }

    /// Appends a chunk of the body; false aborts the transfer.
    func appendBody(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard body.count + bytes.count <= maximumBodyBytes else {
            bodyTooLarge = true
            return false
        }
        body.append(contentsOf: bytes)
        return true
    }

    /// Takes one raw header line (CRLF included), as libcurl hands them over.
    func appendHeaderLine(_ bytes: UnsafeRawBufferPointer) {
        let line = String(decoding: bytes, as: UTF8.self)
        // A new status line starts a new response (after `100 Continue`, or a redirect):
        // only the final response's headers count.
        if line.hasPrefix("HTTP/") {
            headers = HTTPHeaders()
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = line[..<colon].trimmingCharacters(in: .whitespaces)
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { return }
        headers.add(name: name, value: value)
    }
}
