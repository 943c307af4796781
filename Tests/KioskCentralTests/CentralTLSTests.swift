import Foundation
import KioskTestSupport
import Testing

/// The way to the centre secured: a centre that takes TLS connections only (clear text is
/// rejected in its pg_hba.conf), halls that check its certificate (sslmode=verify-full, the
/// centre's authority in sslrootcert), and a hall that proves who it is by a client
/// certificate instead of a password. Everything the URL says as psql would read it.
@Suite(.serialized) struct CentralTLSTests {
    @Test func hallsReachTheCentreOverVerifiedTLSOnly() async throws {
        try await CentralFixtures.withCentre("tls") { pg, root in
            let certificates = try TestCertificates(in: root)
            let server = try certificates.issue("server", commonName: "centre", extensions: ["subjectAltName=IP:127.0.0.1", "extendedKeyUsage=serverAuth"])
            // The same centre, its certificate issued for another name than the address halls use.
            let misnamed = try certificates.issue("misnamed", commonName: "centre", extensions: ["subjectAltName=DNS:centre.invalid", "extendedKeyUsage=serverAuth"])
            let eastClient = try certificates.issue("hall_east", commonName: "hall_east", extensions: ["extendedKeyUsage=clientAuth"])

            func serve(_ pair: (certificate: String, key: String)) throws {
                try pg.stop()
                try pg.installFile(contents: String(contentsOfFile: pair.certificate, encoding: .utf8), as: "server.pem")
                try pg.installFile(contents: String(contentsOfFile: pair.key, encoding: .utf8), as: "server.key")
                try pg.start()
            }
            try pg.stop()
            try pg.installFile(contents: String(contentsOfFile: certificates.root, encoding: .utf8), as: "ca.pem")
            try pg.configure(["ssl = on", "ssl_cert_file = 'server.pem'", "ssl_key_file = 'server.key'", "ssl_ca_file = 'ca.pem'"])
            try pg.replaceHostBasedAuthentication([
                "local all all trust",
                // hall_east proves itself by its certificate (CN = the role); the others are trusted
                // on loopback, but only over TLS; clear text is turned away.
                "hostssl all hall_east 127.0.0.1/32 cert",
                "hostssl all all 127.0.0.1/32 trust",
                "host all all 127.0.0.1/32 reject",
            ])
            try serve(server)

            let verified = "sslmode=verify-full&sslrootcert=" + certificates.root
            func url(_ user: String, _ query: String) -> String { pg.url(user: user) + "?" + query }
            let migrateArguments = ["--from", "2026-03", "--months-ahead", "0", "--hall", "east", "--hall", "west"]

            let clear = try await runKiosk(["central", "migrate", "--central", url(pg.owner, "sslmode=disable")] + migrateArguments)
            #expect(clear.status == 3 && clear.stderr.contains("pg_hba.conf rejects connection"), "\(clear.stderr)")
            let migrate = try await runKiosk(["central", "migrate", "--central", url(pg.owner, verified)] + migrateArguments)
            try #require(migrate.status == 0, "\(migrate.stderr)")

            var configs: [String: String] = [:]
            func take(_ id: String, at time: String) async throws {
                configs[id] = try configs[id] ?? CentralFixtures.config(id: id, in: root)
                let take = try await runKiosk(["take", "A", "--config", configs[id]!, "--data-dir", root + "/" + id, "--at", "2026-03-02 " + time])
                #expect(take.status == 0, "\(take.stderr)")
            }
            func push(_ id: String, _ query: String) async throws -> (status: Int32, stdout: String, stderr: String) {
                try await runKiosk(["central", "push", "--data-dir", root + "/" + id, "--central", url("hall_" + id, query)])
            }
            func shipped(_ id: String) throws -> Bool {
                try CentralFixtures.centralRows(pg, hall: id) == CentralFixtures.journalRows(root + "/" + id)
            }

            // The centre's certificate checked against its authority, and the address it was issued for.
            try await take("west", at: "09:00")
            let west = try await push("west", verified)
            #expect(west.status == 0, "\(west.stderr)")
            #expect(try shipped("west"))

            // Another authority's roots: the centre is not trusted; nothing is sent; exit 3.
            try await take("west", at: "09:05")
            let stranger = try await push("west", "sslmode=verify-full&sslrootcert=" + certificates.strangerRoot)
            #expect(stranger.status == 3 && stranger.stderr.contains("the centre could not be trusted"), "\(stranger.stderr)")
            #expect(try !shipped("west"))
            // sslmode=require without roots: encrypted, the certificate unchecked (libpq's meaning).
            #expect(try await push("west", "sslmode=require").status == 0)
            #expect(try shipped("west"))

            // hall_east is let in by its client certificate only.
            try await take("east", at: "09:00")
            let noCertificate = try await push("east", verified)
            #expect(noCertificate.status == 3 && noCertificate.stderr.contains("certificate"), "\(noCertificate.stderr)")
            let withCertificate = try await push("east", verified + "&sslcert=\(eastClient.certificate)&sslkey=\(eastClient.key)")
            #expect(withCertificate.status == 0, "\(withCertificate.stderr)")
            #expect(try shipped("east"))

            // What the URL says wrong is said before any connection.
            let badMode = try await push("west", "sslmode=sometimes")
            #expect(badMode.status != 0 && badMode.status != 2 && badMode.status != 3 && badMode.stderr.contains("sslmode=sometimes is not one of"), "\(badMode.stderr)")
            let noFile = try await push("west", "sslmode=verify-full&sslrootcert=\(root)/absent.pem")
            #expect(noFile.status != 0 && noFile.status != 2 && noFile.status != 3 && noFile.stderr.contains("sslrootcert=\(root)/absent.pem: no such readable file"), "\(noFile.stderr)")
            try "not a certificate".write(toFile: root + "/garbage.pem", atomically: true, encoding: .utf8)
            let garbage = try await push("west", "sslmode=verify-full&sslrootcert=\(root)/garbage.pem")
            #expect(garbage.status != 0 && garbage.status != 2 && garbage.status != 3 && garbage.stderr.contains("cannot load the TLS files"), "\(garbage.stderr)")
            let halfPair = try await push("east", verified + "&sslcert=\(eastClient.certificate)")
            #expect(halfPair.status != 0 && halfPair.stderr.contains("sslcert and sslkey go together"), "\(halfPair.stderr)")

            // A certificate for another name: verify-full refuses it, verify-ca (the authority only) takes it.
            try serve(misnamed)
            try await take("west", at: "09:10")
            let wrongName = try await push("west", verified)
            #expect(wrongName.status == 3 && wrongName.stderr.contains("the centre could not be trusted"), "\(wrongName.stderr)")
            #expect(try !shipped("west"))
            #expect(try await push("west", "sslmode=verify-ca&sslrootcert=" + certificates.root).status == 0)
            #expect(try shipped("west"))

            // The daemon ships through the same connection code: its session is a TLS one.
            let daemon = DaemonProcess(dataDir: root + "/west")
            daemon.extraArguments = ["--central", url("hall_west", "sslmode=verify-ca&sslrootcert=" + certificates.root)]
            try await daemon.start(at: "2026-03-02 10:00", config: configs["west"])
            defer { daemon.stop() }
            #expect(try daemon.post("/v1/tickets", #"{"service":"A"}"#, token: daemon.token("kiosk")) == 201)
            try await eventually("the daemon ships over TLS", within: 30) { try shipped("west") }
            let sessions = try pg.psql("SELECT count(*), bool_and(ssl) FROM pg_stat_ssl JOIN pg_stat_activity USING (pid) WHERE usename = 'hall_west'")
            #expect(sessions == "1|t", "hall_west's sessions (count, all TLS): \(sessions)")
        }
    }
}
