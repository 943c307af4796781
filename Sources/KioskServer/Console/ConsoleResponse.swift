import Foundation
import Hummingbird

/// The console's answers. Every HTML answer gets the strict Content-Security-Policy and its
/// companions from `WebHeadersMiddleware`; the console adds `no-store` (a signed-in page is one
/// person's) and, for the report page only, a policy of its own.
enum ConsoleResponse {
    static func html(_ body: String, status: HTTPResponse.Status = .ok, policy: String? = nil) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        if let policy { headers[.contentSecurityPolicy] = policy }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    /// A download (the report as CSV).
    static func file(_ text: String, contentType: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.cacheControl] = "no-store"
        headers[.xContentTypeOptions] = "nosniff"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// 303 See Other: after a form's POST, the browser GETs `location` (a reload does not post again).
    static func seeOther(_ location: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        headers[.cacheControl] = "no-store"
        return Response(status: .seeOther, headers: headers)
    }
}
