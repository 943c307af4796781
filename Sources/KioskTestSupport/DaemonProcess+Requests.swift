import Foundation
import KioskCore

extension DaemonProcess {
    /// A request through the `curl` command, as an operator's script would send it; the status
    /// and the body as JSON (`.null` when it is not JSON).
    public func request(_ method: String, _ path: String, body: String? = nil, token: String? = nil) throws -> (status: Int, json: JSONValue) {
        var args = ["-s", "-w", "\n%{http_code}", "-X", method, base + path]
        if let token { args += ["-H", "Authorization: Bearer \(token)"] }
        if let body { args += ["-H", "Content-Type: application/json", "--data", body] }
        let output = try runCommand("curl", args).output
        let status = Int(output.split(separator: "\n").last ?? "") ?? 0
        let text = output.split(separator: "\n").dropLast().joined(separator: "\n")
        return (status, (try? JSONParser.parse(text).value) ?? .null)
    }

    /// POSTs JSON with a bearer token; returns the HTTP status.
    @discardableResult
    public func post(_ path: String, _ body: String, token: String) throws -> Int {
        try request("POST", path, body: body, token: token).status
    }
}
