import Foundation
import KioskStore

/// The city supervisors' tokens of `kiosk central serve`: its own file in its own data
/// directory (`tokens.json`, 0600), `{"supervisors": ["…", …]}`, one random token made on the
/// first start, more added by hand. Not the halls' tokens: a hall's supervisor sees one hall.
public struct CentralTokens: Sendable {
    public let supervisors: Set<String>

    public struct Invalid: Error, CustomStringConvertible {
        public var description: String
    }

    /// Reads `path`, creating it with one fresh token when it does not exist.
    public static func loadOrCreate(_ path: String) throws -> (tokens: CentralTokens, created: Bool) {
        if !FileManager.default.fileExists(atPath: path) {
            var generator = SystemRandomNumberGenerator()
            let token = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
            let text = "{\"supervisors\": [\"\(token)\"]}\n"
            _ = try PrivateFiles.createFile(atPath: path, contents: Data(text.utf8))
            return (CentralTokens(supervisors: [token]), true)
        }
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any], let list = object["supervisors"] as? [String],
              !list.isEmpty, list.allSatisfy({ $0.count >= 16 }) else {
            throw Invalid(description: "\(path): expected {\"supervisors\": [\"TOKEN\", …]} with tokens of 16 characters or more")
        }
        return (CentralTokens(supervisors: Set(list)), false)
    }

    /// Whether `header` (an Authorization header) carries one of the tokens.
    public func allows(_ header: String?) -> Bool {
        guard let header, header.hasPrefix("Bearer ") else { return false }
        return supervisors.contains(String(header.dropFirst("Bearer ".count)))
    }
}
