/// A logic-free line of text with `{path}` placeholders filled from the display model.
///
/// `{path:<w}`, `{path:>w}` and `{path:^w}` pad or cut the value to exactly `w` display
/// columns (left, right, centered); `{{` and `}}` are literal braces.
public struct Template: Sendable, Hashable {
    /// One piece of a template.
    public enum Segment: Sendable, Hashable {
        /// Text copied as written.
        case literal(String)
        /// A value looked up in the model.
        case placeholder(Placeholder)
    }

    /// The pieces in order.
    public var segments: [Segment]

    public init(segments: [Segment]) {
        self.segments = segments
    }

    /// A template that is just the given text.
    public init(literal text: String) {
        self.segments = text.isEmpty ? [] : [.literal(text)]
    }

    /// The template filled in: `lookup` gives the text for a path (empty when missing).
    /// `widths` overrides field widths by placeholder index (a list sized to its content).
    public func render(ambiguous: AmbiguousWidth, lookup: (String) -> String, widths: [Int: Int] = [:]) -> String {
        var out = ""
        var index = 0
        for segment in segments {
            switch segment {
            case .literal(let text):
                out += text
            case .placeholder(var placeholder):
                if let width = widths[index] { placeholder.width = width }
                out += placeholder.format(Self.oneLine(lookup(placeholder.path)), ambiguous: ambiguous)
                index += 1
            }
        }
        return out
    }

    /// The one-line text of each placeholder's value, in order.
    func values(lookup: (String) -> String) -> [String] {
        segments.compactMap { segment in
            if case .placeholder(let placeholder) = segment { return Self.oneLine(lookup(placeholder.path)) }
            return nil
        }
    }

    /// Model text is shown on one line: line breaks and tabs become spaces, other control
    /// characters are dropped so a value can never steer the terminal.
    static func oneLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: DisplayWidth.isControl) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\t" || scalar == "\r" {
                scalars.append(" ")
            } else if !DisplayWidth.isControl(scalar) {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}
