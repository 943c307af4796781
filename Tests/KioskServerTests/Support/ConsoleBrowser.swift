import Foundation
import KioskHTTPClient
@testable import KioskServer

/// A browser as far as the console cares, over our libcurl transport: it keeps the cookies the
/// daemon sets (by name; expired ones dropped), sends them back, and reads the CSRF token out
/// of the last page, as a real browser's form would carry it.
final class ConsoleBrowser: @unchecked Sendable {
    let client: APIClient
    /// Cookie name → the whole `Set-Cookie` line last received (tests inspect its attributes).
    private(set) var setCookieLines: [String: String] = [:]
    private(set) var cookies: [String: String] = [:]
    private(set) var lastPage = ""

    init(_ client: APIClient) { self.client = client }

    /// The CSRF token of the last page's forms.
    var csrf: String? {
        guard let range = lastPage.range(of: #"name="csrf" value="([0-9a-f]{64})""#, options: .regularExpression) else { return nil }
        return String(lastPage[range].dropFirst(#"name="csrf" value=""#.count).prefix(64))
    }

    func get(_ path: String, headers: [(String, String)] = []) async throws -> APIResponse {
        let answer = try await client.send(.get, path, headers: cookieHeader + headers)
        take(answer)
        return answer
    }

    /// Posts `fields` as a form; `csrf: true` adds the last page's token (as the page's form would).
    func post(_ path: String, _ fields: [(String, String)] = [], csrf: Bool = true, headers: [(String, String)] = []) async throws -> APIResponse {
        var fields = fields
        if csrf, let token = self.csrf { fields.append(("csrf", token)) }
        let body = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        let answer = try await client.send(
            .post, path, body: Data(body.utf8), contentType: "application/x-www-form-urlencoded", headers: cookieHeader + headers
        )
        take(answer)
        return answer
    }

    /// Signs in through the form: GET the page (its token and cookie), then POST it.
    func signIn(_ name: String, _ password: String) async throws -> APIResponse {
        _ = try await get("/console/sign-in")
        return try await post("/console/sign-in", [("name", name), ("password", password)])
    }

    func forget(_ name: String) { cookies[name] = nil }
    func setCookie(_ name: String, _ value: String) { cookies[name] = value }

    private var cookieHeader: [(String, String)] {
        cookies.isEmpty ? [] : [("Cookie", cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))]
    }

    private func take(_ answer: APIResponse) {
        if answer.contentType.hasPrefix("text/html") { lastPage = answer.text }
        for line in answer.headers.values(for: "Set-Cookie") {
            let pair = line.split(separator: ";", maxSplits: 1)[0].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair.count == 2 else { continue }
            let name = String(pair[0]).trimmingCharacters(in: .whitespaces), value = String(pair[1])
            setCookieLines[name] = line
            if line.lowercased().contains("max-age=0") || value.isEmpty { cookies[name] = nil } else { cookies[name] = value }
        }
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}
