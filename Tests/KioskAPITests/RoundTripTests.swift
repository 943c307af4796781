import Foundation
import KioskCore
import Testing
@testable import KioskAPI

/// Every answer and request type decodes back to the value it was encoded from, and
/// re-encodes to the same bytes: what the daemon writes, a client reads without loss.
@Suite struct RoundTripTests {
    func roundTrip<Value: Codable & Equatable>(_ value: Value, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let data = try APICoding.encode(value)
        let decoded = try APICoding.decode(Value.self, from: data)
        #expect(decoded == value, sourceLocation: sourceLocation)
        #expect(try APICoding.encode(decoded) == data, sourceLocation: sourceLocation)
    }

    @Test func answersRoundTrip() throws {
        try roundTrip(HealthAnswer())
        try roundTrip(ServiceList(services: APISamples.services))
        for ticket in [APISamples.waitingTicket, APISamples.calledTicket, APISamples.doneTicket] { try roundTrip(ticket) }
        try roundTrip(APISamples.issued)
        try roundTrip(APISamples.refusal)
        for window in [APISamples.servingWindow, APISamples.pausedWindow, APISamples.closedWindow] { try roundTrip(window) }
        try roundTrip(WindowCommandAnswer(events: APISamples.events, window: APISamples.pausedWindow))
        try roundTrip(EventsAnswer(events: APISamples.events))
        try roundTrip(CommandAnswer(events: APISamples.events, window: APISamples.servingWindow))
        try roundTrip(APISamples.hall)
        try roundTrip(APISamples.stats)
        try roundTrip(DeliveryReportAnswer(id: 42, state: "failed"))
        for service in HallConfig.defaultHall.services { try roundTrip(ServiceGuideAnswer(service: service, guide: service.guide!)) }
    }

    @Test func requestsRoundTrip() throws {
        try roundTrip(IssueTicketRequest(service: "C", priority: true, phone: "13800138000", caretakerPhone: "+8613900139000", override: true))
        try roundTrip(IssueTicketRequest(service: "A"))
        try roundTrip(TransferRequest(service: "D"))
        try roundTrip(TicketChoiceRequest(ticket: "C001"))
        try roundTrip(PauseRequest(until: "10:30"))
        try roundTrip(PauseRequest())
        try roundTrip(CoverRequest(covered: "5"))
        try roundTrip(CoverRequest(covered: nil))
        try roundTrip(EmptyRequest())
    }

    @Test func everySampleDecodesAsItsRouteAnswer() throws {
        // The samples scripts/test validates are the same values the types round-trip.
        let samples = try APISamples.all()
        #expect(samples.count > 40)
        for sample in samples where sample.status == "200" && sample.path.hasPrefix("/v1/windows/{id}/") {
            let window = try APICoding.decode(WindowCommandAnswer.self, from: sample.json).window
            #expect(window == APISamples.servingWindow || (sample.path.hasSuffix("/review/next") && window == APISamples.reviewerWindow))
        }
        let hall = try #require(samples.first { $0.path == "/v1/hall" })
        #expect(try APICoding.decode(HallSnapshot.self, from: hall.json) == APISamples.hall)
    }

    @Test func aClientToleratesFieldsItDoesNotKnow() throws {
        // A newer daemon may add fields; an older client must still read the answer.
        let json = #"{"id":"1","name":"1号窗口","services":["A"],"status":"open","current":null,"waiting":0,"covering":[],"parked":[],"colour":"red"}"#
        #expect(try APICoding.decode(WindowStatus.self, from: json).id == "1")
    }

    @Test func aMissingRequiredFieldDoesNotDecode() {
        #expect(throws: Swift.DecodingError.self) {
            try APICoding.decode(WindowStatus.self, from: #"{"id":"1","name":"1号窗口","services":[],"status":"open","current":null,"covering":[],"parked":[]}"#)
        }
        #expect(throws: Swift.DecodingError.self) { try APICoding.decode(IssueTicketRequest.self, from: #"{"priority":true}"#) }
    }
}
