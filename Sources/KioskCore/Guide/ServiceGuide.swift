/// A service's 办事指南: what the 三基操作规程 table says about it, for the citizen to read
/// before queueing (不让百姓跑第二趟 starts with knowing what to bring and whether the case can
/// be done today). Config `services[].guide`.
public struct ServiceGuide: Sendable, Equatable {
    /// 办理依据: the laws and rules the service rests on.
    public var basis: [String]
    /// 办理条件: who may apply, and when.
    public var conditions: [String]
    /// 申请材料.
    public var materials: [GuideMaterial]
    /// 办理程序, in order.
    public var steps: [String]
    /// 承诺时限, e.g. `即办` or `5个工作日`.
    public var timeLimit: String?
    /// 经办人 / 审核人 / 审批人.
    public var roles: GuideRoles?
    /// 收费标准, e.g. `不收费`.
    public var fee: String?
    /// 联系方式.
    public var contact: String?
    /// The sections written as an illustration rather than the hall's own rule (the embedded
    /// hall's guides, where the seed article says nothing): shown marked 示例 so nobody takes
    /// them for the law. Config `guide.example`, a list of the keys above.
    public var exampleSections: Set<GuideSection>

    public init(
        basis: [String] = [], conditions: [String] = [], materials: [GuideMaterial] = [], steps: [String] = [],
        timeLimit: String? = nil, roles: GuideRoles? = nil, fee: String? = nil, contact: String? = nil,
        exampleSections: Set<GuideSection> = []
    ) {
        self.basis = basis
        self.conditions = conditions
        self.materials = materials
        self.steps = steps
        self.timeLimit = timeLimit
        self.roles = roles
        self.fee = fee
        self.contact = contact
        self.exampleSections = exampleSections
    }

    /// Whether `section` is an illustration, not the hall's own rule.
    public func isExample(_ section: GuideSection) -> Bool { exampleSections.contains(section) }
}

/// The sections of a guide, as the config names them.
public enum GuideSection: String, Sendable, Equatable, Hashable, CaseIterable, Comparable {
    case basis, conditions, materials, steps
    case timeLimit = "time_limit"
    case roles, fee, contact

    public static func < (a: GuideSection, b: GuideSection) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// The heading the 三基操作规程 table gives it, Chinese first.
    public var heading: String {
        switch self {
        case .basis: return "办理依据 Legal basis"
        case .conditions: return "办理条件 Who may apply"
        case .materials: return "申请材料 What to bring"
        case .steps: return "办理程序 Steps"
        case .timeLimit: return "承诺时限 Time limit"
        case .roles: return "经办 / 审核 / 审批 Handled, checked, approved by"
        case .fee: return "收费 Fee"
        case .contact: return "联系方式 Contact"
        }
    }
}

/// One document to bring: its name, whether the original or a copy, how many.
public struct GuideMaterial: Sendable, Equatable {
    /// 原件 (shown, handed back), 复印件 (kept), or both.
    public enum Form: String, Sendable, Equatable, CaseIterable {
        case original
        case copy
        case originalAndCopy = "original_and_copy"

        /// 原件 / 复印件 / 原件及复印件.
        public var chinese: String {
            switch self {
            case .original: return "原件"
            case .copy: return "复印件"
            case .originalAndCopy: return "原件及复印件"
            }
        }

        public var english: String {
            switch self {
            case .original: return "original"
            case .copy: return "copy"
            case .originalAndCopy: return "original and copy"
            }
        }
    }

    public var name: String
    public var form: Form
    /// How many (copies, or originals): 1 unless the guide says more.
    public var count: Int
    /// E.g. `如有` (only if you have one), `可由本局代查`.
    public var notes: String?

    public init(name: String, form: Form = .original, count: Int = 1, notes: String? = nil) {
        self.name = name
        self.form = form
        self.count = count
        self.notes = notes
    }

    /// `身份证 原件1份`, `解除劳动合同书 原件及复印件各1份(如有)`: the line a ticket prints.
    public var line: String {
        let each = form == .originalAndCopy ? "各" : ""
        let note = notes.map { "(\($0))" } ?? ""
        return "\(name) \(form.chinese)\(each)\(count)份\(note)"
    }
}

/// Who handles, checks and approves a case (经办人 / 审核人 / 审批人). Codable as the config and
/// the guide's API answer both write it (`handler`, `reviewer`, `approver`).
public struct GuideRoles: Codable, Sendable, Equatable {
    public var handler: String?
    public var reviewer: String?
    public var approver: String?

    public init(handler: String? = nil, reviewer: String? = nil, approver: String? = nil) {
        self.handler = handler
        self.reviewer = reviewer
        self.approver = approver
    }
}
