import Foundation
import KioskCore

/// Samples of the live config change (`PUT /v1/config`, issue 16).
extension APISamples {
    static func configSamples(_ add: (String, String, String, String, any Encodable) throws -> Void) throws {
        try add("put", "/v1/config", "request", "the embedded default hall", AnyJSON(HallConfig.defaultHall.jsonValue))
        try add("put", "/v1/config", "200", "a window added, a service renamed", ConfigChangeAnswer(
            changed: true, version: 3,
            changes: ["service C: name 失业登记 → 失业保险登记", "window 9 added: 9号窗口 (A, C)"],
            newWindows: ["9"], warnings: [],
            events: [EventLine(trace: ["t": 36000, "ev": "config", "version": 3, "audit": "admin"], date: "2026-03-02", seq: 40)]
        ))
        try add("put", "/v1/config", "200", "nothing to change", ConfigChangeAnswer(changed: false, version: nil, changes: [], newWindows: [], warnings: [], events: []))
        try add("put", "/v1/config", "400", "invalid config", ErrorAnswer(
            code: "invalid_config", message: "大厅配置有 1 处错误,未应用 The hall config has 1 problem; nothing was applied: line 12: window \"9\" serves unknown service \"X\"",
            diagnostics: ["config:12: window \"9\" serves unknown service \"X\""]
        ))
        try add("put", "/v1/config", "409", "a service somebody waits for", ErrorAnswer(
            code: "service_has_tickets",
            message: ConfigChangeRefusal.serviceHasTickets(service: "C", count: 4).message
        ))
    }
}
