import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes ESC/POS tickets to a printer device (`/dev/usb/lp0`) or a file (appended, so a file
/// collects every ticket of a session).
public struct TicketPrinter: Sendable {
    public var path: String
    public var paper: Paper
    /// The printer's own QR command, or a raster image made here.
    public var qr: QRPrinting

    public init(path: String, paper: Paper, qr: QRPrinting = .raster) {
        self.path = path
        self.paper = paper
        self.qr = qr
    }

    public struct PrintError: Error, CustomStringConvertible {
        public var description: String
    }

    public func print(_ ticket: IssuedTicket) throws {
        let bytes = EscPosTicket.bytes(ticket, paper: paper, qr: qr)
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        guard fd >= 0 else { throw PrintError(description: "cannot open \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw PrintError(description: "cannot write to \(path): \(String(cString: strerror(errno)))")
            }
            offset += n
        }
    }
}
