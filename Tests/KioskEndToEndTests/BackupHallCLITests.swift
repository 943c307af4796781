import Foundation
import KioskTestSupport
import KioskCore
import Testing

/// `kiosk backup`, `verify` and `restore` without `--config` read the days as the hall that
/// wrote the journal (they once read every journal as the embedded default hall, in Shanghai
/// time, and did not say which hall they read); `kiosk config check` on a missing file says so
/// in a few words.
@Suite struct BackupHallCLITests {
    static let urumqi = """
    {
      "hall": {"name": "乌鲁木齐人社", "time_zone": "Asia/Urumqi"},
      "sessions": [["09:30", "13:30"], ["15:30", "19:30"]],
      "services": [{"code": "A", "name": "求职登记"}],
      "counters": [{"id": "1", "services": ["A"]}]
    }
    """

    @Test func backupVerifyAndRestoreReadTheDaysAsTheHallThatWroteThem() throws {
        try FirstDayCLITests.withOneTicket(hall: Self.urumqi, service: "A", at: "2026-03-02 10:00") { dir, _, data in
            let backup = try KioskProcess.run(["backup", "--data-dir", data, dir + "/copy.sqlite"])
            #expect(backup.status == 0, "\(backup.stderr)")
            #expect(backup.stdout.contains("verified as 乌鲁木齐人社 (Asia/Urumqi)"), "\(backup.stdout)")

            let verify = try KioskProcess.run(["verify", dir + "/copy.sqlite"])
            #expect(verify.status == 0, "\(verify.stderr)")
            #expect(verify.stdout.contains("ok: \(dir)/copy.sqlite: 乌鲁木齐人社 (Asia/Urumqi), 1 days, "), "\(verify.stdout)")

            // A new PC: the backup restored into an empty directory is still read as its hall.
            let restore = try KioskProcess.run(["restore", "--data-dir", dir + "/new", dir + "/copy.sqlite"])
            #expect(restore.status == 0, "\(restore.stderr)")
            #expect(restore.stdout.contains("乌鲁木齐人社 (Asia/Urumqi), 1 days"), "\(restore.stdout)")
        }
    }

    @Test func configCheckOfAMissingFileSaysNoSuchFile() throws {
        try FirstDayCLITests.withTempFolder { dir in
            let check = try KioskProcess.run(["config", "check", dir + "/hall.json"])
            #expect(check.status == 1)
            #expect(check.stderr == "\(dir)/hall.json: cannot read: no such file\n")
            let take = try KioskProcess.run(["take", "A", "--config", dir + "/hall.json", "--data-dir", dir + "/var"])
            #expect(take.stderr.hasPrefix("Error: cannot read \(dir)/hall.json: no such file\n"), "\(take.stderr)")
        }
    }
}
