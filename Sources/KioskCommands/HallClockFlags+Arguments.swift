import ArgumentParser
import Foundation
import KioskCore
import KioskServer

/// `--start-at` and `--speed` as `kiosk serve` and `kiosk demo` read them: refused while
/// parsing when no hall could run such a clock, then started in the hall the command runs.
extension HallClockFlags {
    func validate() throws {
        do {
            try check()
        } catch { throw ValidationError(error.description) }
    }

    /// The clock, started now in `config`'s time zone.
    func clock(in config: HallConfig) throws -> AcceleratedClock {
        do {
            return try clock(calendar: QueueEngine(config: config).calendar, realStart: Date())
        } catch { throw ValidationError(error.description) }
    }
}
