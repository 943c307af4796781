import KioskCore

/// When the previous business days' phone numbers and pending messages may be purged.
///
/// A new business day can begin on the word of a wrong wall clock (a PC whose clock is a day
/// ahead at boot, corrected minutes later by NTP). Purging is the one thing that cannot be
/// undone, so it waits: until the day has run `trustPeriod` of monotonic time with no clock
/// warning standing or raised (counted again from each warning's end), or until a supervisor
/// confirms the time. Pure: the caller passes the monotonic instants.
struct PurgeGate: Sendable {
    /// How long a day must run without a clock warning (zero: purge as soon as it begins, for a
    /// hall whose clock is not the wall clock, such as `--start-at`).
    let trustPeriod: Duration
    /// The day whose predecessors are still to be purged (nil: nothing waits).
    private(set) var pending: BusinessDate?
    /// Since when the clocks have agreed: the day's beginning or the last warning's end.
    private var since: ContinuousClock.Instant?
    private var warning = false
    /// A supervisor confirmed the time since the last warning was raised.
    private var confirmed = false

    init(trustPeriod: Duration) {
        self.trustPeriod = trustPeriod
    }

    /// `date` began (at start-up or at midnight): its predecessors wait to be purged.
    mutating func dayBegan(_ date: BusinessDate, at now: ContinuousClock.Instant) {
        pending = date
        since = now
    }

    /// The wall clock stepped: the time counted so far no longer counts, and an earlier
    /// confirmation no longer holds.
    mutating func warningRaised() {
        warning = true
        confirmed = false
    }

    /// The clocks agree again: counting starts anew from `now`.
    mutating func warningCleared(at now: ContinuousClock.Instant) {
        warning = false
        since = now
    }

    /// A supervisor checked the time: purging may happen at once (and the warning is over).
    mutating func confirm() {
        warning = false
        confirmed = true
    }

    /// The date whose predecessors are to be purged now, if it is time.
    func due(at now: ContinuousClock.Instant) -> BusinessDate? {
        guard let pending, !warning else { return nil }
        if confirmed { return pending }
        guard let since, now - since >= trustPeriod else { return nil }
        return pending
    }

    /// The purge before `date` is done.
    mutating func purged(before date: BusinessDate) {
        if pending == date { pending = nil }
    }

    /// Whether messages of `date` must wait rather than be judged now: a day other than the
    /// one the hall is on, while the hall's day is not yet trusted (it may be a wrong clock's).
    func holds(messagesOf date: BusinessDate) -> Bool {
        guard let pending else { return false }
        return date != pending
    }
}
