import Foundation
import Hummingbird
import KioskAPI
import KioskCore

/// What the hall's staff do to the daemon itself: confirming the PC's clock.
extension KioskAPI {
    func registerAdmin(on router: Router<KioskRequestContext>) {
        router.post("/v1/admin/clock/confirm") { request, _ in
            var request = request
            // A supervisor is in the hall and can check the time; an admin may too.
            let role = try authorize(request, "确认时间 confirm the clock") { $0 == .supervisor || $0 == .admin }
            _ = try await JSONBody.read(EmptyRequest.self, from: &request)
            switch await hall.confirmClock() {
            case nil:
                throw APIError(.conflict, "clock_not_watched", "大厅时钟不是电脑时钟(--start-at),无需确认 The hall runs on a --start-at clock, not the PC's: there is nothing to confirm")
            case let .wallClockBehind(seconds)?:
                throw APIError(
                    .conflict, "clock_behind_hall",
                    "电脑时钟比大厅时钟慢\(Int(seconds.rounded()))秒:大厅时间不能倒退,请核对后重启服务(当天从日志恢复) The PC's clock is \(Int(seconds.rounded())) s behind the hall clock: hall time never runs back inside the daemon; if the PC's clock is right, restart the daemon (the day resumes from the journal)"
                )
            case .confirmed?:
                logger.notice("clock confirmed", metadata: ["by": "\(role.auditName)"])
                return JSONResponse.make(ClockConfirmAnswer(clock: hall.health.clockHealth, hallTime: hall.engine.calendar.localTimestamp(hall.now())))
            }
        }
    }
}
