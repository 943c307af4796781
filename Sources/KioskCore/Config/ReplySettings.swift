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
    /// Seconds after its call that a priority ticket whose citizen has not answered "1" is set
    /// aside, awaiting the citizen, instead of running on to an automatic no-show (an elderly
    /// citizen who stepped out must not lose the turn and come back another day).
    public var escalateAfterSeconds: Double
    /// Seconds after its call that an acknowledged ticket ("1": on my way) is given to arrive
    /// before the normal recalls begin.
    public var arrivalGraceSeconds: Double

    public init(
        enabled: Bool = false, invitation: String = "回复1确认前往，回复2放弃排队", maxPerNumber: Int = 5, rateWindowSeconds: Double = 600,
        escalateAfterSeconds: Double = 120, arrivalGraceSeconds: Double = 300
    ) {
        self.enabled = enabled
        self.invitation = invitation
        self.maxPerNumber = maxPerNumber
        self.rateWindowSeconds = rateWindowSeconds
        self.escalateAfterSeconds = escalateAfterSeconds
        self.arrivalGraceSeconds = arrivalGraceSeconds
    }

    /// UTF-16 units the invitation adds to `trigger`'s messages (0 when it adds nothing).
    public func invitationLength(_ trigger: SMSTrigger) -> Int {
        enabled && trigger.invitesReply ? invitation.utf16.count : 0
    }
}
