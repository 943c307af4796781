/// The supervisor console's page models (`web/templates/console-*.mustache`). Everything in them
/// is text the templates escape; the server fills them in (`KioskServer/Console`).

/// What every console page's frame shows: the hall, the stylesheet, and who is signed in (with
/// the CSRF token the sign-out form carries).
public struct ConsoleFrame: Sendable {
    public struct Session: Sendable {
        public var user: String
        public var role: String
        public var csrf: String

        public init(user: String, role: String, csrf: String) {
            self.user = user
            self.role = role
            self.csrf = csrf
        }
    }

    public var hallName: String
    public var stylesheet: String
    public var session: Session?
    public var onHall = false
    public var onFigures = false

    public init(hallName: String, session: Session?) {
        self.hallName = hallName
        self.session = session
        stylesheet = WebAssets.named("console.css")!.path
    }
}

/// `console-sign-in`: the form, its own CSRF token, the name typed and why the last try failed.
public struct ConsoleSignInPage: Sendable {
    public var frame: ConsoleFrame
    public var csrf: String
    public var name: String
    public var message: String?

    public init(frame: ConsoleFrame, csrf: String, name: String, message: String?) {
        self.frame = frame
        self.csrf = csrf
        self.name = name
        self.message = message
    }
}

/// `console-refused`: why something was not done, with its stable code.
public struct ConsoleRefusedPage: Sendable {
    public var frame: ConsoleFrame
    public var status: Int
    public var code: String
    public var message: String

    public init(frame: ConsoleFrame, status: Int, code: String, message: String) {
        self.frame = frame
        self.status = status
        self.code = code
        self.message = message
    }
}

/// `console-hall`: the page around the live part.
public struct ConsoleHallPage: Sendable {
    public var frame: ConsoleFrame
    public var script: String
    public var hall: ConsoleHallPart

    public init(frame: ConsoleFrame, hall: ConsoleHallPart) {
        self.frame = frame
        self.hall = hall
        script = WebAssets.named("console.js")!.path
    }
}

/// `console-hall-part`: the live part, also fetched alone by the page's script.
public struct ConsoleHallPart: Sendable, Equatable {
    public struct Window: Sendable, Equatable {
        public var id: String
        public var name: String
        /// `open`, `paused`, `closed`.
        public var status: String
        public var statusText: String
        public var current: String?
        public var currentState: String?
        /// Hall time the ticket was called or its service began, `HH:MM`.
        public var since: String?
        public var backAt: String?
        public var servicesText: String
        public var parkedText: String?
        /// Priority tickets set aside because the citizen did not answer the call (未确认).
        public var awaitingText: String?
        /// Names of the windows it covers, and of those covering it.
        public var covering: [String]
        public var coveredBy: [String]
        /// Ids of the windows it covers, comma-separated (for scripts and tests).
        public var coveringIDs: String
        public var waiting: Int
        public var coverChoices: [Choice]

        // Stored, not computed: mustache sees a model through reflection (stored properties only).
        public var isOpen: Bool
        public var isPaused: Bool
        public var isClosed: Bool
        public var isCovering: Bool
        public var hasCoverChoices: Bool

        public init(
            id: String, name: String, status: String, statusText: String, current: String?, currentState: String?, since: String?,
            backAt: String?, servicesText: String, parkedText: String?, awaitingText: String?, covering: [String], coveredBy: [String],
            coveringIDs: String, waiting: Int, coverChoices: [Choice]
        ) {
            self.id = id; self.name = name; self.status = status; self.statusText = statusText; self.current = current
            self.currentState = currentState; self.since = since; self.backAt = backAt; self.servicesText = servicesText
            self.parkedText = parkedText; self.awaitingText = awaitingText; self.covering = covering; self.coveredBy = coveredBy
            self.coveringIDs = coveringIDs; self.waiting = waiting; self.coverChoices = coverChoices
            isOpen = status == "open"; isPaused = status == "paused"; isClosed = status == "closed"
            isCovering = !covering.isEmpty; hasCoverChoices = !coverChoices.isEmpty
        }
    }

    public struct Choice: Sendable, Equatable {
        public var id: String
        public var name: String
        public init(id: String, name: String) { self.id = id; self.name = name }
    }

