import Foundation
import HTTPTypes
import Hummingbird
import KioskAPI
import KioskCore
import KioskWeb
import Logging
import NIOPosix

/// The supervisor's console under `/console`: sign-in and sign-out, the live hall, actions
/// through the same hall commands as the API (audited with the signed-in name), today's
/// figures. A browser proves who it is with the session cookie, and every POST with the
/// session's CSRF token.
struct ConsoleRoutes: Sendable {
    static let sessionCookie = "kiosk_console"
    static let signInCookie = "kiosk_signin"

    let api: KioskAPI
    let console: Console
    let logger: Logger
    var view: ConsoleView { ConsoleView(templates: api.templates, hallName: api.config.name) }

    func register(on router: Router<KioskRequestContext>) {
        router.get("/console") { request, _ in
            guard let session = session(request) else { return ConsoleResponse.seeOther("/console/sign-in") }
            return ConsoleResponse.html(view.hall(await hallPart(for: session), session: session))
        }
        router.get("/console/hall") { request, _ in
            await page(request) { session in ConsoleResponse.html(view.hallPart(await hallPart(for: session))) }
        }
        router.get("/console/sign-in") { request, _ in
            if session(request) != nil { return ConsoleResponse.seeOther("/console") }
            return signInPage(request)
        }
        router.post("/console/sign-in") { request, context in
            await refusalsAsPages(request, session: nil) {
                var request = request
                return try await signIn(&request, from: context.clientAddress)
            }
        }
        router.post("/console/sign-out") { request, _ in
            await refusalsAsPages(request, session: session(request)) {
                var request = request
                let (session, _) = try await checkedPost(&request)
                console.sessions.close(session.id)
                logger.notice("console sign-out", metadata: ["console.user": "\(session.user)"])
                var response = ConsoleResponse.seeOther("/console/sign-in")
                response.setCookie(cookie(Self.sessionCookie, "", maxAge: 0, path: "/console"))
                return response
            }
        }
        router.get("/console/events") { request, _ in
            guard session(request) != nil else {
                return ConsoleResponse.html(view.refused(status: 401, code: "not_signed_in", message: Self.notSignedIn.message, session: nil), status: .unauthorized)
            }
            return try await liveStream()
        }
        registerActions(on: router)
        registerFigures(on: router)
    }

    // MARK: sessions

    /// The live session the request's cookie names, if any.
    func session(_ request: Request) -> ConsoleSession? {
        console.session(request.cookies[Self.sessionCookie]?.value)
    }

    static let notSignedIn = APIError(.unauthorized, "not_signed_in", "请先登录 Please sign in first")

    /// A GET page for a signed-in session: refusals become pages; no session is a 401 page.
    func page(_ request: Request, _ body: (ConsoleSession) async throws -> Response) async -> Response {
        let session = session(request)
        return await refusalsAsPages(request, session: session) {
            guard let session else { throw Self.notSignedIn }
            return try await body(session)
        }
    }

