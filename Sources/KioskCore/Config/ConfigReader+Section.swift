extension ConfigReader {
    /// Reads an optional object section (`"limits"`, `"reply"`, …) into `settings`, which start
    /// at their defaults: an absent section keeps them; a section that is no object is reported
    /// and keeps them; unknown keys are reported unless `lenient`. Its diagnostics join `self`'s.
    mutating func section<Settings>(
        _ node: JSONNode?, path: String, lenient: Bool, defaults settings: Settings, _ read: (inout ConfigReader, inout Settings) -> Void
    ) -> Settings {
        var settings = settings
        guard let node else { return settings }
        var r = ConfigReader(node, path: path)
        if r.isObject {
            read(&r, &settings)
            if !lenient { r.finish() }
        }
        absorb(r)
        return settings
    }
}
