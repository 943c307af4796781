import Foundation
import KioskCore
import KioskStore
import Logging
import Synchronization

/// The gateway of a hall with none configured: each message becomes a line in a file (and the
/// log), numbers masked, so a demo shows what citizens would receive.
public final class LogGateway: SMSGateway {
    public let path: String?
    private let logger: Logger
    private let file = Mutex<FileHandle?>(nil)

    /// `path`: the file to append to (created if needed); nil logs only.
    public init(path: String?, logger: Logger) {
        self.path = path
        self.logger = logger
    }

    public func send(_ message: OutboxMessage) async -> SMSSendOutcome {
        let line = "\(ISO8601DateFormatter().string(from: Date())) #\(message.id) \(message.ticket) \(message.trigger.rawValue) → \(message.phoneMasked): \(message.text)\n"
        logger.info("sms", metadata: [
            "sms.id": "\(message.id)", "ticket.number": "\(message.ticket)", "sms.trigger": "\(message.trigger.rawValue)",
            "sms.to": "\(message.phoneMasked)", "sms.text": "\(message.text)",
        ])
        if let path {
            let written: Bool = file.withLock { handle in
                if handle == nil {
                    // Created 0600 like everything in the data directory (masked numbers, but
                    // who was sent what is still the hall's business).
                    handle = try? PrivateFiles.appendingHandle(atPath: path)
                }
                guard let handle else { return false }
                do {
                    try handle.write(contentsOf: Data(line.utf8))
                    return true
                } catch {
                    return false
                }
            }
            if !written { return .transient(status: nil, answer: "cannot write \(path)", retryAfter: nil) }
        }
        return .logged(answer: path.map { "written to \($0)" } ?? "logged")
    }
}
