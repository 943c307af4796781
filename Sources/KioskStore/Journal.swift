import KioskCore

/// The durable log of the hall's events: what was acknowledged is in here, and start-up is a
/// fold over it. One live adapter (`SQLiteJournal`); tests use it on temp files.
public protocol Journal: Sendable {
    /// Appends events (and the contacts of tickets they issue) in one durable transaction.
    /// Returns the sequence number given to each event, in order.
    func append(_ events: [HallEvent], contacts: [TicketContact]) throws -> [Int64]

    /// Every event of `date`, in commit order.
    func events(on date: BusinessDate) throws -> [StoredEvent]

    /// Events after sequence number `seq` (for a live stream that resumes), in order.
    func events(after seq: Int64, limit: Int) throws -> [StoredEvent]

    /// The latest business date that has events.
    func latestDate() throws -> BusinessDate?

    /// The contact left for a ticket of `date`, if any.
    func contact(for ticket: TicketNumber, on date: BusinessDate) throws -> TicketContact?

    /// Deletes the phone numbers of every business date before `date`. Returns how many rows.
    @discardableResult
    func purgeContacts(before date: BusinessDate) throws -> Int
}

/// An event with its place in the journal.
public struct StoredEvent: Sendable, Equatable {
    public var seq: Int64
    public var date: BusinessDate
    public var event: HallEvent

    public init(seq: Int64, date: BusinessDate, event: HallEvent) {
        self.seq = seq
        self.date = date
        self.event = event
    }
}
