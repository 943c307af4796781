import Foundation
import Hummingbird
import KioskAPI
import KioskCore

/// Staffing advice for the supervisor (issue 18): the moves that would shorten the line now,
/// with the projection before and after each.
extension KioskAPI {
    func registerAdvice(on router: Router<KioskRequestContext>) {
        router.get("/v1/advice") { request, _ in
            try authorize(request, "查看调度建议 see staffing advice") { $0 == .supervisor || $0 == .admin }
            let (list, engine) = await hall.currentAdvice()
            return JSONResponse.make(AdviceAnswer(list, config: engine.config, calendar: engine.calendar, configFile: configFile))
        }
    }
}
