import Foundation
import KioskCore
import KioskTestSupport
import Testing

/// `GET /v1/services/{code}/guide`: public, the config's guide as JSON with the config's keys;
/// the service list says which services have one; the issue answer carries the materials.
@Suite struct ServiceGuideRouteTests {
    @Test func theGuideIsPublicJSONWithTheConfigsKeys() async throws {
        try await TestDaemon.with { d in
            let answer = try await d.client.get("/v1/services/c/guide")
            #expect(answer.status == 200, "\(answer.text)")
            let json = try #require(answer.json)
            #expect(json["service"]?.stringValue == "C")
            for key in ["basis", "conditions", "materials", "steps", "time_limit", "roles", "fee", "contact", "example"] {
                #expect(json[key] != nil, "no \(key): \(answer.text)")
            }
            let materials = try #require(json["materials"]?.arrayValue)
            #expect(materials.map { $0["name"]?.stringValue } == ["身份证", "解除劳动合同书"])
            #expect(materials.allSatisfy { $0["form"]?.stringValue == "original" && $0["count"]?.intValue == 1 })
            #expect(json["example"]?.arrayValue?.contains("basis") == true)
            #expect(json["example"]?.arrayValue?.contains("materials") == false)
        }
    }

    @Test func unknownServicesAndServicesWithoutAGuideAre404() async throws {
        var config = HallConfig.defaultHall
        config.services[0].guide = nil
        try await TestDaemon.with(config: config) { d in
            expectError(try await d.client.get("/v1/services/Q/guide"), 404, "unknown_service")
            expectError(try await d.client.get("/v1/services/A/guide"), 404, "no_guide")
            expectError(try await d.client.get("/v1/services/\(String(repeating: "x", count: 300))/guide"), 404, "unknown_service")
            let services = try #require(try await d.client.get("/v1/services").json?["services"]?.arrayValue)
            #expect(services.first?["has_guide"]?.boolValue == false)
            #expect(services.dropFirst().allSatisfy { $0["has_guide"]?.boolValue == true })
        }
    }

    @Test func theIssuedTicketCarriesTheGuidesMaterials() async throws {
        try await TestDaemon.with { d in
            let issued = try await d.client.take("L")
            #expect(issued.status == 201)
            let materials = try #require(issued.json?["materials"]?.arrayValue)
            #expect(materials.map { $0["name"]?.stringValue } == ["身份证", "户口簿", "个人档案"])
            #expect(materials.first?["form"]?.stringValue == "original_and_copy")
            #expect(materials.last?["notes"]?.stringValue == "可由本局代查")
        }
    }
}
