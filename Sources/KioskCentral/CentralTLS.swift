import Foundation
import NIOSSL
import PostgresNIO

/// How the connection to the centre is secured, in libpq's words (`sslmode`, `sslrootcert`,
/// `sslcert`, `sslkey` in the URL's query), so the URL a database administrator tried with
/// psql works here unchanged.
///
/// - `disable`: clear text (a private network or a tunnel).
/// - `prefer` (the default, as psql's): TLS when the centre offers it, its certificate unchecked.
/// - `require`: TLS or no connection; the certificate is checked against `sslrootcert` when one
///   is given (as libpq does), else unchecked.
/// - `verify-ca`: TLS, the certificate signed by `sslrootcert` (default: the system's roots).
/// - `verify-full`: as verify-ca, and issued for the host in the URL (name or IP address).
///
/// `sslcert` + `sslkey` present a client certificate: with `cert` in the centre's pg_hba.conf a
/// hall proves it is `hall_ID` by a certificate whose CN is its role, no password needed.
public struct CentralTLS: Sendable, Equatable {
    public enum Mode: String, Sendable, CaseIterable {
        case disable, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    public var mode: Mode = .prefer
    public var rootCertificate: String?
    public var certificate: String?
    public var key: String?

    public init(mode: Mode = .prefer, rootCertificate: String? = nil, certificate: String? = nil, key: String? = nil) {
        self.mode = mode
        self.rootCertificate = rootCertificate
        self.certificate = certificate
        self.key = key
    }

    /// Reads the URL's query items; the files are loaded at once, so a wrong path or a
    /// malformed PEM is a usage error at start, not a failure at every shipping attempt.
    init(queryItems: [(name: String, value: String?)]) throws(CentralAddress.Invalid) {
        for (name, value) in queryItems {
            let value = value ?? ""
            switch name {
            case "sslmode":
                guard let mode = Mode(rawValue: value) else {
                    throw CentralAddress.Invalid(description: "--central: sslmode=\(value) is not one of \(Mode.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                self.mode = mode
            case "sslrootcert": rootCertificate = value
            case "sslcert": certificate = value
            case "sslkey": key = value
            default:
                throw CentralAddress.Invalid(description: "--central: unknown parameter '\(name)' (known: sslmode, sslrootcert, sslcert, sslkey)")
            }
        }
        guard (certificate == nil) == (key == nil) else {
            throw CentralAddress.Invalid(description: "--central: sslcert and sslkey go together (the client certificate and its private key)")
        }
        for (name, path) in [("sslrootcert", rootCertificate), ("sslcert", certificate), ("sslkey", key)] {
            if let path, !FileManager.default.isReadableFile(atPath: path) {
                throw CentralAddress.Invalid(description: "--central: \(name)=\(path): no such readable file")
            }
        }
        if mode == .disable, rootCertificate != nil || certificate != nil {
            throw CentralAddress.Invalid(description: "--central: sslmode=disable with certificates: say sslmode=verify-full (or require) to use them")
        }
        _ = try postgresTLS()
    }

    /// What PostgresNIO connects with.
    func postgresTLS() throws(CentralAddress.Invalid) -> PostgresConnection.Configuration.TLS {
        guard mode != .disable else { return .disable }
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch mode {
        case .disable, .prefer:
            configuration.certificateVerification = .none
        case .require:
            configuration.certificateVerification = rootCertificate == nil ? .none : .noHostnameVerification
        case .verifyCA:
            configuration.certificateVerification = .noHostnameVerification
        case .verifyFull:
            configuration.certificateVerification = .fullVerification
        }
        do {
            if let rootCertificate {
                configuration.trustRoots = .certificates(try Self.certificates(in: rootCertificate))
            }
            if let certificate, let key {
                configuration.certificateChain = try Self.certificates(in: certificate).map { .certificate($0) }
                configuration.privateKey = .privateKey(try NIOSSLPrivateKey(file: key, format: .pem))
            }
            let context = try NIOSSLContext(configuration: configuration)
            return mode == .prefer ? .prefer(context) : .require(context)
        } catch {
            throw CentralAddress.Invalid(description: "--central: cannot load the TLS files (sslrootcert, sslcert, sslkey): \(error)")
        }
    }

    /// The PEM certificates in `path`; none is an error (an empty trust list would refuse
    /// every centre with a puzzling handshake failure).
    static func certificates(in path: String) throws -> [NIOSSLCertificate] {
        let certificates = try NIOSSLCertificate.fromPEMFile(path)
        guard !certificates.isEmpty else { throw CentralAddress.Invalid(description: "no PEM certificate in \(path)") }
        return certificates
    }

    /// For logs and messages: the mode, and the files by name.
    var summary: String {
        var parts = ["sslmode=\(mode.rawValue)"]
        if let rootCertificate { parts.append("sslrootcert=\(rootCertificate)") }
        if let certificate { parts.append("sslcert=\(certificate)") }
        return parts.joined(separator: "&")
    }
}
