import KioskCore

enum KioskCoreJSON {
    static func parse(_ text: String) throws -> JSONValue { try JSONParser.parse(text).value }
}
