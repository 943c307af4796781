import Foundation
import KioskCore
import Testing

/// `SMSSettings.headsUpDue`: the one heads-up rule the daemon and `kiosk replay` share.
@Suite struct HeadsUpRuleTests {
    let issued = Date(timeIntervalSince1970: 1_772_409_600)
    let settings = SMSSettings(headsUpAhead: 3, headsUpHoldSeconds: 120)
    var hold: Date { issued.addingTimeInterval(120) }

    @Test func theEstimatorsMomentCountsButNeverBeforeTheHold() {
        #expect(settings.headsUpDue(issuedAt: issued, ahead: 4, headsUpAt: issued.addingTimeInterval(900)) == issued.addingTimeInterval(900))
        #expect(settings.headsUpDue(issuedAt: issued, ahead: 4, headsUpAt: issued.addingTimeInterval(30)) == hold)
    }

    @Test func nobodyAheadIsDueAsSoonAsTheHoldAllowsWhateverTheEstimateSays() {
        #expect(settings.headsUpDue(issuedAt: issued, ahead: 0, headsUpAt: issued.addingTimeInterval(3600)) == hold)
        #expect(settings.headsUpDue(issuedAt: issued, ahead: 0, headsUpAt: nil) == hold)
    }

    @Test func withoutAnEstimateOnlyAShortLineIsDue() {
        #expect(settings.headsUpDue(issuedAt: issued, ahead: 3, headsUpAt: nil) == hold)
        #expect(settings.headsUpDue(issuedAt: issued, ahead: 4, headsUpAt: nil) == nil)
    }

    /// The daemon's pass asks `isHeadsUpDue`; it must say yes exactly from the moment
    /// `headsUpDue` names, for every combination.
    @Test func theDaemonsCheckIsTheSameRule() {
        var config = HallConfig.defaultHall
        config.sms = settings
        let triggers = NotificationTriggers(config: config)
        let estimates: [Date?] = [nil, issued.addingTimeInterval(-60), issued.addingTimeInterval(60), issued.addingTimeInterval(600)]
        for ahead in 0...5 {
            for headsUpAt in estimates {
                let due = settings.headsUpDue(issuedAt: issued, ahead: ahead, headsUpAt: headsUpAt)
                for offset in stride(from: 0.0, through: 900, by: 30) {
                    let now = issued.addingTimeInterval(offset)
                    #expect(triggers.isHeadsUpDue(issuedAt: issued, ahead: ahead, headsUpAt: headsUpAt, at: now) == (due.map { $0 <= now } ?? false))
                }
            }
        }
    }
}
