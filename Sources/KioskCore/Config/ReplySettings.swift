import Foundation

/// The hall config's `"reply"` section: citizens answer the near-turn and your-turn messages
/// by SMS ("1" on my way, "2" give up), which reach the daemon through the gateway
/// (`GET /v1/sms/mo`).
public struct ReplySettings: Sendable, Equatable {
    /// Whether messages invite a reply. Off by default: inviting replies the gateway does not
    /// hand to the daemon (no `sms-service` for it) would leave citizens unanswered.
    public var enabled: Bool
    /// Appended to the near-turn and your-turn messages when `enabled`; it counts towards their
    /// 70 characters.
    public var invitation: String
    /// Replies one number may send within `rateWindowSeconds`; more are ignored (a stuck phone
    /// or a prank must not flood the journal or the outbox).
    public var maxPerNumber: Int
    /// The window of `maxPerNumber`, in seconds.
    public var rateWindowSeconds: Double

    public init(enabled: Bool = false, invitation: String = "回复1确认前往，回复2放弃排队", maxPerNumber: Int = 5, rateWindowSeconds: Double = 600) {
        self.enabled = enabled
        self.invitation = invitation
        self.maxPerNumber = maxPerNumber
        self.rateWindowSeconds = rateWindowSeconds
    }

    /// UTF-16 units the invitation adds to `trigger`'s messages (0 when it adds nothing).
    public func invitationLength(_ trigger: SMSTrigger) -> Int {
        enabled && trigger.invitesReply ? invitation.utf16.count : 0
    }
}
