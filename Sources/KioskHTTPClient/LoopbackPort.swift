import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A TCP port nobody listens on right now on loopback: bound to 0, read back, released. For
/// a server this process is about to start as a child and must name a port for (the issue
/// bench's daemon, the tests' daemons); an in-process daemon takes port 0 instead.
public enum LoopbackPort {
    public struct Unavailable: Error, CustomStringConvertible {
        public var reason: String
        public var description: String { "no free loopback port (\(reason))" }
    }

    public static func free() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Unavailable(reason: "socket: errno \(errno)") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw Unavailable(reason: "bind: errno \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
