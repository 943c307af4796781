import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A bare TCP connection to the daemon on loopback, for what no well-behaved HTTP client does:
/// open and say nothing, send half a request, or stop reading. Every wait is bounded by a
/// deadline (poll), never a fixed sleep.
final class RawSocket {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let fd: Int32
    private(set) var received: [UInt8] = []
    private(set) var closedByPeer = false

    /// Connects to 127.0.0.1:`port`; `receiveBuffer` (bytes) set before connecting keeps the
    /// kernel from absorbing much of what the daemon sends (a slow reader).
    init(port: Int, receiveBuffer: Int? = nil) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: errno \(errno)") }
        if var size = receiveBuffer.map(Int32.init) {
            setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            let error = errno
            Glibc.close(fd)
            throw Failure(description: "connect: errno \(error)")
        }
    }

    deinit { Glibc.close(fd) }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw Failure(description: "send: errno \(errno)") }
            sent += n
        }
    }

    /// Reads whatever has arrived, waiting up to `timeout` seconds for something; notes EOF or a
    /// reset as the peer closing. Returns how many bytes arrived.
    @discardableResult
    func pump(timeout: Double) -> Int {
        guard !closedByPeer else { return 0 }
        var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&pfd, 1, Int32(timeout * 1000)) > 0 else { return 0 }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
        if n > 0 {
            received += buffer[0..<n]
            return n
        }
        if n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK) { closedByPeer = true }
        return 0
    }

    /// Reads until `condition` holds or the peer closes, at most `seconds` (polling without
    /// blocking a cooperative thread: the daemon under test may need it).
    func read(for seconds: Double, until condition: (RawSocket) -> Bool) async {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while !condition(self) && !closedByPeer && ContinuousClock.now < deadline {
            if pump(timeout: 0) == 0 { try? await Task.sleep(for: .milliseconds(10)) }
        }
    }

    var text: String { String(decoding: received, as: UTF8.self) }

    /// Notes which of `sockets` the daemon has closed by now (`closedAt` nil: not yet seen);
    /// never blocks.
    static func noteClosed(_ sockets: [RawSocket], into closedAt: inout [ContinuousClock.Instant?]) {
        let open = sockets.indices.filter { closedAt[$0] == nil }
        var fds = open.map { pollfd(fd: sockets[$0].fd, events: Int16(POLLIN), revents: 0) }
        guard !fds.isEmpty, poll(&fds, nfds_t(fds.count), 0) > 0 else { return }
        let now = ContinuousClock.now
        for (k, i) in open.enumerated() where fds[k].revents != 0 {
            while sockets[i].pump(timeout: 0) > 0 {}
            if sockets[i].closedByPeer { closedAt[i] = now }
        }
    }
}
