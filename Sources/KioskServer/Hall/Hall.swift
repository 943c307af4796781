import Foundation
import KioskCore
import KioskStore
import Logging
import Synchronization

/// The single owner of the hall's state in the daemon.
///
/// A command is decided and folded at once (so the next command sees it), queued for the
/// journal, and answered only after `JournalWriter` has committed it: group commit. Commands
/// that arrive while a batch is being written share the next transaction and its fsync.
/// Subscribers (the live stream, the notifier) see an event only once it is durable.
public actor Hall {
    /// The hall's rules as of the last commit, for readers outside the actor (routes, views):
    /// one read gives one config whole, the one `published` shows. A live config change swaps
    /// it inside the actor, with the state, once durable; nothing outside ever sees a config
    /// and a state that do not belong together.
    public nonisolated var engine: QueueEngine { published.current.engine }
    /// The rules commands are decided by: the config in force, including a change still being
    /// written (as `state` holds commands still being written).
    private var rules: QueueEngine
    /// The rules of `committedState`.
    private var committedRules: QueueEngine
    /// The config the daemon started on, and its version in the journal's `hall_config`.
    private let startRules: QueueEngine
    private var startVersion: Int64 = 0
    /// The newest config version handed out (a live change takes the next).
    private var configVersion: Int64 = 0
    /// Where decided events become durable (the port: SQLite in the daemon, memory in unit tests).
    public nonisolated let journal: any Journal
    let logger: Logger
    private let clock: @Sendable () -> Date
    /// The watched wall clock (nil: `clock` is taken as it is, e.g. a `--start-at` clock).
    nonisolated let clockTrust: ClockTrust?
    /// When the previous days' phone numbers may be purged (see `Hall+Clock`).
    var purgeGate: PurgeGate

    /// Everything decided so far, including events still being written.
    public private(set) var state: HallState
    /// The fold of durable events only (what `published` shows).
    private var committedState: HallState
    /// The newest sequence number known durable.
    public private(set) var committedSeq: Int64 = 0
    /// The live wait estimator: a fold over committed events, warm-started from previous days.
    public private(set) var estimator: WaitEstimator
    /// Today's printed estimates against actual waits (rebuilt from the journal on restart).
    public private(set) var accuracy = AccuracyLedger()
    /// Today's SMS replies and escalations (a fold over committed events, like `accuracy`).
    public private(set) var replyFigures = ReplyFigures()
    /// Today's 即审 figures (`/v1/stats`), folded like the reply figures.
    public private(set) var reviewFigures = ReviewFigures()
    /// Today's staffing advice given and standing, folded as commands are decided (so two
    /// supervisors shown the same advice at once journal it once).
    public private(set) var adviceLedger = AdviceLedger()
    /// The newest calls, newest first, for the hall screen.
    public private(set) var recentCalls: [RecentCall] = []
    /// The hall as of the last commit, for reads that never enter this actor.
    public nonisolated let published: PublishedHall

    /// Seconds after which the shared projection is not used for a new ticket's estimate: far
    /// beyond `LineProjector.maxAge`, so a projector slowed by a busy machine does not send
    /// every issue back to a projection of its own (which would slow it further).
    static let staleProjection: TimeInterval = 10

    /// How many times an issue has the newcomer's own projection made outside the actor before
    /// it makes one inside (the hall's inputs changed while each was made); fewer while the last
    /// tries came back stale (`ownProjectionOutlook`).
    static let ownEstimatePreparations = 3
    /// How the last own projections sent outside came back: in a hall that changes faster than
    /// one is made, close calls make theirs inside at once rather than after wasted tries.
    private(set) var ownProjectionOutlook = OwnProjectionOutlook()
    /// Counts changes of what issues are decided on (`decisionInputsChanged`); read off the
    /// actor by the projection thread, to skip an own projection already out of date.
    nonisolated let decisionInputs = Atomic<UInt64>(0)

    /// Previous business days the estimator learns from at start-up.
    static let historyDays = 5

    private var pending: [PendingCommand] = []
    private let wakeWriter: AsyncStream<Void>.Continuation
    nonisolated let writerWakeups: AsyncStream<Void>
    /// The live streams' subscribers, served outside the actor.
    nonisolated let stream: EventFanOut
    private let metrics: ServerMetrics
    /// After a failed commit, while the state is read back from the journal: commands are
    /// refused rather than decided on a state about to be replaced.
    private var reloading = false
    /// Today's contacts, to address call messages (the journal holds them durably).
    private(set) var contacts: [TicketNumber: TicketContact] = [:]
    /// Tickets that already have a near-turn message recorded today.
    private var headsUpDone: Set<TicketNumber> = []
    /// Rebuilt when a live config change brings new SMS texts (`adopt`).
    var triggers: NotificationTriggers
    /// Tickets that already have their one reply-help message today.
    var helpSent: Set<TicketNumber> = []
    /// Replies each number may still send (`ReplySettings`).
    var replyLimit: ReplyRateLimit
    /// Set when a commit failed and the state could not be re-read from the journal either:
    /// nothing is decided until it has been (the state must never run ahead of the journal).
    private var stateNeedsReload = false
    /// The last staffing advice computed (`currentAdvice`): reused for the same snapshot within
    /// `Hall.adviceMaxAge`, so supervisors' screens polling it cost one set of what-ifs.
    nonisolated let adviceCache = Mutex<AdviceCacheEntry?>(nil)
    /// Whether the last commit failed (for `/healthz`); cleared by the next that succeeds.
    nonisolated let commitFailing = Atomic<Bool>(false)
    /// Journal faults are logged at most once per 10 s per kind.
    nonisolated let faultLog = FaultLogThrottle()
    /// Today's `Idempotency-Key`s of ticket issues (journaled with each issue, reloaded at start).
    private var issueKeys: [String: KeyedIssue] = [:]
    /// The business date `issueKeys` belong to.
    private var issueKeysDate: BusinessDate?
    private var closingTime: ClosingTimeRule

    /// A call as the hall screen lists it.
    public struct RecentCall: Sendable, Equatable {
        public var ticket: TicketNumber
        public var counter: CounterID
        public var at: Date
    }

    struct PendingCommand {
        var events: [HallEvent]
        var contacts: [TicketContact]
        var outbox: [OutboxDraft]
        var printed: [PrintedEstimate]
        var issueKeys: [IssueKeyRecord] = []
        var configs: [AppliedConfig] = []
        var continuation: CheckedContinuation<[Int64], any Error>
    }

    /// What a command did, once durable.
    public struct Outcome<View: Sendable>: Sendable {
        public var events: [HallEvent]
        public var seqs: [Int64]
        /// What the caller's `view` made of the hall right after this command.
        public var view: View
        /// The estimate to print on the ticket this command issued, if any.
        public var printed: WaitEstimate? = nil
    }

    /// Loads today's events from the journal and folds them: the state after a restart.
    /// `engine` holds the config the daemon starts on (`SQLiteJournal.configAtStart`); a day
    /// with live config changes is folded under each config as it was in force.
    ///
    /// With `clockTrust` (a hall on the watched wall clock; `clock` should then be its
    /// `watch.clock`), the previous days' phone numbers are purged once this day has run its
    /// trust period without a clock warning; without it, at once.
    public init(
        engine: QueueEngine, journal: any Journal, metrics: ServerMetrics, logger: Logger, clock: @escaping @Sendable () -> Date = Date.init,
        clockTrust: ClockTrust? = nil
    ) async throws {
        self.journal = journal
        self.metrics = metrics
        self.logger = logger
        self.clock = clock
        self.clockTrust = clockTrust
        purgeGate = PurgeGate(trustPeriod: clockTrust?.trustPeriod ?? .zero)
        startRules = engine
        startVersion = try await journal.lastConfigVersion()
        configVersion = startVersion
        let today = engine.calendar.businessDate(of: clock())
        let stored = try await journal.events(on: today)
        let events = stored.map(\.event)
        let rules: QueueEngine
        (rules, state) = try await Self.replay(events, startingFrom: engine, version: startVersion, journal: journal)
        // Appointments booked on earlier days for today and the days ahead.
        let history = try await journal.appointmentHistory(before: today, days: rules.config.appointments.bookDaysAhead + 1)
        state.appointments = AppointmentBook(folding: history + events, today: today)
        self.rules = rules
        committedRules = rules
        committedState = state
        var estimator = WaitEstimator(config: rules.config)
        for day in try await journal.businessDates(before: today, limit: Self.historyDays).reversed() {
            for item in try await journal.events(on: day) { estimator.fold(item.event) }
            estimator.closeDay()
        }
        for event in events { estimator.fold(event) }
        self.estimator = estimator
        // Today's accuracy so far: what was printed, then what happened.
        accuracy = AccuracyLedger(printed: try await journal.printedEstimates(on: today), events: events)
        for event in events {
            replyFigures.fold(event)
            reviewFigures.fold(event)
            adviceLedger.fold(event, config: rules.config)
        }
        committedSeq = try await journal.lastSeq()
        (writerWakeups, wakeWriter) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(1))
        for event in events { Self.noteCall(event, in: &recentCalls) }
        published = PublishedHall(.init(seq: committedSeq, engine: rules, state: state, estimator: estimator, recentCalls: recentCalls))
        stream = EventFanOut(delivered: committedSeq, buffer: rules.config.limits.streamBuffer, metrics: metrics, logger: logger)
        // The previous days' numbers go now on a clock taken as it is; on the wall clock only
        // once this day is trusted (`watchClock`, every tick): the date may be a wrong clock's.
        purgeGate.dayBegan(today, at: clockTrust?.monotonic() ?? ContinuousClock.now)
        if let before = purgeGate.due(at: clockTrust?.monotonic() ?? ContinuousClock.now) {
            try await journal.purgeContacts(before: before)
            try await journal.purgeOutboxPhones(before: before, now: clock())
            purgeGate.purged(before: before)
        }
        triggers = NotificationTriggers(config: rules.config)
        replyLimit = ReplyRateLimit(settings: rules.config.reply)
        closingTime = ClosingTimeRule(engine: rules)
        for contact in try await journal.contacts(on: today) { contacts[contact.ticket] = contact }
        headsUpDone = try await journal.outboxTickets(date: today, trigger: .nearTurn)
        helpSent = try await journal.outboxTickets(date: today, trigger: .replyHelp)
        issueKeysDate = today
        for record in try await journal.issueKeys(on: today) {
            issueKeys[record.key] = .issued(fingerprint: record.fingerprint, ticket: record.ticket)
        }
        if journal.unreadableRowCount > 0 {
            logger.warning(
                "journal rows that could not be read are quarantined; the hall runs without them",
                metadata: ["journal.quarantined_rows": "\(journal.unreadableRowCount)"]
            )
        }
    }

    /// Folds a day's `events` the way they happened: from the config in force before the
    /// day's first live change, switching at each `configChanged`. When the daemon started on a
    /// config recorded after the day's last live change (`version`: its file was edited), that
    /// one is in force at the end.
    private static func replay(
        _ events: [HallEvent], startingFrom start: QueueEngine, version: Int64, journal: any Journal
    ) async throws -> (QueueEngine, HallState) {
        let versions = ConfigTimeline.versions(in: events)
        guard !versions.isEmpty else { return (start, start.replay(events)) }
        let timeline = try await journal.configTimeline(versions: versions)
        let first = timeline.initial.map(QueueEngine.init(config:)) ?? start
        var (rules, state) = first.replay(events, configs: timeline.versions)
        if versions.max()! < version {
            rules = start
            state = start.adopting(state)
        }
        return (rules, state)
    }

    /// What a live config change did.
    public struct ConfigApplied: Sendable {
        /// The config's version in the journal (nil: nothing changed, nothing recorded).
        public var version: Int64?
        public var diff: HallConfigDiff
        /// The `configChanged` event and its sequence number (nil: nothing changed).
        public var event: StoredEvent?
    }

    /// Puts `config` in force now, journaled as a `configChanged` event with the config
    /// recorded under its version in the same transaction (so a restart and a replay run on
    /// it from that moment). Refused, changing nothing, with `QueueError.configChangeRefused`
    /// when the hall cannot switch now. A config equal to the one in force changes nothing.
    public func applyConfig(_ config: HallConfig, by: String) async throws -> ConfigApplied {
        let diff = HallConfigDiff(from: rules.config, to: config)
        guard !diff.isEmpty else { return ConfigApplied(version: nil, diff: diff, event: nil) }
        // Versions are handed out here, one at a time; one refused or not committed leaves a gap.
        configVersion += 1
        let version = configVersion
        let outcome = try await execute(.changeConfig(config, version: version, by: by)) { _, _, _ in () }
        let event = outcome.events.last.flatMap { last in
            outcome.seqs.last.map { StoredEvent(seq: $0, date: rules.calendar.businessDate(of: last.at), event: last) }
        }
        return ConfigApplied(version: version, diff: diff, event: event)
    }

    /// Swaps the rules for `config`'s, inside the actor, with the state they take over: the
    /// windows, the triggers' texts, the closing-time rule and the estimator's projection.
    private func adopt(_ config: HallConfig) {
        rules = QueueEngine(config: config)
        state = rules.adopting(state)
        triggers = NotificationTriggers(config: config)
        // New reply limits start counting afresh; unchanged ones keep today's counts.
        if replyLimit.settings != config.reply { replyLimit = ReplyRateLimit(settings: config.reply) }
        closingTime = ClosingTimeRule(engine: rules)
        estimator.adopt(config)
        decisionInputsChanged()
    }

    /// The current time as the hall's rules see it (the wall clock, or a test's clock).
    public nonisolated func now() -> Date { clock() }

    /// Decides `command` now, and returns once its events are durable. A refused command
    /// throws `QueueError` (or `TurnAfterClosing`) and changes nothing; a command with no
    /// events returns at once.
    ///
    /// Every rule is decided here, once, on the state every earlier command left, before the
    /// events are queued for the journal: the engine's, and for a ticket the closing-time rule
    /// on the very estimate that is printed. Nothing is awaited between deciding and folding,
    /// so parallel commands cannot decide on the same state.
    ///
    /// `view` renders what the caller needs of the hall right after the command, inside the
    /// actor: holding a copy of the whole state across the commit wait would make the next
    /// command's fold copy every ticket (copy-on-write), which group commit cannot afford.
    /// Claims `key` for one issue: nil when this request is the first with it (it must then
    /// be passed to `execute` and `finishIssue`), the ticket when an earlier request with the
    /// same key and the same ask was committed (the caller answers with it again). Waits while
    /// another request with the key is being decided or committed; throws
    /// `IdempotencyConflict` when the key came with a different ask.
    public func claimIssueKey(_ key: IssueKey) async throws -> TicketNumber? {
        while true {
            let today = rules.calendar.businessDate(of: clock())
            if issueKeysDate != today {
                // Keys hold for one business day (reserved ones stay: they are in flight).
                issueKeys = issueKeys.filter { if case .reserved = $0.value { return true } else { return false } }
                issueKeysDate = today
            }
            guard let known = issueKeys[key.key] else {
                issueKeys[key.key] = .reserved(fingerprint: key.fingerprint, waiters: [])
                return nil
            }
            guard known.fingerprint == key.fingerprint else { throw IdempotencyConflict() }
            switch known {
            case let .issued(_, ticket):
                return ticket
            case .reserved:
                await withCheckedContinuation { continuation in
                    if case .reserved(let fingerprint, var waiters) = issueKeys[key.key] {
                        waiters.append(continuation)
                        issueKeys[key.key] = .reserved(fingerprint: fingerprint, waiters: waiters)
                    } else {
                        continuation.resume()
                    }
                }
            }
        }
    }

    /// Ends a claim: the key now names `ticket`, or (nil: refused, or not committed) is free
    /// again. Requests waiting on it look again.
    public func finishIssue(_ key: IssueKey, ticket: TicketNumber?) {
        guard case let .reserved(_, waiters) = issueKeys[key.key] else { return }
        issueKeys[key.key] = ticket.map { .issued(fingerprint: key.fingerprint, ticket: $0) }
        for waiter in waiters { waiter.resume() }
    }

    public func execute<View: Sendable>(
        _ command: Command, contact: TicketContact? = nil, issueKey: IssueKey? = nil,
        view: @Sendable (HallState, WaitEstimator, [HallEvent]) -> View
    ) async throws -> Outcome<View> {
        // A new ticket's estimate is the shared projection plus that ticket. When none fits the
        // last commit (the first issue after a start, before the projector's first projection;
        // a window opened since), one is made now on the projection thread while this command
        // waits outside the actor, which takes other commands meanwhile: a projection of the
        // whole line inside it would hold them all. Nothing is decided before the wait.
        if case .issue = command, await published.waitForFittingProjection(at: clock()) {
            metrics.recordIssueProjectionWait()
        }
        // A close call of the closing-time rule needs the newcomer's own projection of the whole
        // line. It is made outside the actor, on the state and estimator as they are now, while
        // the actor takes other commands; the issue is then decided on it only if nothing it
        // decides on changed meanwhile (`decisionInputs`), else it is made again. After
        // `ownEstimatePreparations` tries, or at once while the last tries went stale
        // (`ownProjectionOutlook`: a busy hall), it is made inside the actor, as before.
        var prepared: PreparedOwnEstimate?
        var preparations = 0
        while true {
            // While the state is being read back from the journal, nothing is decided on it.
            guard !reloading else { throw JournalUnavailable() }
            if stateNeedsReload, await !reloadFromJournal() { throw JournalUnavailable() }
            let now = clock()
            let events = try rules.apply(command, to: state, at: now)
            guard !events.isEmpty else { return Outcome(events: [], seqs: [], view: view(state, estimator, [])) }
            let inputs = decisionInputs.load(ordering: .relaxed)
            var plan = IssueEstimatePlan.decide(shared: nil)
            if case let .issue(_, _, _, override) = command {
                plan = issueEstimatePlan(events, inputs: inputs, at: now, closingRule: override == nil, prepared: prepared)
            }
            if case let .project(key, on) = plan, preparations < Self.ownEstimatePreparations, ownProjectionOutlook.sendOutside() {
                preparations += 1
                metrics.recordIssueOwnProjectionTry()
                prepared = await published.prepareOwnEstimate(key, in: on, estimator: estimator, at: now) { [self] in
                    decisionInputs.load(ordering: .relaxed) == inputs
                }
                // Back on the actor, before anything else runs on it: was the hall the same throughout?
                let fresh = prepared != nil && decisionInputs.load(ordering: .relaxed) == inputs
                ownProjectionOutlook.tried(fresh: fresh)
                if !fresh { metrics.recordIssueOwnProjectionStale() }
                continue
            }
            var shared: WaitEstimate?
            if case let .decide(estimate) = plan { shared = estimate }
            return try await decide(
                command, events: events, inputs: inputs, shared: shared, prepared: prepared, at: now, contact: contact, issueKey: issueKey, view: view
            )
        }
    }

    /// How a new ticket's estimate is to be had, worked out in the same turn of the actor as
    /// `decide`, so the shared figure found here is the one it would find.
    private enum IssueEstimatePlan {
        /// Decide now: on `shared` (the shared projection plus the ticket) when it gives the
        /// figure, else on the prepared own projection, or one made inside.
        case decide(shared: WaitEstimate?)
        /// The newcomer's own projection is needed and none was prepared on these inputs.
        case project(PreparedOwnEstimate.Key, HallState)
    }

    /// `execute`'s decision, once nothing more is awaited before the events are folded and
    /// queued: `events` are what the rules made of `command` on the current state at `now`, and
    /// `shared` an issue's figure from the shared projection (`issueEstimatePlan`, in this same
    /// turn), nil when the newcomer's own projection must give it: `prepared`, made outside the
    /// actor, if any (taken only if made on these very `inputs`), or one made here.
    private func decide<View: Sendable>(
        _ command: Command, events: [HallEvent], inputs: UInt64, shared: WaitEstimate?, prepared: PreparedOwnEstimate?, at now: Date,
        contact: TicketContact?, issueKey: IssueKey?, view: @Sendable (HallState, WaitEstimator, [HallEvent]) -> View
    ) async throws -> Outcome<View> {
        var events = events
        var printed: WaitEstimate?
        var records: [PrintedEstimate] = []
        var refusal: TurnAfterClosing?
        if case let .issue(_, _, _, override) = command, let issue = events.last, case let .issued(number, service, priority, hasContact, _) = issue.kind {
            // Timed rules that fell due come first; they are facts whatever the answer.
            for event in events.dropLast() { rules.fold(event, into: &state) }
            // The new ticket's estimate before it is folded (the same figure as after), so a
            // refusal has nothing to undo.
            let newcomer = Ticket(
                number: number, service: service, priority: priority, issuedAt: issue.at, sequence: state.issueSequence, hasContact: hasContact
            )
            let key = PreparedOwnEstimate.Key(inputs: inputs, timed: Array(events.dropLast()), newcomer: newcomer)
            let closingRule = override == nil
            if let shared {
                metrics.recordIssueEstimate(source: "shared")
                printed = shared
            } else if let prepared, prepared.key.matches(key) {
                metrics.recordIssueEstimate(source: "outside")
                printed = prepared.estimate
            } else {
                metrics.recordIssueEstimate(source: "own")
                printed = estimator.estimate(issuing: newcomer, in: state, at: now)
            }
            printed = printed.map(widened)
            if closingRule, let printed {
                refusal = closingTime.refusal(service: service, callAt: printed.callAt, in: state, at: now)
            }
            if refusal == nil {
                rules.fold(issue, into: &state)
                // Into the ledger once committed (see `flush`): a new day's reset, committed in
                // the same batch, would otherwise wipe it.
                if let printed { records.append(PrintedEstimate(printed, issuedAt: issue.at)) }
            } else {
                events.removeLast()
                printed = nil
            }
        } else {
            for event in events { rules.fold(event, into: &state) }
        }
        // Whatever was folded (a refusal alone folds nothing, and leaves prepared projections good).
        if !events.isEmpty { decisionInputsChanged() }
        var applied: [AppliedConfig] = []
        if case let .changeConfig(config, version, _) = command, let change = events.last {
            adopt(config)
            applied.append(AppliedConfig(version: version, at: change.at, config: config))
        }
        for event in events { adviceLedger.fold(event, config: rules.config) }
        if let refusal, events.isEmpty { throw refusal }
        let rendered = refusal == nil ? view(state, estimator, events) : nil
        let contacts = TicketContact.rows(contact, for: events)
        let newDay = events.lazy.compactMap { event -> BusinessDate? in
            if case let .dayStarted(date) = event.kind { return date } else { return nil }
        }.last
        if newDay != nil {
            // A new business day: yesterday's phone numbers leave memory now (the new day's
            // messages never need them), and the disk once the day's start is durable and the
            // date trusted (below: nothing is awaited before the command is queued).
            self.contacts = [:]
            headsUpDone = []
            helpSent = []
        }
        for number in events.compactMap(\.issuedTicket) { self.contacts[number] = contacts.first { $0.ticket == number } }
        // The messages these events trigger commit with them, in the same transaction.
        let outbox = triggers.drafts(for: events, in: state, contacts: { self.contacts[$0] }, printedWait: { [wait = printed?.wait] _ in wait })
        let seqs = try await withCheckedThrowingContinuation { continuation in
            var keys: [IssueKeyRecord] = []
            if let issueKey, let issued = events.last(where: { $0.issuedTicket != nil }), let number = issued.issuedTicket {
                keys.append(IssueKeyRecord(date: rules.calendar.businessDate(of: issued.at), key: issueKey.key, fingerprint: issueKey.fingerprint, ticket: number))
            }
            pending.append(PendingCommand(
                events: events, contacts: contacts, outbox: outbox, printed: records, issueKeys: keys, configs: applied, continuation: continuation
            ))
            wakeWriter.yield()
        }
        if let newDay {
            purgeGate.dayBegan(newDay, at: monotonicNow())
            await purgeIfDue()
        }
        // A refused ticket still lets the timed events it ran into commit (they happened).
        guard refusal == nil, let rendered else { throw refusal ?? JournalUnavailable() }
        return Outcome(events: events, seqs: seqs, view: rendered, printed: printed)
    }

    /// `execute` for a caller that needs no view of the hall.
    @discardableResult
    public func execute(_ command: Command, contact: TicketContact? = nil) async throws -> Outcome<Void> {
        try await execute(command, contact: contact) { _, _, _ in () }
    }

    /// Writes every queued command's events in one transaction, then answers them all.
    /// Called by `JournalWriter` only, one batch at a time.
    func flush() async {
        guard !pending.isEmpty else { return }
        let batch = pending
        pending = []
        let events = batch.flatMap(\.events)
        let started = ContinuousClock.now
        do {
            let seqs = try await journal.commit(JournalBatch(
                events: events, contacts: batch.flatMap(\.contacts), outbox: batch.flatMap(\.outbox), printed: batch.flatMap(\.printed),
                issueKeys: batch.flatMap(\.issueKeys), configs: batch.flatMap(\.configs)
            ))
            metrics.recordCommit(commands: batch.count, duration: ContinuousClock.now - started)
            var offset = 0
            for command in batch {
                command.continuation.resume(returning: Array(seqs[offset..<offset + command.events.count]))
                offset += command.events.count
            }
            let stored = zip(seqs, events).map { StoredEvent(seq: $0, date: rules.calendar.businessDate(of: $1.at), event: $1) }
            var next = stored.makeIterator()
            for command in batch {
                for _ in command.events {
                    guard let item = next.next() else { break }
                    Self.noteCall(item.event, in: &recentCalls)
                    committedRules.fold(item.event, into: &committedState)
                    if case let .configChanged(version, _) = item.event.kind, let applied = command.configs.first(where: { $0.version == version }) {
                        committedRules = QueueEngine(config: applied.config)
                        committedState = committedRules.adopting(committedState)
                    }
                    estimator.fold(item.event)
                    accuracy.fold(item.event)
                    // Today's figures: a new business day starts them afresh.
                    if case .dayStarted = item.event.kind {
                        replyFigures = ReplyFigures()
                        reviewFigures = ReviewFigures()
                    }
                    replyFigures.fold(item.event)
                    reviewFigures.fold(item.event)
                    metrics.record(item.event, in: state)
                }
                for record in command.printed { accuracy.recordPrinted(record) }
            }
            committedSeq = seqs.last ?? committedSeq
            decisionInputsChanged()   // the estimator folded the batch
            if commitFailing.exchange(false, ordering: .relaxed) {
                faultLog.clearAll()
                logger.notice("journal writes again", metadata: ["journal.commands": "\(batch.count)"])
            }
            publish()
            // After the snapshot: a screen that reads the hall on an event sees that event in it.
            stream.handOff(.events(stored))
        } catch {
            // Nothing of this batch is acknowledged. Later commands were decided on top of it,
            // so they fail too, and the state goes back to what the journal holds.
            commitFailing.store(true, ordering: .relaxed)
            let kind = JournalFault.kind(of: error)
            if let heldBack = faultLog.admit("commit." + kind) {
                logger.error("journal write failed; commands answer 503 journal_unavailable until it writes again", metadata: [
                    "error": "\(error)", "journal.fault": "\(kind)", "journal.failures_not_logged": "\(heldBack)",
                ])
            }
            let failed = batch + pending
            pending = []
            for command in failed { command.continuation.resume(throwing: JournalUnavailable()) }
            _ = await reloadFromJournal()
        }
    }

    /// Puts the state (and today's contacts) back to exactly what the journal holds. When the
    /// journal cannot even be read, the hall refuses every command until it can: deciding on
    /// a state with events the journal never took would hand out what was never kept.
    /// Returns whether it could.
    private func reloadFromJournal() async -> Bool {
        reloading = true
        defer { reloading = false }
        do {
            let today = rules.calendar.businessDate(of: clock())
            let stored = try await journal.events(on: today)
            let saved = try await journal.contacts(on: today)
            // The rules too: a live change the journal did not take is undone with its state.
            var (journaled, replayed) = try await Self.replay(stored.map(\.event), startingFrom: startRules, version: startVersion, journal: journal)
            let history = try await journal.appointmentHistory(before: today, days: journaled.config.appointments.bookDaysAhead + 1)
            replayed.appointments = AppointmentBook(folding: history + stored.map(\.event), today: today)
            if journaled.config != rules.config { adopt(journaled.config) }
            state = replayed
            decisionInputsChanged()
            committedState = state
            committedRules = rules
            contacts = Dictionary(saved.map { ($0.ticket, $0) }) { $1 }
            stateNeedsReload = false
            publish()
            return true
        } catch {
            stateNeedsReload = true
            let kind = JournalFault.kind(of: error)
            if let heldBack = faultLog.admit("reload." + kind) {
                logger.error("journal cannot be read; the hall refuses commands until it can", metadata: [
                    "error": "\(error)", "journal.fault": "\(kind)", "journal.failures_not_logged": "\(heldBack)",
                ])
            }
            return false
        }
    }

    /// Hands readers outside the actor the hall as of this commit: `committedState`, never
    /// `state`, which may hold commands decided during the write and not yet durable (a read
    /// must not show what a failed commit would undo).
    private func publish() {
        published.publish(.init(seq: committedSeq, engine: committedRules, state: committedState, estimator: estimator, recentCalls: recentCalls))
    }

    /// The ticket `issue` (an `issued` event) puts in line on `state`, before it is folded.
    private static func newcomer(_ issue: HallEvent, in state: HallState) -> Ticket? {
        guard case let .issued(number, service, priority, hasContact, _) = issue.kind else { return nil }
        return Ticket(number: number, service: service, priority: priority, issuedAt: issue.at, sequence: state.issueSequence, hasContact: hasContact)
    }

    /// The plan for the issue that `events` end with (decided at `now` on the current state,
    /// with the hall's `inputs`): the shared figure when `sharedNewcomerEstimate` gives it; else,
    /// unless `prepared` was made on these inputs, what to project outside the actor and the
    /// state to project it on (the timed events among `events` folded, as `decide` folds them).
    private func issueEstimatePlan(
        _ events: [HallEvent], inputs: UInt64, at now: Date, closingRule: Bool, prepared: PreparedOwnEstimate?
    ) -> IssueEstimatePlan {
        guard let issue = events.last else { return .decide(shared: nil) }
        let timed = Array(events.dropLast())
        // A copy only when timed events fell due (a tick usually folds them first).
        var on = state
        for event in timed { rules.fold(event, into: &on) }
        guard let newcomer = Self.newcomer(issue, in: on) else { return .decide(shared: nil) }
        if let shared = sharedNewcomerEstimate(newcomer, in: on, at: now, closingRule: closingRule) { return .decide(shared: shared) }
        let key = PreparedOwnEstimate.Key(inputs: inputs, timed: timed, newcomer: newcomer)
        if let prepared, prepared.key.matches(key) { return .decide(shared: nil) }
        return .project(key, on)
    }

    /// Counts a change of what issues are decided on (the state, the estimator, the rules): an
    /// own projection prepared before it is not taken after it.
    private func decisionInputsChanged() {
        decisionInputs.wrappingAdd(1, ordering: .relaxed)
    }

    /// A new ticket's estimate, before it is folded: the shared projection (`published`, as of
    /// a recent commit) plus that ticket, pushed back by the tickets of its service issued since
    /// that projection that will be called before it. Nil when the newcomer's own projection
    /// (on the state every earlier command left, as before there was a shared one) must give it
    /// instead: when the shared one does not fit `state` (`LineProjection.fits`: more than
    /// `staleProjection` old, a projector stopped or a hall clock running faster than it;
    /// `execute` waited for one of this hall's, but commands decided and not yet committed may
    /// have opened a window or begun a day), and, with `closingRule`,
    /// whenever the closing-time rule could decide otherwise on it: the shared figure's call
    /// within `LineProjection.closingMargin` of the session's end. So the rule refuses exactly
    /// where the newcomer's own projection would, and parallel kiosks at the limit cannot all
    /// slip past it on one projection (each decides on its own, in turn, inside the actor).
    private func sharedNewcomerEstimate(_ newcomer: Ticket, in state: HallState, at now: Date, closingRule: Bool) -> WaitEstimate? {
        let shared = published.currentEstimates.line
        guard shared.fits(state, config: rules.config, at: now, maxAge: Self.staleProjection) else { return nil }
        // Counted on the line's index, not by a pass over the line: the tickets issued since
        // the projection and still waiting (of any service, wherever they stand), those of them
        // called before the newcomer, and the people ahead in its service now (the explanation
        // printed on the ticket).
        let line = state.waitingIndex
        let joinedSince = line.joined(since: shared.issueSequence)
        let extraAhead = shared.joinedAhead(of: newcomer, in: line)
        let ahead = line.waiting(service: newcomer.service)
        guard let joined = shared.estimate(joining: newcomer, extraAhead: extraAhead, ahead: ahead, at: now) else { return nil }
        // Both figures stop at the projection's horizon: a session ending beyond it can refuse
        // neither, and the shared one is then as good as the newcomer's own.
        if closingRule, let deadline = closingTime.deadline(service: newcomer.service, in: state, at: now),
           deadline < now.addingTimeInterval(estimator.options.horizon) {
            let margin = shared.closingMargin(of: joined, service: newcomer.service, joinedSince: joinedSince, extraAhead: extraAhead)
            if joined.callAt.addingTimeInterval(margin) > deadline { return nil }
        }
        return joined
    }

    /// The estimate to print for a waiting ticket: the estimator's, its range widened by how
    /// much recent errors exceed it.
    public func printedEstimate(for number: TicketNumber) -> WaitEstimate? {
        estimator.estimate(for: number, in: state, at: clock()).map(widened)
    }

    /// `estimate` with its range widened by how much recent errors exceed it (the wait itself
    /// stays the estimator's).
    private func widened(_ estimate: WaitEstimate) -> WaitEstimate {
        var estimate = estimate
        let widen = accuracy.rangeWidening(forHalfWidth: (estimate.high - estimate.low) / 2)
        estimate.low = max(0, estimate.low - widen)
        estimate.high += widen
        return estimate
    }

    /// The hall as of its last commit, read inside the actor: after any commit whose events a
    /// stream has already been handed (`published.current` may, for a moment, be older).
    public func committedSnapshot() -> PublishedHall.Snapshot {
        published.current
    }

    /// Runs `body` on the current state inside the actor (no copy leaves it).
    public func read<T: Sendable>(_ body: @Sendable (HallState) -> T) -> T {
        body(state)
    }

    /// Runs `body` with the state and the estimator as they are now.
    public func read<T: Sendable>(_ body: @Sendable (HallState, WaitEstimator) -> T) -> T {
        body(state, estimator)
    }

    /// Answers every command still queued (graceful shutdown drains before exiting).
    var hasPending: Bool { !pending.isEmpty }

    /// Committed events from now on; the caller first reads the journal after its last seen
    /// sequence number up to the returned `from` (no gap, no duplicate). Nil once the daemon
    /// is shutting down. Served by `stream`, outside the actor.
    public nonisolated func subscribe() -> (from: Int64, events: AsyncStream<HallStreamItem>, id: UUID)? {
        stream.subscribe()
    }

    /// A comment line on every live stream, so a quiet hall is told from a dead connection
    /// (called every `limits.stream_heartbeat_s`).
    public nonisolated func heartbeat() {
        stream.handOff(.heartbeat)
    }

    /// The stream's reader calls this when it stops reading.
    public nonisolated func unsubscribe(_ id: UUID) {
        stream.unsubscribe(id)
    }

    /// Refuses new streams and ends the open ones (graceful shutdown).
    nonisolated func close() {
        stream.close()
    }

    /// Ends every live stream.
    nonisolated func finishSubscribers() {
        stream.finishAll()
    }

    /// The heads-up pass (every few seconds): re-estimates the whole line once, notes the
    /// tickets whose heads-up has fallen due (for the accuracy ledger, phone or not), and
    /// records "near turn" messages for those with a contact (the estimator's moment, or few
    /// people ahead), once per ticket and recipient. Returns how many messages.
    @discardableResult
    public func enqueueHeadsUps() async -> Int {
        let now = clock()
        guard !state.waiting.isEmpty, let date = state.date else { return 0 }
        // The shared projection of the whole line (what `kiosk replay` scores and the screens
        // read), of a recent commit of this hall (`LineProjection.fits`: the same day, config and
        // windows), as old as the projector lets it get: projected here only when it does not
        // fit, off the actor (the hall takes commands meanwhile; the line is read again below,
        // after the wait). Tickets issued since it have no heads-up moment in it (as those not
        // yet committed never had); they are still in their hold (`heads_up_hold_s`, 2 min by
        // default, against a projection seconds old), so nothing falls due for them before a
        // later pass reads a projection that has them.
        let headsUpAt = await published.sharedEstimates(at: now, maxAge: LineProjector.maxAge).line.headsUpAt
        guard state.date == date else { return 0 }   // a new day began meanwhile
        var due: [TicketNumber] = []
        var aheadOfService: [ServiceCode: Int] = [:]
        for ticket in state.waitingTickets {
            let ahead = aheadOfService[ticket.service, default: 0]
            aheadOfService[ticket.service] = ahead + 1
            guard !accuracy.headsUpRecorded(ticket.number),
                  triggers.isHeadsUpDue(issuedAt: ticket.issuedAt, ahead: ahead, headsUpAt: headsUpAt[ticket.number], at: now),
                  accuracy.recordHeadsUp(ticket.number, at: now) else { continue }
            due.append(ticket.number)
        }
        if !due.isEmpty {
            do {
                try await journal.recordHeadsUps(due, on: date, at: now)
            } catch {
                if faultLog.admit("heads_up." + JournalFault.kind(of: error)) != nil {
                    logger.error("recording heads-ups failed", metadata: ["error": "\(error)"])
                }
            }
        }
        let drafts = triggers.headsUps(
            in: state, at: now, contacts: { self.contacts[$0] },
            headsUpAt: { headsUpAt[$0] },
            skip: { self.headsUpDone.contains($0) }
        )
        guard !drafts.isEmpty else { return 0 }
        for draft in drafts { headsUpDone.insert(draft.ticket) }
        do {
            return try await journal.enqueue(drafts)
        } catch {
            for draft in drafts { headsUpDone.remove(draft.ticket) }
            if faultLog.admit("heads_up_outbox." + JournalFault.kind(of: error)) != nil {
                logger.error("outbox write failed", metadata: ["error": "\(error)"])
            }
            return 0
        }
    }

    public func contact(for ticket: TicketNumber) async throws -> TicketContact? {
        guard let date = state.date else { return nil }
        return try await journal.contact(for: ticket, on: date)
    }

    private static func noteCall(_ event: HallEvent, in calls: inout [RecentCall]) {
        switch event.kind {
        case let .called(ticket, counter, _), let .recalled(ticket, counter, _), let .unparked(ticket, counter), let .calledBack(ticket, counter):
            calls.removeAll { $0.ticket == ticket }
            calls.insert(RecentCall(ticket: ticket, counter: counter, at: event.at), at: 0)
            if calls.count > 20 { calls.removeLast() }
        case .dayStarted:
            calls = []
        default:
            break
        }
    }
}

/// The journal could not commit; nothing of the command was kept.
public struct JournalUnavailable: Error, Sendable {}

/// What a live stream carries: a committed event, or a heartbeat (nothing happened).
public enum HallStreamItem: Sendable, Equatable {
    case event(StoredEvent)
    case heartbeat
}
