import Foundation
import KioskCore
import Testing

/// 即审 in the hall config: who reviews (`counters[].reviews`, `services[].reviewers`), and
/// `config check` refusing a service that needs review with nobody to review it.
@Suite struct ReviewConfigTests {
    @Test func aServiceThatNeedsReviewWithNoReviewerIsRefusedAtItsLine() {
        ConfigDiagnosticsTests.expect("""
        {
          "sessions": [["08:00", "12:00"]],
          "services": [
            {"code": "A", "name": "求职登记", "review": true},
            {"code": "B", "name": "职业介绍", "reviewers": ["7"]}
          ],
          "counters": [
            {"id": "1", "services": ["A", "B"]}
          ]
        }
        """, [
            (4, #"service "A" (求职登记) needs review ("review": true) but no window reviews it"#),
            (5, #"service "B" lists reviewer window "7", which is not in counters"#),
        ])
    }

    @Test func reviewersFromEitherKeyAndAReviewerWindowWithoutALine() throws {
        let config = try HallConfig.load(json: """
        {
          "sessions": [["08:00", "12:00"]],
          "services": [
            {"code": "A", "name": "求职登记", "review": true},
            {"code": "B", "name": "职业介绍", "review": true, "reviewers": ["2"]},
            {"code": "C", "name": "失业登记"}
          ],
          "counters": [
            {"id": "1", "services": ["A", "B", "C"]},
            {"id": "2", "services": ["B"]},
            {"id": "9", "name": "审核岗", "services": [], "reviews": true}
          ]
        }
        """)
        #expect(config.reviewers(of: "A") == ["9"])
        #expect(config.reviewers(of: "B") == ["2", "9"])
        #expect(config.reviewers(of: "C") == ["9"])
        #expect(config.isReviewer("9") && config.isReviewer("2") && !config.isReviewer("1"))
        #expect(config.reviews("2", "B") && !config.reviews("2", "A"))
        // Written back in the file's shape, only where set, and read again the same.
        let json = config.jsonValue.serialized()
        #expect(json.contains(#""review":true"#) && json.contains(#""reviewers":["2"]"#) && json.contains(#""reviews":true"#))
        #expect(try HallConfig.load(json: json) == config)
        // A window with no line and no review is still refused.
        ConfigDiagnosticsTests.expect("""
        {
          "sessions": [["08:00", "12:00"]],
          "services": [{"code": "A", "name": "求职登记"}],
          "counters": [
            {"id": "1", "services": ["A"]},
            {"id": "2", "services": []}
          ]
        }
        """, [(6, #"window "2" serves no service"#)])
    }
}
