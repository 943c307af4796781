import Foundation
import KioskTestSupport

/// A certificate authority of the test's own, made with the openssl command (P-256 keys, two
/// days): the centre's certificates, a hall's client certificate, and a second authority
/// nobody trusts.
struct TestCertificates {
    let directory: String
    /// The authority the halls are told to trust (`sslrootcert`).
    var root: String { directory + "/ca.pem" }
    /// Another authority: the centre's certificate is not one of its.
    var strangerRoot: String { directory + "/stranger-ca.pem" }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    init(in directory: String) throws {
        self.directory = directory
        try makeAuthority("ca")
        try makeAuthority("stranger-ca")
    }

    /// A certificate signed by the test's authority, with `extensions` (subjectAltName,
    /// extendedKeyUsage): the paths of the certificate and its key.
    func issue(_ name: String, commonName: String, extensions: [String]) throws -> (certificate: String, key: String) {
        let base = directory + "/" + name
        try openssl(["req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                     "-keyout", base + ".key", "-out", base + ".csr", "-subj", "/CN=" + commonName])
        try extensions.joined(separator: "\n").write(toFile: base + ".ext", atomically: true, encoding: .utf8)
        try openssl(["x509", "-req", "-in", base + ".csr", "-CA", root, "-CAkey", directory + "/ca.key", "-set_serial",
                     String(Int.random(in: 1000...999_999)), "-days", "2", "-out", base + ".pem", "-extfile", base + ".ext"])
        return (base + ".pem", base + ".key")
    }

    private func makeAuthority(_ name: String) throws {
        try openssl(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                     "-keyout", directory + "/\(name).key", "-out", directory + "/\(name).pem", "-days", "2", "-subj", "/CN=kiosk test \(name)"])
    }

    private func openssl(_ arguments: [String]) throws {
        let result = try runCommand("openssl", arguments)
        guard result.status == 0 else { throw Failure(description: "openssl \(arguments.prefix(2).joined(separator: " ")) failed (\(result.status))") }
    }
}
