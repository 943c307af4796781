import Logging
import NIOCore
import PostgresNIO

/// One connection to the centre, with its errors classified (`CentralError`).
public struct CentralSession: Sendable {
    public let connection: PostgresConnection
    public let logger: Logger
    /// How long one statement may take before the centre counts as unreachable.
    public var statementTimeout: Double = 60

    /// Connects as the URL's user; `connectTimeout` bounds how long an absent centre holds us.
    public static func connect(_ address: CentralAddress, connectTimeout: Int64 = 5, logger: Logger) async throws(CentralError) -> CentralSession {
        do {
            let connection = try await PostgresConnection.connect(
                configuration: address.configuration(connectTimeout: connectTimeout), id: 1, logger: logger
            )
            return CentralSession(connection: connection, logger: logger)
        } catch {
            throw CentralError(error)
        }
    }

    /// Runs SQL with no parameters (DDL, transaction control).
    public func execute(_ sql: String) async throws(CentralError) {
        _ = try await rows(PostgresQuery(unsafeSQL: sql), as: (Int64).self, decode: false)
    }

    /// Runs a query and collects every row, decoded as `T`.
    public func rows<each T: PostgresDecodable & Sendable>(_ query: PostgresQuery, as types: (repeat each T).Type) async throws(CentralError) -> [(repeat each T)] {
        try await rows(query, as: types, decode: true)
    }

    private func rows<each T: PostgresDecodable & Sendable>(
        _ query: PostgresQuery, as types: (repeat each T).Type, decode: Bool
    ) async throws(CentralError) -> [(repeat each T)] {
        let connection = connection, logger = logger
        do {
            return try await Deadline.run(seconds: statementTimeout) {
                let sequence = try await connection.query(query, logger: logger)
                guard decode else {
                    for try await _ in sequence {}
                    return []
                }
                var out: [(repeat each T)] = []
                for try await row in sequence.decode((repeat each T).self) { out.append(row) }
                return out
            }
        } catch {
            throw CentralError(error)
        }
    }

    /// Runs `body` in one transaction: committed whole, or rolled back whole.
    public func transaction<R: Sendable>(_ body: (CentralSession) async throws -> R) async throws(CentralError) -> R {
        try await execute("BEGIN")
        do {
            let result = try await body(self)
            try await execute("COMMIT")
            return result
        } catch {
            try? await execute("ROLLBACK")
            throw CentralError(error)
        }
    }

    /// Closes the connection without waiting for the centre (which may be gone).
    public func close() async {
        let connection = connection
        Task { try? await connection.close() }
    }
}
