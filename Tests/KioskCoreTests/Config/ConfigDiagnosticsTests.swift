import Foundation
import KioskCore
import Testing

/// `kiosk config check` reports every problem at the line that causes it.
@Suite struct ConfigDiagnosticsTests {
    /// The diagnostics `text` produces as (line, message); fails the test if it loads.
    static func diagnostics(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [ConfigDiagnostic] {
        do {
            let config = try HallConfig.load(json: text)
            Issue.record("expected diagnostics, but the config loaded: \(config)", sourceLocation: sourceLocation)
            return []
        } catch {
            return error.diagnostics
        }
    }

    /// Expects exactly one diagnostic per (line, fragment): in line order, any order within a line.
    static func expect(_ text: String, _ expected: [(line: Int, fragment: String)], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let found = diagnostics(text, sourceLocation: sourceLocation)
        #expect(found.map(\.location.line) == expected.map(\.line), "\(found)", sourceLocation: sourceLocation)
        var unmatched = found
        for e in expected {
            if let i = unmatched.firstIndex(where: { $0.location.line == e.line && $0.message.contains(e.fragment) }) {
                unmatched.remove(at: i)
            } else {
                Issue.record("no diagnostic at line \(e.line) containing \(e.fragment); found \(found)", sourceLocation: sourceLocation)
            }
        }
    }

    static let valid = """
    {
      "sessions": [["08:00", "12:00"], ["14:30", "17:30"]],
      "services": [
        {"code": "A", "name": "求职登记", "documents": ["身份证"]},
        {"code": "B", "name": "职业介绍", "daily_quota": 40}
      ],
      "counters": [
        {"id": "1", "services": ["A"]},
        {"id": "2", "services": ["B", "A"], "policy": "service_order"}
      ]
    }
    """

    @Test func aSmallValidConfigLoadsWithDefaults() throws {
        let config = try HallConfig.load(json: Self.valid)
        #expect(config.services.map(\.code) == ["A", "B"])
        #expect(config.services[1].dailyQuota == 40)
        #expect(config.counters.map(\.policy) == [.fifo, .serviceOrder])
        #expect(config.counters[0].name == "1号窗口")
        #expect(config.timeZoneID == "Asia/Shanghai")
        #expect(config.priority.everyNNormal == 3)
        #expect(config.noShowReactivationMinutes == 30)
    }

    @Test func unknownServiceOnACounter() {
        Self.expect("""
        {
          "sessions": [["08:00", "12:00"]],
          "services": [
            {"code": "A", "name": "求职登记"}
          ],
          "counters": [
            {"id": "1", "services": ["A"]},
            {"id": "2", "services": ["A", "Q"]}
          ]
        }
        """, [(8, "window \"2\" serves unknown service \"Q\"")])
    }

    @Test func aServiceNoCounterServes() {
        Self.expect("""
        {
          "sessions": [["08:00", "12:00"]],
          "services": [
            {"code": "A", "name": "求职登记"},
            {"code": "B", "name": "职业介绍"}
          ],
          "counters": [
            {"id": "1", "services": ["A"]}
          ]
        }
        """, [(5, "service \"B\" (职业介绍) is served by no counter")])
    }

    @Test func duplicateServiceCodes() {
        Self.expect("""
        {
          "sessions": [["08:00", "12:00"]],
          "services": [
            {"code": "A", "name": "求职登记"},
            {"code": "B", "name": "职业介绍"},
            {"code": "A", "name": "档案查询"}
          ],
          "counters": [
            {"id": "1", "services": ["A", "B"]}
          ]
        }
        """, [(6, "duplicate service code \"A\" (first defined at line 4)")])
    }

    @Test func duplicateCounterIDs() {
        Self.expect("""
        {
          "sessions": [["08:00", "12:00"]],
          "services": [
            {"code": "A", "name": "求职登记"}
          ],
          "counters": [
            {"id": "1", "services": ["A"]},
            {"id": "2", "services": ["A"]},
            {"id": "1", "services": ["A"]}
          ]
        }
        """, [(9, "duplicate counter id \"1\" (first defined at line 7)")])
    }

    @Test(arguments: [
        (session: #"["8:00", "12:00"]"#, fragment: #"bad time "8:00""#),
        (session: #"["08:00", "24:00"]"#, fragment: #"bad time "24:00""#),
        (session: #"["08:60", "12:00"]"#, fragment: #"bad time "08:60""#),
        (session: #"["12:00", "08:00"]"#, fragment: "12:00 is not before 08:00"),
        (session: #"["08:00"]"#, fragment: "must be a pair of times"),
    ])
    func badTimesAreReportedAtTheirLine(session: String, fragment: String) {
        Self.expect("""
        {
          "sessions": [
            ["07:00", "07:30"],
            \(session)
          ],
          "services": [{"code": "A", "name": "求职登记"}],
          "counters": [{"id": "1", "services": ["A"]}]
        }
        """, [(4, fragment)])
    }

    @Test func overlappingSessions() {
        Self.expect("""
        {
          "sessions": [
            ["08:00", "12:00"],
            ["11:30", "17:30"]
          ],
          "services": [{"code": "A", "name": "求职登记"}],
          "counters": [{"id": "1", "services": ["A"]}]
        }
        """, [(4, "overlaps or precedes 08:00–12:00")])
    }

    @Test func serviceHoursOutsideTheSessions() {
        Self.expect("""
        {
          "sessions": [["08:00", "12:00"]],
          "services": [
            {"code": "A", "name": "求职登记",
             "hours": [["13:00", "15:00"]]}
          ],
          "counters": [{"id": "1", "services": ["A"]}]
        }
        """, [(5, "services[0].hours 13:00–15:00 is outside the hall's sessions")])
    }

    @Test func unknownKeysAreReportedAtTheKeyWithWhatIsAllowed() {
        Self.expect("""
        {
          "sessions": [["08:00", "12:00"]],
          "services": [{"code": "A", "name": "求职登记"}],
          "counters": [
            {"id": "1", "services": ["A"],
             "polcy": "fifo"}
          ],
          "recall": {"interval_s": 60, "max_recall": 2},
          "colour": "blue"
        }
        """, [
            (6, #"unknown key "polcy" in window "1""#),
            (8, #"unknown key "max_recall" in recall"#),
            (9, #"unknown key "colour" in the config"#),
        ])
        let found = Self.diagnostics("""
        {"sessions": [["08:00", "12:00"]], "services": [{"code": "A", "name": "求职登记"}],
         "counters": [{"id": "1", "services": ["A"], "polcy": "fifo"}]}
        """)
        #expect(found.first?.message.contains("allowed: id, may_serve, name, policy, reviews, services") == true, "\(found)")
    }

    @Test func wrongTypes() {
        Self.expect("""
        {
          "sessions": [["08:00", "12:00"]],
          "services": [
            {"code": "A", "name": "求职登记",
             "daily_quota": "40",
             "documents": "身份证"}
          ],
          "counters": [
            {"id": 1, "services": ["A"]},
            {"id": "2", "services": "A"}
          ],
          "priority": {"every_n_normal": 2.5, "scope": "window"},
          "recall": {"automatic": "yes"}
        }
        """, [
            (5, "services[0].daily_quota must be a whole number, found a string"),
            (6, "services[0].documents must be an array, found a string"),
            (9, "counters[0].id must be a string, found a number"),
            (10, "window \"2\".services must be an array, found a string"),
            (10, "window \"2\" serves no service"),
            (12, "priority.every_n_normal must be a whole number, found a fraction"),
            (12, #"priority.scope must be "hall" or "counter", found "window""#),
            (13, "recall.automatic must be true or false, found a string"),
        ])
    }

    @Test(arguments: [
        (text: "{\n  \"sessions\": [[\"08:00\", \"12:00\"]],\n  \"services\": [\n", line: 4),
        (text: "{\n  \"sessions\": [[\"08:00\", \"12:00\"]]\n  \"services\": []\n}", line: 3),
        (text: "{\n  \"sessions\": [[\"08:00\", \"12:00\"],],\n}", line: 2),
        (text: "{\n\n  'sessions': []\n}", line: 3),
    ])
    func jsonSyntaxErrorsPointAtTheirLine(text: String, line: Int) {
        let found = Self.diagnostics(text)
        #expect(found.count == 1)
        #expect(found.first?.location.line == line, "\(found)")
        #expect(found.first?.message.hasPrefix("JSON syntax:") == true)
    }

    @Test func severalProblemsAreReportedAtOnceInLineOrder() {
        let text = """
        {
          "sessions": [["08:00", "12:00"], ["09:00", "10:00"]],
          "services": [
            {"code": "A", "name": "求职登记"},
            {"code": "A", "name": "职业介绍"},
            {"code": "B", "name": "社保参保登记"}
          ],
          "counters": [
            {"id": "1", "services": ["A", "X"]},
            {"id": "1", "services": ["A"], "policy": "random"}
          ]
        }
        """
        Self.expect(text, [
            (2, "overlaps or precedes"),
            (5, #"duplicate service code "A""#),
            (6, #"service "B" (社保参保登记) is served by no counter"#),
            (9, #"serves unknown service "X""#),
            (10, #"duplicate counter id "1""#),
            (10, #"policy must be "fifo" or "service_order", found "random""#),
        ])
        let formatted = Self.diagnostics(text).map { $0.formatted(file: "hall.json") }
        #expect(formatted.first == "hall.json:2: sessions[1]: 09:00–10:00 overlaps or precedes 08:00–12:00")
    }

    @Test func missingRequiredKeys() {
        Self.expect("""
        {
          "services": [{"code": "A", "name": "求职登记"}, {"name": "职业介绍"}],
          "counters": [{"services": ["A"]}]
        }
        """, [
            (1, #"config is missing "sessions""#),
            (2, #"services[1] is missing "code""#),
            (3, #"counters[0] is missing "id""#),
        ])
    }

    @Test func unknownTimeZone() {
        Self.expect("""
        {
          "hall": {"time_zone": "Asia/Peking"},
          "sessions": [["08:00", "12:00"]],
          "services": [{"code": "A", "name": "求职登记"}],
          "counters": [{"id": "1", "services": ["A"]}]
        }
        """, [(2, #"unknown time zone "Asia/Peking""#)])
    }

    /// A key written twice would make one of the values silently win: the parser refuses it
    /// at the second key.
    @Test func aKeyWrittenTwiceIsReportedAtTheSecondOne() {
        Self.expect("""
        {
          "sessions": [["08:00", "12:00"]],
          "services": [
            {"code": "A", "name": "求职登记", "daily_quota": 20,
             "daily_quota": 40}
          ],
          "counters": [{"id": "1", "services": ["A"]}]
        }
        """, [(5, #"JSON syntax: duplicate key "daily_quota""#)])
    }

    /// `"hours": []` loads, and then the service can never issue a ticket (every issue is
    /// `outside_hours`); like an empty `sessions`, it should be reported.
    @Test func emptyServiceHoursAreReported() {
        Self.expect("""
        {
          "sessions": [["08:00", "12:00"]],
          "services": [
            {"code": "A", "name": "求职登记",
             "hours": []}
          ],
          "counters": [{"id": "1", "services": ["A"]}]
        }
        """, [(5, "hours")])
    }

    @Test func lenientLoadingAcceptsUnknownKeys() throws {
        let text = """
        {"sessions": [["08:00", "12:00"]], "services": [{"code": "A", "name": "x", "mean_min": 12}],
         "counters": [{"id": "1", "services": ["A"], "speed": 1.2}], "sim_only": true}
        """
        #expect(throws: ConfigError.self) { try HallConfig.load(json: text) }
        #expect(try HallConfig.load(json: text, lenient: true).counters.map(\.id) == ["1"])
    }
}
