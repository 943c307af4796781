import KioskSMS
import KioskStore
import Synchronization

/// The fake SMS gateway: records every message it is asked to send and answers from a
/// script (then "accepted" once the script runs out).
public final class ScriptedGateway: SMSGateway {
    private let state: Mutex<(sent: [OutboxMessage], script: [SMSSendOutcome])>

    public init(_ script: [SMSSendOutcome] = []) {
        state = Mutex((sent: [], script: script))
    }

    /// What it was asked to send, in order.
    public var sent: [OutboxMessage] { state.withLock { $0.sent } }

    public func send(_ message: OutboxMessage) async -> SMSSendOutcome {
        state.withLock { s in
            s.sent.append(message)
            return s.script.isEmpty ? .accepted(status: 202, answer: "0: Accepted for delivery", gatewayID: nil, delivered: false) : s.script.removeFirst()
        }
    }
}
