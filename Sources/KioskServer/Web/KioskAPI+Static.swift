import HTTPTypes
import Hummingbird
import KioskWeb

/// The pages' static files (`web/static`, carried in the binary) at `/static/NAME`. Pages link
/// them with `?v=VERSION` (a hash of the content), so such an address is cached for a year.
extension KioskAPI {
    func registerStatic(on router: Router<KioskRequestContext>) {
        router.get("/static/:name") { request, context in
            guard let asset = WebAssets.named(context.parameters.get("name") ?? "") else {
                throw APIError(.notFound, "not_found", "没有该文件 No such file")
            }
            var headers = HTTPFields()
            headers[.contentType] = asset.contentType
            headers[.cacheControl] = request.uri.queryParameters.get("v") == asset.version ? "public, max-age=31536000, immutable" : "no-cache"
            headers[.eTag] = "\"\(asset.version)\""
            headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
            if request.headers[.ifNoneMatch] == "\"\(asset.version)\"" {
                return Response(status: .notModified, headers: headers)
            }
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: asset.body)))
        }
    }
}
