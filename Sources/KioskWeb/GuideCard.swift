import KioskCore

/// The service's 办事指南 on the citizen's ticket page (the part of `ticket.mustache` inside
/// `<details>`): every section the guide has, Chinese first, an illustration marked as one.
/// The same sections and points as `kiosk guide` and the ticket machine (`ServiceGuideText`).
public struct GuideCard: Sendable {
    public struct Section: Sendable {
        public var heading: String
        public var isExample: Bool
        public var points: [String]
    }

    public var sections: [Section]
    /// Whether any section is an illustration: the page then says the window's word counts.
    public var hasExamples: Bool
    public var exampleMark: String { ServiceGuideText.exampleMark }

    public init(_ guide: ServiceGuide) {
        sections = GuideSection.allCases.filter { guide.has($0) }.map { section in
            Section(heading: section.heading, isExample: guide.isExample(section), points: ServiceGuideText.body(of: section, in: guide))
        }
        hasExamples = !guide.exampleSections.isEmpty
    }
}
