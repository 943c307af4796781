import Foundation

/// Who may ask for priority: named the same on the priority screen and on the ticket (the
/// screen once offered 孕妇 while the ticket said 老年人/残疾人). A hall may name its own.
public struct PriorityGroups: Sendable, Equatable {
    /// One group, Chinese as the hall says it (a detail in brackets, e.g. 老年人(70岁以上)) and English.
    public struct Group: Sendable, Equatable {
        public var chinese: String
        public var english: String

        public init(_ chinese: String, _ english: String) {
            self.chinese = chinese
            self.english = english
        }

        /// The name without its bracketed detail: 老年人(70岁以上) → 老年人.
        public var shortChinese: String {
            String(chinese.prefix { $0 != "(" && $0 != "（" })
        }
    }

    public var groups: [Group]

    public init(_ groups: [Group]) {
        self.groups = groups
    }

    /// 老年人(70岁以上), 残疾人, 孕妇.
    public static let standard = PriorityGroups([
        Group("老年人(70岁以上)", "elderly (70+)"), Group("残疾人", "disabled"), Group("孕妇", "pregnant"),
    ])

    /// `老年人(70岁以上)/elderly (70+),残疾人/disabled`: the ticket machine's `--priority-groups`.
    /// Nil when a group has no Chinese name.
    public init?(parsing text: String) {
        var groups: [Group] = []
        for item in text.split(separator: ",") {
            let parts = item.split(separator: "/", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let chinese = parts.first, !chinese.isEmpty else { return nil }
            groups.append(Group(chinese, parts.count > 1 ? parts[1] : ""))
        }
        guard !groups.isEmpty else { return nil }
        self.groups = groups
    }

    /// The priority screen's option: `优先:老年人(70岁以上)、残疾人、孕妇`.
    public var chineseList: String { groups.map(\.chinese).joined(separator: "、") }
    public var englishList: String { groups.map(\.english).filter { !$0.isEmpty }.joined(separator: ", ") }

    /// The ticket's line: `优先 Priority (老年人/残疾人/孕妇)`.
    public var ticketLabel: String { "优先 Priority (\(groups.map(\.shortChinese).joined(separator: "/")))" }
}
