import Foundation
import KioskAPI
import KioskCore
import KioskWeb
import Testing

@Suite struct WebTemplatesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func files(_ folder: String) throws -> [String: String] {
        let dir = root.appendingPathComponent("web/\(folder)")
        var out: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
            out[name] = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
        }
        return out
    }

    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0.trimmingCharacters(in: .whitespaces)) }
            .filter { !$0.isEmpty }
    }

    @Test func theEmbeddedCopiesAreTheFilesInWeb() throws {
        let templates = try Self.files("templates")
        #expect(Set(templates.keys.map { String($0.dropLast(".mustache".count)) }) == Set(EmbeddedWeb.templates.keys))
        for (file, text) in templates {
            let name = String(file.dropLast(".mustache".count))
            #expect(Self.lines(EmbeddedWeb.templates[name] ?? "") == Self.lines(text), "\(file): run scripts/embed-web.py")
        }
        let assets = try Self.files("static")
        #expect(Set(assets.keys) == Set(EmbeddedWeb.assets.keys))
        for (name, text) in assets {
            #expect(Self.lines(EmbeddedWeb.assets[name] ?? "") == Self.lines(text), "\(name): run scripts/embed-web.py")
        }
    }

    @Test func everyTemplateParsesAndNoneInsertsUnescapedText() throws {
        _ = try WebTemplates()
        for (name, text) in EmbeddedWeb.templates {
            #expect(!text.contains("{{{") && !text.contains("{{&"), "\(name) inserts text unescaped")
            // Nothing inline that the policy would block (and so nothing that needs a weaker one).
            #expect(!text.contains("<script>") && !text.contains("style="), "\(name) has inline script or style")
            #expect(text.range(of: #"\son[a-z]+\s*="#, options: .regularExpression) == nil, "\(name) has an inline event handler")
        }
    }

    @Test func theStrictPolicyAllowsNothingInlineAndNothingForeign() {
        let policy = ContentSecurityPolicy.strict
        #expect(policy.sources(of: "default-src") == ["'none'"])
        #expect(policy.sources(of: "script-src") == ["'self'"])
        #expect(policy.sources(of: "style-src") == ["'self'"])
        #expect(policy.sources(of: "frame-ancestors") == ["'none'"])
        #expect(!policy.headerValue.contains("unsafe"))
        #expect(policy.headerValue.hasPrefix("default-src 'none'; script-src 'self'"))
        #expect(WebSecurityHeaders.all().contains { $0.name == "Referrer-Policy" && $0.value == "no-referrer" })
    }

    @Test func assetsAreVersionedByTheirContent() throws {
        let script = try #require(WebAssets.named("ticket.js"))
        #expect(script.contentType == "text/javascript; charset=utf-8")
        #expect(script.path == "/static/ticket.js?v=\(script.version)")
        #expect(WebAsset(name: "x.css", body: "a").version != WebAsset(name: "x.css", body: "b").version)
        #expect(WebAssets.stylesheet.contentType == "text/css; charset=utf-8")
    }
}
