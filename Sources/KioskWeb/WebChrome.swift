/// What every page's frame (`web/templates/page.mustache`) shows: its language, the hall's name
/// and the stylesheet. Every page model carries one as `chrome`.
public struct WebChrome: Sendable, Equatable {
    public var lang: String
    public var hallName: String
    public var hallNameEN: String
    public var stylesheet: String

    public init(hallName: String, hallNameEN: String, lang: String = "zh-Hans") {
        self.lang = lang
        self.hallName = hallName
        self.hallNameEN = hallNameEN
        self.stylesheet = WebAssets.stylesheet.path
    }
}