    /// Runs `body`; an `APIError` becomes an HTML page with its status and stable `code`
    /// (`data-code`), so a browser shows why and a test can tell refusals apart.
    func refusalsAsPages(_ request: Request, session: ConsoleSession?, _ body: () async throws -> Response) async -> Response {
        do {
            return try await body()
        } catch let error as APIError {
            var response = ConsoleResponse.html(
                view.refused(status: Int(error.status.code), code: error.code, message: error.message, session: session), status: error.status
            )
            if let retryAfter = error.retryAfter { response.headers[.retryAfter] = String(max(1, Int(retryAfter.rounded(.up)))) }
            return response
        } catch {
            logger.error("console: unexpected error", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
            return ConsoleResponse.html(
                view.refused(status: 500, code: "internal", message: "内部错误 Internal error", session: session), status: .internalServerError
            )
        }
    }

    /// A POST of a signed-in session, its form read and its CSRF token checked (the form's
    /// `csrf` field or an `X-CSRF-Token` header): without both nothing happens.
    func checkedPost(_ request: inout Request) async throws -> (ConsoleSession, ConsoleForm) {
        try Self.checkOrigin(request)
        guard let session = session(request) else { throw Self.notSignedIn }
        let form = try await ConsoleForm.read(&request)
        guard let token = form["csrf"] ?? request.headers[HTTPField.Name("X-CSRF-Token")!] else {
            throw APIError(.forbidden, "csrf_missing", "缺少表单令牌，请刷新页面 The form's CSRF token is missing: reload the page")
        }
        guard ConsoleSecret.equal(token, session.csrf) else {
            throw APIError(.forbidden, "csrf_invalid", "表单令牌无效，请刷新页面 The form's CSRF token is wrong: reload the page")
        }
        return (session, form)
    }

    /// A browser says where a form came from (`Origin`): another site's page is refused even
    /// before the cookie and token are looked at. No `Origin` (older browsers, curl), or `null`
    /// (what Chromium sends from a page served with `Referrer-Policy: no-referrer`), passes on to
    /// the checks that hold anyway: the SameSite=Strict cookie and the CSRF token.
    static func checkOrigin(_ request: Request) throws {
        guard let origin = request.headers[.origin], origin != "null" else { return }
        let host = request.head.authority ?? request.headers[HTTPField.Name("Host")!] ?? ""
        guard origin == "http://\(host)" || origin == "https://\(host)" else {
            throw APIError(.forbidden, "cross_origin", "不接受其他网站的请求 Requests from another site are refused")
        }
    }

    /// A cookie of the console's: HttpOnly, SameSite=Strict, Secure when the hall is served over https.
    func cookie(_ name: String, _ value: String, maxAge: Int, path: String) -> Cookie {
        (try? Cookie.validated(
            name: name, value: value, maxAge: maxAge, path: path, secure: console.options.secureCookies, httpOnly: true, sameSite: .strict
        )) ?? Cookie(name: name, value: "", maxAge: 0, path: path)
    }

    // MARK: sign-in

    func signInPage(_ request: Request, name: String = "", message: String? = nil, status: HTTPResponse.Status = .ok) -> Response {
        // A form token before there is a session (login CSRF): the same random value in a
        // SameSite=Strict cookie and in the form; another site can read neither.
        let token = request.cookies[Self.signInCookie]?.value.nonEmptyHex ?? SecureRandom.hex(32)
        var response = ConsoleResponse.html(view.signIn(csrf: token, name: name, message: message), status: status)
        response.setCookie(cookie(Self.signInCookie, token, maxAge: 3600, path: "/console/sign-in"))
        return response
    }

    func signIn(_ request: inout Request, from address: String) async throws -> Response {
        try Self.checkOrigin(request)
        if let wait = console.throttle.waitRemaining(for: address, at: console.now) {
            throw Self.tooManyAttempts(wait)
        }
        let form = try await ConsoleForm.read(&request)
        guard let expected = request.cookies[Self.signInCookie]?.value.nonEmptyHex, let given = form["csrf"], ConsoleSecret.equal(given, expected) else {
            throw APIError(.forbidden, "csrf_missing", "登录表单已过期，请刷新页面 The sign-in form has expired: reload the page")
        }
        let name = try form.text("name", maxLength: 32) ?? ""
        let password = form["password"] ?? ""
        guard password.utf8.count <= 1024 else { throw APIError.badRequest("invalid_field", "密码过长 Password too long") }
        let user = console.currentUsers.user(named: name)
        let matches = try await Self.verify(password, against: user.flatMap { PasswordHash(encoded: $0.password) })
        guard let user, matches else {
            if let wait = console.throttle.failed(from: address, at: console.now) {
                logger.warning("console: wrong passwords, address made to wait", metadata: ["client.address": "\(address)", "wait.seconds": "\(Int(wait))"])
                throw Self.tooManyAttempts(wait)
            }
            logger.notice("console: wrong name or password", metadata: ["client.address": "\(address)"])
            return signInPage(request, name: name, message: "用户名或密码错误 Wrong name or password", status: .unauthorized)
        }
        console.throttle.succeeded(from: address)
        let session = console.sessions.open(for: user, at: console.now)
        logger.notice("console sign-in", metadata: ["console.user": "\(user.name)", "client.address": "\(address)"])
        var response = ConsoleResponse.seeOther("/console")
        response.setCookie(cookie(Self.sessionCookie, session.id, maxAge: Int(ConsoleSessions.lifetime), path: "/console"))
        response.setCookie(cookie(Self.signInCookie, "", maxAge: 0, path: "/console/sign-in"))
        return response
    }

    static func tooManyAttempts(_ wait: TimeInterval) -> APIError {
        let minutes = max(1, Int((wait / 60).rounded(.up)))
        return APIError(
            .tooManyRequests, "too_many_attempts",
            "密码错误次数过多，请 \(minutes) 分钟后再试 Too many wrong passwords from this computer: try again in \(minutes) min", retryAfter: wait
        )
    }

    /// The slow hash off the cooperative pool (0.3–0.6 s of CPU). An unknown name
    /// is checked against a dummy hash, so the answer takes as long as for a real user.
    static func verify(_ password: String, against hash: PasswordHash?) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive {
            guard let hash else {
                _ = dummyHash.matches(password)
                return false
            }
            return hash.matches(password)
        }
    }

    static let dummyHash = PasswordHash.make(password: "not a password of anyone's")
}

extension String {
    /// The value if it looks like one of our random hex tokens (64 hex digits), else nil.
    var nonEmptyHex: String? {
        utf8.count == 64 && utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) ? self : nil
    }
}
