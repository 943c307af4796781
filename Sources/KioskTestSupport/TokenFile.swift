import Foundation
import KioskCore

/// Reads the `tokens.json` a daemon writes on first start (or a test wrote for it).
public enum TokenFile {
    /// The token at the dotted `path` (`kiosk`, `windows.1`) in the file at `file`.
    public static func token(_ path: String, in file: String) throws -> String {
        var value = try JSONParser.parse(try String(contentsOfFile: file, encoding: .utf8)).value
        for key in path.split(separator: ".") { value = value[String(key)] ?? .null }
        guard let token = value.stringValue else { throw MissingToken(path: path, file: file) }
        return token
    }

    public struct MissingToken: Error, CustomStringConvertible {
        public var path: String
        public var file: String
        public var description: String { "no token \(path) in \(file)" }
    }
}
