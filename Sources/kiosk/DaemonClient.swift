import ArgumentParser
import Foundation
import KioskCore
import KioskHTTPClient
import KioskServer

/// The CLI's side of the HTTP API, over our libcurl transport (the one the notifier uses).
struct DaemonClient {
    let server: String
    let token: String?
    let tokenFile: String

    /// One API call: where, what, and which role's token to present.
    struct Call {
        var method: HTTPMethod = .post
        var path: String
        var body: JSONValue? = nil
        var role: Role
    }

    /// Sends `call`; returns the JSON answer of a 2xx. A refusal prints `refused [code]: …` and
    /// exits 3; an unreachable daemon exits 4.
    func send(_ call: Call) async throws -> JSONValue {
        var headers: HTTPHeaders = ["Accept": "application/json"]
        if let bearer = try token ?? tokenFor(call.role) { headers.set(name: "Authorization", value: "Bearer \(bearer)") }
        var body: Data?
        if let json = call.body {
            headers.set(name: "Content-Type", value: "application/json")
            body = Data(json.serialized().utf8)
        }
        let transport = CurlHTTPTransport()
        defer { transport.shutdown() }
        let response: HTTPResponse
        do {
            response = try await transport.send(HTTPRequest(method: call.method, url: server + call.path, headers: headers, body: body, timeout: 10))
        } catch {
            printError("cannot reach the daemon at \(server): \(error) — is `kiosk serve` running? (or use --data-dir)")
            throw ExitCode(4)
        }
        let json = (try? JSONParser.parse(response.text).value) ?? .null
        guard response.isSuccess else {
            let code = json["error"]?["code"]?.stringValue ?? "http_\(response.status)"
            let message = json["error"]?["message"]?.stringValue ?? response.text
            printError("refused [\(code)]: \(message)")
            throw ExitCode(3)
        }
        return json
    }

    /// The token for `role` from the token file: the full one or a device's own. No fallback to
    /// another role: a missing token is an error that says which file to use.
    private func tokenFor(_ role: Role) throws -> String? {
        let text: String
        do {
            text = try String(contentsOfFile: tokenFile, encoding: .utf8)
        } catch {
            printError("cannot read the token file \(tokenFile) (--token-file FILE, or --token)")
            throw ExitCode(2)
        }
        let book: TokenBook
        do {
            book = try TokenBook.parse(text)
        } catch {
            printError("\(tokenFile): \(error)")
            throw ExitCode(2)
        }
        guard let token = book.token(for: role) else {
            printError("\(tokenFile) holds \(book.holdings), not the \(role.auditName) token this needs (`kiosk tokens issue` writes a device's file)")
            throw ExitCode(2)
        }
        return token
    }

    /// Prints the events a command answer carries, one line each.
    static func printEvents(_ answer: JSONValue, config: HallConfig) {
        let engine = QueueEngine(config: config)
        for line in answer["events"]?.arrayValue ?? [] {
            guard let date = line["date"]?.stringValue.flatMap(BusinessDate.init),
                  let event = try? TraceCodec(calendar: engine.calendar, date: date).decode(line) else { continue }
            printLine(EventText.describe(event, in: engine.initialState(), config: config))
        }
    }
}
