import Foundation
import PostgresNIO

/// Where the central database is: a `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=…]`
/// URL, as psql takes it (TLS: `CentralTLS`). The password may also come from `PGPASSWORD`
/// (kept out of process lists).
public struct CentralAddress: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String
    public var tls: CentralTLS

    public struct Invalid: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    public init(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard let url = URLComponents(string: text), url.scheme == "postgres" || url.scheme == "postgresql" else {
            throw Invalid(description: "--central: expected postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE, got '\(Self.redacted(text))'")
        }
        guard let host = url.host, !host.isEmpty else { throw Invalid(description: "--central: the URL names no host") }
        guard let user = url.user, !user.isEmpty else { throw Invalid(description: "--central: the URL names no user (the hall's role, or the owner for migrate)") }
        let database = String(url.path.drop { $0 == "/" })
        guard !database.isEmpty else { throw Invalid(description: "--central: the URL names no database") }
        tls = try CentralTLS(queryItems: (url.queryItems ?? []).map { ($0.name, $0.value) })
        self.host = host
        self.port = url.port ?? 5432
        self.user = user
        self.password = url.password ?? environment["PGPASSWORD"]
        self.database = database
    }

    /// The URL without its password: what logs and messages may show.
    public var description: String { "postgres://\(user)@\(host):\(port)/\(database)?\(tls.summary)" }

    static func redacted(_ text: String) -> String {
        guard var url = URLComponents(string: text), url.password != nil else { return text }
        url.password = "…"
        return url.string ?? "…"
    }

    func configuration(connectTimeout seconds: Int64) throws(Invalid) -> PostgresConnection.Configuration {
        var configuration = PostgresConnection.Configuration(
            host: host, port: port, username: user, password: password, database: database, tls: try tls.postgresTLS()
        )
        configuration.options.connectTimeout = .seconds(seconds)
        return configuration
    }
}
