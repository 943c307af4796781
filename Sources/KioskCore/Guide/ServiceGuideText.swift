/// A service's guide as plain lines, Chinese first: what `kiosk guide` prints and the ticket
/// machine pages through. Lines are not wrapped (each front end wraps to its width); a section
/// the hall marked as an example says so in its heading.
public enum ServiceGuideText {
    /// The mark on a section written as an illustration, not the hall's own rule.
    public static let exampleMark = "（示例 example）"

    /// The title, then one heading per section the guide has, each followed by its points.
    public static func lines(code: ServiceCode, name: String, nameEN: String, guide: ServiceGuide) -> [String] {
        var out = ["\(code) \(name)\(nameEN.isEmpty ? "" : "  \(nameEN)")", "办事指南 Service guide"]
        if !guide.exampleSections.isEmpty {
            out.append("标\(exampleMark)的部分为示例，以窗口告知为准 Sections marked example are illustrations: the window's word counts")
        }
        for section in GuideSection.allCases where guide.has(section) {
            out.append("")
            out.append("【\(section.heading)】" + (guide.isExample(section) ? exampleMark : ""))
            out += body(of: section, in: guide).map { "  " + $0 }
        }
        return out
    }

    /// The points under one heading.
    public static func body(of section: GuideSection, in guide: ServiceGuide) -> [String] {
        switch section {
        case .basis: return guide.basis.map { "· " + $0 }
        case .conditions: return guide.conditions.map { "· " + $0 }
        case .materials: return guide.materials.enumerated().map { "\($0.offset + 1). " + $0.element.line }
        case .steps: return guide.steps.enumerated().map { "\($0.offset + 1). " + $0.element }
        case .timeLimit: return guide.timeLimit.map { [$0] } ?? []
        case .roles:
            guard let roles = guide.roles else { return [] }
            return [("经办 Handled by", roles.handler), ("审核 Checked by", roles.reviewer), ("审批 Approved by", roles.approver)]
                .compactMap { label, who in who.map { "\(label): \($0)" } }
        case .fee: return guide.fee.map { [$0] } ?? []
        case .contact: return guide.contact.map { [$0] } ?? []
        }
    }
}
