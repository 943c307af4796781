import Foundation
import HTTPTypes
import Hummingbird

/// The console's answers: HTML with headers that keep it from being framed, sniffed, cached
/// or scripted from anywhere but itself.
enum ConsoleResponse {
    /// Scripts and styles only from the daemon itself, no inline script, forms only to itself,
    /// never inside a frame.
    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    static func html(_ body: String, status: HTTPResponse.Status = .ok, policy: String = contentSecurityPolicy) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        secure(&headers, policy: policy)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    static func asset(_ text: String, contentType: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.cacheControl] = "no-cache"
        headers[.xContentTypeOptions] = "nosniff"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// 303 See Other: after a form's POST, the browser GETs `location` (a reload does not post again).
    static func seeOther(_ location: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        secure(&headers, policy: contentSecurityPolicy)
        return Response(status: .seeOther, headers: headers)
    }

    static func secure(_ headers: inout HTTPFields, policy: String) {
        headers[.contentSecurityPolicy] = policy
        headers[.xContentTypeOptions] = "nosniff"
        headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        headers[.cacheControl] = "no-store"
        headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
    }
}
