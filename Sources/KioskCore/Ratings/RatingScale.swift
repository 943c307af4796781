/// The five levels of the national 政务服务 "好差评" rules.
public enum RatingScale {
    public static let scores = 1...5

    /// 1 非常不满意 … 5 非常满意.
    public static func label(_ score: Int) -> String {
        switch score {
        case 5: return "非常满意"
        case 4: return "满意"
        case 3: return "基本满意"
        case 2: return "不满意"
        case 1: return "非常不满意"
        default: return "?"
        }
    }

    /// The English gloss of `label`.
    public static func labelEN(_ score: Int) -> String {
        switch score {
        case 5: return "very satisfied"
        case 4: return "satisfied"
        case 3: return "fairly satisfied"
        case 2: return "dissatisfied"
        case 1: return "very dissatisfied"
        default: return "?"
        }
    }

    /// A 差评 (1 or 2) must be followed up and put right.
    public static func isBad(_ score: Int) -> Bool { score <= 2 }
}