    public struct Line: Sendable, Equatable {
        public var code: String
        public var name: String
        public var waiting: Int
        public var longestText: String
        public var targetMin: Int
        public var estimateText: String
        public var status: String
        public var overTarget: Bool
        public var closedBySupervisor: Bool

        public init(code: String, name: String, waiting: Int, longestText: String, targetMin: Int, estimateText: String, status: String,
                    overTarget: Bool, closedBySupervisor: Bool) {
            self.code = code; self.name = name; self.waiting = waiting; self.longestText = longestText; self.targetMin = targetMin
            self.estimateText = estimateText; self.status = status; self.overTarget = overTarget; self.closedBySupervisor = closedBySupervisor
        }
    }

    /// One staffing advice: what to do, the figures before → after, and how to take it (a
    /// supervisor's form to the same window action; a service added is an admin's command).
    public struct Advice: Sendable, Equatable {
        public var id: String
        public var text: String
        public var textEN: String
        public var command: String
        /// The console action that takes it (`/console/windows/5/resume`); nil: an admin's command.
        public var formAction: String?
        /// The `covered` field the action sends (cover, uncover).
        public var covered: String?
        public var canTake: Bool
        public var hasCovered: Bool

        public init(id: String, text: String, textEN: String, command: String, formAction: String?, covered: String?) {
            self.id = id; self.text = text; self.textEN = textEN; self.command = command; self.formAction = formAction; self.covered = covered
            canTake = formAction != nil; hasCovered = covered != nil
        }
    }

    public struct Alert: Sendable, Equatable {
        /// `over_target`, `idle_with_waiting`, `unanswered`, `clock`, `journal`.
        public var kind: String
        public var text: String
        public init(kind: String, text: String) { self.kind = kind; self.text = text }
    }

    public var hallName: String
    public var date: String
    public var clock: String
    public var issuing: Bool
    public var windows: [Window]
    public var lines: [Line]
    public var alerts: [Alert]
    /// No-shows a supervisor may still put back in line, newest first.
    public var reactivatable: [String]
    /// A supervisor's page has the action forms; an admin's does not.
    public var canAct: Bool
    public var csrf: String
    /// The hall's staffing advice, best first (`GET /v1/advice`'s).
    public var advice: [Advice] = [] {
        didSet { hasAdvice = !advice.isEmpty }
    }
    /// When the advice was worked out, `HH:MM:SS`.
    public var adviceTime = ""

    public var hasAlerts: Bool
    public var hasAdvice = false

    public init(hallName: String, date: String, clock: String, issuing: Bool, windows: [Window], lines: [Line], alerts: [Alert],
                reactivatable: [String], canAct: Bool, csrf: String) {
        self.hallName = hallName; self.date = date; self.clock = clock; self.issuing = issuing; self.windows = windows
        self.lines = lines; self.alerts = alerts; self.reactivatable = reactivatable; self.canAct = canAct; self.csrf = csrf
        hasAlerts = !alerts.isEmpty
    }
}

/// `console-figures`: today so far, the report's address, the open 差评 follow-ups.
public struct ConsoleFiguresPage: Sendable {
    public struct Tile: Sendable {
        public var id: String
        public var label: String
        public var value: String
        public init(id: String, label: String, value: String) { self.id = id; self.label = label; self.value = value }
    }

    public struct FollowUpRow: Sendable {
        public var id, date, ticket, service, window, label, due: String
        public var score: Int
        public var reason: String
        public var overdue: Bool
        public init(id: String, date: String, ticket: String, service: String, window: String, score: Int, label: String, reason: String,
                    due: String, overdue: Bool) {
            self.id = id; self.date = date; self.ticket = ticket; self.service = service; self.window = window; self.score = score
            self.label = label; self.reason = reason; self.due = due; self.overdue = overdue
        }
    }

    public var frame: ConsoleFrame
    public var tiles: [Tile]
    public var today: String
    public var followUps: [FollowUpRow]
    public var count: Int
    public var canAct: Bool
    public var csrf: String

    public init(frame: ConsoleFrame, tiles: [Tile], today: String, followUps: [FollowUpRow], canAct: Bool, csrf: String) {
        self.frame = frame; self.tiles = tiles; self.today = today; self.followUps = followUps; self.canAct = canAct; self.csrf = csrf
        count = followUps.count
    }
}
