/// A message text with `{placeholders}`, e.g. `请{ticket}号到{window}办理`.
///
/// Lengths are counted in UTF-16 code units, as a UCS-2 SMS segment counts them: one segment
/// holds 70, and the 【signature】 the operator prepends counts too.
public struct SMSTemplate: Sendable, Hashable, CustomStringConvertible {
    /// The placeholders a template may use.
    public enum Field: String, Sendable, Hashable, CaseIterable {
        /// The ticket number, e.g. `A023`.
        case ticket
        /// The window's display name, e.g. `3号窗口`.
        case window
        /// The service's name, e.g. `失业登记`.
        case service
        /// People ahead in the same line.
        case ahead
        /// The estimated wait in whole minutes (at most 999; `--` when there is no estimate).
        case waitMinutes = "wait_min"
        /// Why a reviewer returned a case (即审), at most `ReviewReason.maxLength` characters.
        case reason
        /// An appointment's 6-digit code (预约码), what the citizen types at the kiosk.
        case code
        /// An appointment's slot, `09:30`.
        case time
        /// An appointment's date, `3月2日`.
        case date
    }

    /// A piece of the text: literal or a field.
    public enum Part: Sendable, Hashable {
        case text(String)
        case field(Field)
    }

    /// The longest a single SMS segment may be in UCS-2, in characters (UTF-16 units).
    public static let segmentLength = 70

    public let source: String
    public let parts: [Part]

    /// Why a template cannot be used.
    public enum ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        case unknownField(String)
        case unclosedBrace

        public var description: String {
            switch self {
            case let .unknownField(name):
                return "unknown placeholder {\(name)} (allowed: \(Field.allCases.map { "{\($0.rawValue)}" }.joined(separator: ", ")))"
            case .unclosedBrace:
                return "a \"{\" without its \"}\""
            }
        }
    }

    public init(_ source: String) throws(ParseError) {
        var parts: [Part] = []
        var literal = ""
        var rest = Substring(source)
        while let open = rest.firstIndex(of: "{") {
            literal += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { throw .unclosedBrace }
            let name = String(rest[rest.index(after: open)..<close])
            guard let field = Field(rawValue: name) else { throw .unknownField(name) }
            if !literal.isEmpty { parts.append(.text(literal)) }
            literal = ""
            parts.append(.field(field))
            rest = rest[rest.index(after: close)...]
        }
        literal += rest
        if !literal.isEmpty { parts.append(.text(literal)) }
        self.source = source
        self.parts = parts
    }

    public var description: String { source }

    /// The fields the template uses.
    public var fields: Set<Field> {
        Set(parts.compactMap { if case let .field(f) = $0 { f } else { nil } })
    }

    /// The text with every field replaced; fields missing from `values` render empty.
    public func render(_ values: [Field: String]) -> String {
        parts.map { part in
            switch part {
            case let .text(s): return s
            case let .field(f): return values[f] ?? ""
            }
        }.joined()
    }

    /// The longest text this template can render, in UTF-16 units, when each field is at most
    /// `bounds[field]` units long.
    public func worstCaseLength(_ bounds: [Field: Int]) -> Int {
        parts.reduce(0) { total, part in
            switch part {
            case let .text(s): return total + s.utf16.count
            case let .field(f): return total + (bounds[f] ?? 0)
            }
        }
    }
}

extension SMSTemplate {
    /// The longest value each field can take in `config`'s hall, in UTF-16 units.
    public static func fieldBounds(for config: HallConfig) -> [Field: Int] {
        let longestCode = config.services.map(\.code.utf16.count).max() ?? 1
        let numberDigits = max(3, String(config.numbering.last).count)
        let perService = max(0, config.numbering.last - config.numbering.first + 1)
        let maxAhead = max(0, perService - 1)
        return [
            .ticket: longestCode + numberDigits,
            .window: config.counters.map(\.name.utf16.count).max() ?? 0,
            .service: config.services.map(\.name.utf16.count).max() ?? 0,
            .ahead: String(maxAhead).count,
            .waitMinutes: 3,
            .reason: ReviewReason.maxLength,
            .code: 6,
            .time: 5,
            .date: "12月31日".utf16.count,
        ]
    }

    /// The value of `wait_min` for an estimate of `seconds` (nil: no estimate): at most three
    /// characters, so the worst case stays what `fieldBounds` promises.
    public static func waitMinutesText(_ seconds: Double?) -> String {
        guard let seconds, seconds.isFinite else { return "--" }
        return String(min(999, max(0, Int((seconds / 60).rounded()))))
    }
}

extension SMSTemplate {
    /// The value of `date` for `date`: `3月2日` (at most six characters, as `fieldBounds` says).
    public static func dateText(_ date: BusinessDate) -> String {
        let parts = date.description.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return date.description }
        return "\(parts[1])月\(parts[2])日"
    }
}
