import Mustache

/// The daemon's page templates (swift-mustache), parsed once at start.
///
/// Values are HTML-escaped by mustache (`{{name}}`); nothing a citizen or a config file wrote is
/// ever inserted unescaped (no `{{{triple}}}` in `web/templates`, a test checks).
public struct WebTemplates: Sendable {
    let library: MustacheLibrary

    /// A failure to parse a shipped template (a test parses them all, so a release never has one).
    public struct ParseFailure: Error, CustomStringConvertible {
        public var template: String
        public var reason: String
        public var description: String { "web template \(template): \(reason)" }
    }

    /// `sources`: template text by name; the shipped ones by default.
    public init(sources: [String: String] = EmbeddedWeb.templates) throws {
        var library = MustacheLibrary()
        for (name, text) in sources {
            do {
                try library.register(text, named: name)
            } catch {
                throw ParseFailure(template: name, reason: "\(error)")
            }
        }
        self.library = library
    }

    /// `model` rendered with template `name`; nil when there is no such template.
    public func render(_ model: Any, with name: String) -> String? {
        library.render(model, withTemplate: name)
    }
}
