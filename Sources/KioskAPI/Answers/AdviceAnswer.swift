import KioskCore

/// The answer to `GET /v1/advice` (and `kiosk advice --json`, also offline): the line's
/// projection now and the staffing moves worth making, best first (none when nothing helps).
public struct AdviceAnswer: Codable, Sendable, Equatable {
    /// The business date and hall-local time the projections are of.
    public var date: String
    public var time: String
    public var before: Outlook
    public var advice: [Item]

    public init(date: String, time: String, before: Outlook, advice: [Item]) {
        self.date = date
        self.time = time
        self.before = before
        self.advice = advice
    }

    /// One projection of the line.
    public struct Outlook: Codable, Sendable, Equatable {
        /// The longest projected wait still ahead of someone in line, minutes.
        public var longestWaitMin: Int
        /// Waiting tickets whose whole wait (issue → projected call) passes their target.
        public var pastTarget: Int
        public var minutesPastTarget: Int
        /// Every waiting ticket → its projected wait until its first call, minutes.
        public var waits: [String: Int]

        public init(longestWaitMin: Int, pastTarget: Int, minutesPastTarget: Int, waits: [String: Int]) {
            self.longestWaitMin = longestWaitMin
            self.pastTarget = pastTarget
            self.minutesPastTarget = minutesPastTarget
            self.waits = waits
        }

        enum CodingKeys: String, CodingKey {
            case longestWaitMin = "longest_wait_min", pastTarget = "past_target", minutesPastTarget = "minutes_past_target", waits
        }
    }

    /// One advice: the move, the one command that makes it, and the line before and after.
    public struct Item: Codable, Sendable, Equatable {
        /// Stable while the advice stands (`resume:5`, `cover:2:5`, `add_service:5:B`).
        public var id: String
        /// `resume`, `open`, `cover`, `end_cover` or `add_service`.
        public var kind: String
        public var window: String
        /// `add_service` only.
        public var service: String?
        /// `cover` and `end_cover` only: the covered window.
        public var fromWindow: String?
        public var text: String
        public var textEN: String
        /// The kiosk command line that makes the move.
        public var command: String
        public var api: Call
        public var before: Outlook
        public var after: Outlook

        public init(
            id: String, kind: String, window: String, service: String?, fromWindow: String?, text: String, textEN: String, command: String,
            api: Call, before: Outlook, after: Outlook
        ) {
            self.id = id
            self.kind = kind
            self.window = window
            self.service = service
            self.fromWindow = fromWindow
            self.text = text
            self.textEN = textEN
            self.command = command
            self.api = api
            self.before = before
            self.after = after
        }

        enum CodingKeys: String, CodingKey {
            case id, kind, window, service, fromWindow = "from_window", text, textEN = "text_en", command, api, before, after
        }
    }

    /// The API call that makes a move: method, path and JSON body. For `add_service` the body
    /// is the whole hall config with the service added (admin, `PUT /v1/config`): `note` says so
    /// and `body` is left out.
    public struct Call: Codable, Sendable, Equatable {
        public var method: String
        public var path: String
        public var body: [String: String]?
        public var note: String?

        public init(method: String, path: String, body: [String: String]?, note: String? = nil) {
            self.method = method
            self.path = path
            self.body = body
            self.note = note
        }
    }
}
