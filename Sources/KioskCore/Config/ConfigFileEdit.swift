/// Small edits of a hall config file's text that keep everything else as it was written
/// (formatting, key order, the guides): what `kiosk config add-service` writes back.
public enum ConfigFileEdit {
    public enum Refusal: Error, Equatable, CustomStringConvertible {
        case unreadable(String)
        case noWindow(CounterID)
        case unknownService(ServiceCode)
        /// The window's `may_serve` does not list the service: the hall has not let it take it on.
        case notAllowed(window: CounterID, service: ServiceCode)
        case alreadyServes(window: CounterID, service: ServiceCode)

        public var description: String {
            switch self {
            case let .unreadable(why): "the config cannot be read: \(why)"
            case let .noWindow(id): "no window \"\(id)\" in the config"
            case let .unknownService(code): "no service \"\(code)\" in the config"
            case let .notAllowed(window, service):
                "window \(window) may not serve \(service): its \"may_serve\" does not list it (add it there first, as the hall decides who may serve what)"
            case let .alreadyServes(window, service): "window \(window) already serves \(service)"
            }
        }
    }

    /// `text` with `service` appended to window `window`'s `services`, refused unless the
    /// window's `may_serve` lists it. Only that array's closing bracket moves.
    public static func addingService(_ service: ServiceCode, toWindow window: CounterID, in text: String) throws(Refusal) -> String {
        let config: HallConfig
        let root: JSONNode
        do {
            config = try HallConfig.load(json: text)
            root = try JSONParser.parse(text)
        } catch {
            throw .unreadable("\(error)")
        }
        guard let counter = config.counter(window) else { throw .noWindow(window) }
        guard config.service(service) != nil else { throw .unknownService(service) }
        guard !counter.services.contains(service) else { throw .alreadyServes(window: window, service: service) }
        guard counter.mayServe.contains(service) else { throw .notAllowed(window: window, service: service) }
        guard let list = servicesNode(of: window, in: root), case let .array(items) = list.kind else { throw .noWindow(window) }

        // The array's closing bracket: the first `]` after its opening one (its items are
        // one-letter codes, so no bracket hides in a string).
        var scalars = Array(text.unicodeScalars)
        var i = offset(of: list.location, in: scalars)
        while i < scalars.count, scalars[i] != "]" { i += 1 }
        guard i < scalars.count else { throw .unreadable("window \(window)'s services never close") }
        let inserted = (items.isEmpty ? "" : ", ") + "\"\(service)\""
        scalars.insert(contentsOf: inserted.unicodeScalars, at: i)
        var edited = String.UnicodeScalarView()
        edited.append(contentsOf: scalars)
        return String(edited)
    }

    static func servicesNode(of window: CounterID, in root: JSONNode) -> JSONNode? {
        guard case let .object(members) = root.kind, let counters = members.first(where: { $0.key == "counters" })?.value,
              case let .array(list) = counters.kind
        else { return nil }
        for node in list {
            guard case let .object(fields) = node.kind, case let .string(id)? = fields.first(where: { $0.key == "id" })?.value.kind, id == window else { continue }
            return fields.first { $0.key == "services" }?.value
        }
        return nil
    }

    /// The index in `scalars` of a parser location (lines and columns count Unicode scalars).
    static func offset(of location: SourceLocation, in scalars: [Unicode.Scalar]) -> Int {
        var line = 1, i = 0
        while line < location.line, i < scalars.count {
            if scalars[i] == "\n" { line += 1 }
            i += 1
        }
        return i + location.column - 1
    }
}
