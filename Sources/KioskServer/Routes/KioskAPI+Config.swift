import Foundation
import Hummingbird
import KioskAPI
import KioskCore

/// The hall config changed while the hall runs (admin): checked exactly as `kiosk config
/// check` checks a file, then put in force as a journaled `config` event.
extension KioskAPI {
    /// A hall config is a file, not a command: larger than a command's body.
    static let maxConfigBytes = 1024 * 1024

    func registerConfig(on router: Router<KioskRequestContext>) {
        router.put("/v1/config") { request, _ in
            let role = try authorize(request, "修改大厅配置 change the hall config") { $0 == .admin }
            var request = request
            let text = try await request.bodyText(upTo: Self.maxConfigBytes)
            if let type = request.headers[.contentType], !type.lowercased().hasPrefix("application/json") {
                throw APIError(.unsupportedMediaType, "unsupported_media_type", "请求体必须是 JSON Body must be application/json")
            }
            let checked: CheckedConfig
            do {
                checked = try HallConfig.check(json: text)
            } catch let error as ConfigError {
                let all = (error.diagnostics + error.warnings).sorted { $0.location < $1.location }
                let first = error.diagnostics.first.map { ": line \($0.location.line): \($0.message)" } ?? ""
                throw APIError(
                    .badRequest, "invalid_config",
                    "大厅配置有 \(error.diagnostics.count) 处错误,未应用 The hall config has \(error.diagnostics.count) problem\(error.diagnostics.count == 1 ? "" : "s"); nothing was applied\(first)",
                    diagnostics: all.map { $0.formatted(file: "config") }
                )
            } catch {
                throw APIError.badRequest("invalid_config", "大厅配置无法读取 The hall config cannot be read: \(error)")
            }
            let applied = try await decided { try await hall.applyConfig(checked.config, by: role.auditName) }
            // Once in force (durable): the new windows' tokens, so their terminals can log in.
            var newWindows: [String] = []
            if applied.version != nil {
                do {
                    newWindows = try tokens.addWindows(of: checked.config)
                } catch {
                    logger.error("new windows got no tokens: the token file cannot be written", metadata: ["error": "\(error)"])
                }
                logger.notice("hall config changed", metadata: [
                    "config.version": "\(applied.version ?? 0)", "config.by": "\(role.auditName)", "config.changes": "\(applied.diff.lines.count)",
                ])
            }
            let views = HallViews(engine: hall.engine)
            let events = applied.event.map { [views.event($0.event, seq: $0.seq)] } ?? []
            return JSONResponse.make(ConfigChangeAnswer(
                changed: applied.version != nil, version: applied.version, changes: applied.diff.lines, newWindows: newWindows,
                warnings: checked.warnings.map { $0.formatted(file: "config") }, events: events
            ))
        }
    }

}
