import ArgumentParser
import Foundation
import KioskCore
import KioskHTTPClient
import KioskServer

struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Today's self-measured accuracy of the printed wait estimates (from the daemon).")
    @OptionGroup var hall: HallOptions

    func run() async throws {
        let answer = try await hall.client().send(DaemonClient.Call(method: .get, path: "/v1/stats", role: .display))
        func number(_ v: JSONValue?) -> String { JSONValue.format(v?.doubleValue ?? 0) }
        print("called with an estimate: \(number(answer["called_with_estimate"]))")
        print("MAE \(number(answer["mae_min"])) min · bias \(number(answer["bias_min"])) min · under-estimated >5 min: \(number(answer["under5_share"])) · recent MAE \(number(answer["recent_mae_min"])) min")
        let h = answer["heads_up"]
        print("heads-up (waits ≥ 15 min): \(number(h?["scored"])) scored · on time \(number(h?["on_time_share"])) · early \(number(h?["early_share"])) · late \(number(h?["late_share"]))")
    }
}
