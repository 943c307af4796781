import Foundation
import KioskCore

/// Drives the engine directly on a data directory's journal, one command per transaction:
/// how the CLI works without a daemon, and what the crash test kills mid-write.
public struct LocalHall: Sendable {
    public let engine: QueueEngine
    public let journal: SQLiteJournal
    /// Held while this hall may write (nil for a read-only look, and for tests that share a
    /// file between two halls of one process on purpose).
    public let writerLock: DataDirectoryLock?

    /// Opens the journal for writing without the data directory's lock (tests of SQLite's own
    /// serialisation); commands use `openForWriting`.
    public init(config: HallConfig, dataDirectory: String) throws {
        try PrivateFiles.makeDirectory(dataDirectory)
        engine = QueueEngine(config: config)
        journal = try SQLiteJournal(path: dataDirectory + "/journal.sqlite", calendar: engine.calendar)
        writerLock = nil
    }

    private init(engine: QueueEngine, journal: SQLiteJournal, writerLock: DataDirectoryLock?) {
        self.engine = engine
        self.journal = journal
        self.writerLock = writerLock
    }

    /// The one writer of `dataDirectory`: prepares it (0700, files 0600, `warn` told what was
    /// tightened), takes its lock (throws `DataDirectoryInUse` if a daemon or another command
    /// holds it, before the journal is touched), then opens the journal.
    public static func openForWriting(
        config: HallConfig, dataDirectory: String, warn: (PermissionFix) -> Void = { _ in }
    ) throws -> LocalHall {
        for fix in try PrivateFiles.prepareDataDirectory(dataDirectory) { warn(fix) }
        let lock = try DataDirectoryLock.acquire(directory: dataDirectory)
        let engine = QueueEngine(config: config)
        let journal = try SQLiteJournal(path: dataDirectory + "/journal.sqlite", calendar: engine.calendar)
        return LocalHall(engine: engine, journal: journal, writerLock: lock)
    }

    /// A look at `dataDirectory`'s journal that writes nothing and takes no lock: works while
    /// the daemon runs.
    public static func openReadOnly(config: HallConfig, dataDirectory: String) throws -> LocalHall {
        let engine = QueueEngine(config: config)
        let journal = try SQLiteJournal(path: dataDirectory + "/journal.sqlite", calendar: engine.calendar, readOnly: true)
        return LocalHall(engine: engine, journal: journal, writerLock: nil)
    }

    /// The hall a command works on: `explicit` (its `--config`), else the hall that last wrote
    /// the journal in `dataDirectory`, else the embedded default.
    public static func config(_ explicit: HallConfig?, dataDirectory: String) throws -> HallConfig {
        if let explicit { return explicit }
        return try recordedConfig(dataDirectory: dataDirectory) ?? .defaultHall
    }

    /// The hall that last wrote the journal in `dataDirectory` (its recorded config), or nil
    /// when it recorded none: a command without `--config` then works on the hall it means.
    public static func recordedConfig(dataDirectory: String) throws -> HallConfig? {
        let path = dataDirectory + "/journal.sqlite"
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        // Read-only: a look that must neither write nor wait for a running daemon's lock.
        let probe = try SQLiteJournal(path: path, calendar: QueueEngine(config: .defaultHall).calendar, readOnly: true)
        return try probe.lastRecordedConfig()?.config
    }

    /// `day`'s self-measured accuracy of the printed estimates, as the daemon reports it
    /// (`GET /v1/stats`), from the journal alone.
    /// What SMS replies and escalation did on `day` (the daemon's `/v1/stats` figures).
    public func replies(on day: BusinessDate) throws -> ReplyFigures {
        var figures = ReplyFigures()
        for item in try journal.events(on: day) { figures.fold(item.event) }
        return figures
    }

    /// The day's 即审 figures (the daemon's `/v1/stats` `reviews`).
    public func reviews(on day: BusinessDate) throws -> ReviewFigures {
        var figures = ReviewFigures()
        for item in try journal.events(on: day) { figures.fold(item.event) }
        return figures
    }

    public func accuracy(on day: BusinessDate) throws -> AccuracyLedger.Summary {
        AccuracyLedger(printed: try journal.printedEstimates(on: day), events: try journal.events(on: day).map(\.event)).summary()
    }

    /// The outcome of one command: the events it committed and the hall after them.
    public struct Outcome: Sendable {
        public var events: [HallEvent]
        public var state: HallState
    }

    /// Applies `command` at `now` to today's journal and commits its events durably before
    /// returning. A refused command throws its `QueueError` and writes nothing; a `now` before
    /// the journal's newest event throws `ClockBehindJournal` (events never go backwards).
    public func execute(_ command: Command, at now: Date, contact: TicketContact? = nil) throws -> Outcome {
        try ClockBehindJournal.check(journal, now: now, calendar: engine.calendar)
        try journal.recordConfigIfChanged(engine.config, at: now)
        let today = engine.calendar.businessDate(of: now)
        // Read before the write transaction: the earlier days do not change under it.
        let history = try appointmentHistory(before: today)
        return try journal.transact(on: today) { stored in
            var state = engine.replay(stored.map(\.event))
            state.appointments = AppointmentBook(folding: history + stored.map(\.event), today: today)
            let events = try engine.apply(command, to: state, at: now)
            for event in events { engine.fold(event, into: &state) }
            return (events, TicketContact.rows(contact, for: events), Outcome(events: events, state: state))
        }
    }

    /// Today's hall as the journal has it, with the timed rules run up to `now` (not committed:
    /// looking must not write).
    public func state(at now: Date) throws -> HallState {
        let today = engine.calendar.businessDate(of: now)
        var state = try todaysState(try journal.events(on: today).map(\.event), on: today)
        try engine.execute(.tick, on: &state, at: now)
        return state
    }

    /// Today's events folded, with the appointment book of the days before (bookings for today
    /// and the days ahead).
    func todaysState(_ events: [HallEvent], on today: BusinessDate) throws -> HallState {
        var state = engine.replay(events)
        state.appointments = AppointmentBook(folding: try appointmentHistory(before: today) + events, today: today)
        return state
    }

    /// The appointment events of the days before `today` that can hold a booking for today on.
    func appointmentHistory(before today: BusinessDate) throws -> [HallEvent] {
        var history: [HallEvent] = []
        for day in try journal.businessDates(before: today, limit: engine.config.appointments.bookDaysAhead + 1).reversed() {
            history += try journal.events(on: day).map(\.event).filter(\.isAppointmentEvent)
        }
        return history
    }
}
