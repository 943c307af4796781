import NIOSSL
import PostgresNIO

/// Why a conversation with the centre failed, in the two kinds a caller acts on: the centre is
/// away (try again later: backoff, exit 2) or it answered no (a refusal, exit 3: a missing
/// schema, a role not allowed, a row of another hall; or TLS could not be agreed, a
/// certificate not trusted: trying again will not help either).
public enum CentralError: Error, Sendable, CustomStringConvertible {
    case unreachable(String)
    case refused(sqlState: String, message: String)
    case untrusted(String)

    /// Classifies whatever PostgresNIO or the network threw.
    public init(_ error: any Error) {
        if let known = error as? CentralError {
            self = known
            return
        }
        if let transaction = error as? PostgresTransactionError {
            self.init(transaction.closureError ?? transaction.commitError ?? transaction.beginError ?? transaction.rollbackError ?? error)
            return
        }
        if let why = Self.tlsFailure(error) {
            self = .untrusted(why)
            return
        }
        if let psql = error as? PSQLError, psql.code == .server, let info = psql.serverInfo {
            let state = info[.sqlState] ?? "?"
            // 08xxx: connection exceptions; 57P0x: the server is shutting down or starting.
            if state.hasPrefix("08") || state.hasPrefix("57P") {
                self = .unreachable("\(info[.message] ?? "server closed the connection") [\(state)]")
            } else {
                self = .refused(sqlState: state, message: info[.message] ?? "refused")
            }
            return
        }
        if let psql = error as? PSQLError {
            self = .unreachable("\(psql.code)")
            return
        }
        self = .unreachable(String(describing: error))
    }

    /// A TLS failure, however deep PostgresNIO wrapped it: the centre does not speak TLS
    /// (sslmode require or stricter), or its certificate is not one we trust.
    static func tlsFailure(_ error: any Error) -> String? {
        switch error {
        case let psql as PSQLError:
            if psql.code == .sslUnsupported { return "the centre does not offer TLS (sslmode asks for it)" }
            return psql.underlying.flatMap(tlsFailure)
        case let invalid as CentralAddress.Invalid: return invalid.description
        case let ssl as NIOSSLError: return "TLS: \(ssl)"
        case let ssl as BoringSSLError: return "TLS: \(ssl)"
        case let ssl as NIOSSLExtraError: return "TLS: \(ssl)"
        default: return nil
        }
    }

    public var isUnreachable: Bool {
        if case .unreachable = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case let .unreachable(why): return "the centre cannot be reached: \(why)"
        case let .refused(state, message): return "the centre refused: \(message) [\(state)]"
        case let .untrusted(why): return "the centre could not be trusted: \(why)"
        }
    }
}
