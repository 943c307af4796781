import Foundation
import Hummingbird
import KioskAPI
import KioskCore

/// JSON responses: the shared KioskAPI types, encoded the one way every client decodes them.
enum JSONResponse {
    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        let body: ByteBuffer
        do {
            body = ByteBuffer(bytes: try APICoding.encode(value))
        } catch {
            // Only a non-finite number can fail to encode; the views never make one.
            return text(#"{"error":{"code":"internal","message":"内部错误 Internal error"}}"#, contentType: "application/json; charset=utf-8", status: .internalServerError)
        }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: body))
    }

    static func text(_ text: String, contentType: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
