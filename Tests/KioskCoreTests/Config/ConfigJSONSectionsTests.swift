import Foundation
import KioskCore
import KioskTestSupport
import Testing

/// `HallConfig.jsonValue` writes every section: a config the journal records (and a restart
/// reads back) keeps its limits and SMS settings; an export leaves the gateway's secrets out.
struct ConfigJSONSectionsTests {
    static var configured: HallConfig {
        var config = TestHall.config
        config.limits.kioskIssueBurst = 5
        config.limits.streamBuffer = 512
        config.sms.gateway = .kannel
        config.sms.url = "http://127.0.0.1:13013/cgi-bin/sendsms"
        config.sms.username = "kiosk"
        config.sms.password = "s3cret-pass"
        config.sms.signature = "【测试大厅】"
        config.sms.templates[.recalled] = nil
        config.sms.headsUpAhead = 5
        config.reply.rateWindowSeconds = 120
        config.reply.maxPerNumber = 3
        config.publicURL = "https://q.example.gov.cn"
        config.address = "连城县北大东路 1 号"
        return config
    }

    @Test func theWholeConfigSurvivesItsJSONWithLimitsAndSMS() throws {
        let text = Self.configured.jsonValue(withGateway: true).serialized()
        let back = try HallConfig.load(json: text)
        #expect(back == Self.configured)
        #expect(back.limits.kioskIssueBurst == 5 && back.sms.password == "s3cret-pass" && back.sms.templates[.recalled] == nil)
    }

    @Test func theExportedFormLeavesTheGatewayAndItsSecretsOut() throws {
        let text = Self.configured.jsonValue.serialized()
        #expect(!text.contains("s3cret-pass") && !text.contains("13013") && !text.contains("\"username\""))
        let back = try HallConfig.load(json: text, lenient: true)
        #expect(back.limits == Self.configured.limits && back.reply == Self.configured.reply)
        #expect(back.sms.gateway == .log && back.sms.signature == "【测试大厅】" && back.sms.headsUpAhead == 5)
    }

    @Test func thePublicAddressIsAnHTTPBaseWithoutQueryAndLosesItsTrailingSlash() throws {
        func load(_ url: String) throws -> HallConfig {
            var json = TestHall.config.jsonValue
            guard case var .object(members) = json, case var .object(hall)? = json["hall"] else { throw CancellationError() }
            hall.append(("public_url", .string(url)))
            members = members.map { $0.key == "hall" ? (key: "hall", value: .object(hall)) : $0 }
            json = .object(members)
            return try HallConfig.load(json: json.serialized())
        }
        #expect(try load("https://q.example.gov.cn/").publicURL == "https://q.example.gov.cn")
        #expect(try load("http://192.168.1.10:8080/hall").publicURL == "http://192.168.1.10:8080/hall")
        for bad in ["q.example.gov.cn", "ftp://q.example.gov.cn", "https://q.example.gov.cn/?x=1", "https://", "https://a b"] {
            #expect(throws: ConfigError.self, "\(bad)") { try load(bad) }
        }
    }
}
