/// Why a new hall config cannot take effect while the hall runs (`PUT /v1/config`). The config
/// itself is valid; the hall's state, or the daemon's start-up wiring, is what stands in the way.
public enum ConfigChangeRefusal: Error, Sendable, Equatable {
    /// The config drops a service that still has citizens: waiting, called, in service or
    /// parked. Close it (`POST /v1/services/{code}/close`), let its line empty, then remove it.
    case serviceHasTickets(service: ServiceCode, count: Int)
    /// The config drops a window that has a ticket called, in service or parked there.
    case windowHasTickets(window: CounterID, tickets: [TicketNumber])
    /// Keys read only when the daemon starts (the business date's time zone, the connection
    /// limits, how to reach the SMS gateway).
    case restartRequired(keys: [String])

    /// A stable machine-readable code.
    public var code: String {
        switch self {
        case .serviceHasTickets: return "service_has_tickets"
        case .windowHasTickets: return "window_has_tickets"
        case .restartRequired: return "restart_required"
        }
    }

    /// Chinese first, then English.
    public var message: String {
        switch self {
        case let .serviceHasTickets(service, count):
            return "业务\(service)还有\(count)位群众未办结,请先停止取号,待办完后再删除 Service \(service) still has \(count) ticket\(count == 1 ? "" : "s") waiting, called or parked: close it first and remove it once its line is empty"
        case let .windowHasTickets(window, tickets):
            let list = tickets.joined(separator: ", ")
            return "窗口\(window)正在办理 \(list),请先办结再删除 Window \(window) still has \(list) called, in service or parked: finish or move \(tickets.count == 1 ? "it" : "them") first"
        case let .restartRequired(keys):
            let list = keys.joined(separator: ", ")
            return "以下设置需重启后生效: \(list) These keys take effect only at a restart: \(list) (apply the other changes without them, or edit the daemon's --config file and restart)"
        }
    }
}
