import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A PostgreSQL of the test's own: a cluster made with `initdb` in a temp folder, started with
/// `pg_ctl` on a free loopback port (trust authentication, loopback only), stopped by the
/// postmaster's PID. initdb refuses root, so as root every server command runs as the
/// `postgres` system user (`runuser`), which owns the folder. Debian's postgresql 15
/// (`scripts/install-deps test`).
public final class PostgresCluster: @unchecked Sendable {
    public static let binaries = "/usr/lib/postgresql/15/bin"
    public static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: binaries + "/initdb") }

    public let directory: String
    public let port: Int
    /// The superuser initdb made: the centre's owner in tests (runs `central migrate`).
    public let owner = "kiosk_owner"
    public let database = "kiosk_central"
    private var dataDirectory: String { directory + "/data" }
    private let asRoot = getuid() == 0

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// initdb, start, create the database. `durable: false` turns fsync off (tests that do not
    /// crash the server); the load figure keeps it on.
    public init(durable: Bool = false) throws {
        directory = NSTemporaryDirectory() + "kiosk-pg-" + UUID().uuidString.prefix(8)
        port = try freePort()
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        if asRoot {
            try FileManager.default.setAttributes([.ownerAccountName: "postgres", .posixPermissions: 0o700], ofItemAtPath: directory)
        }
        try server("initdb", ["-D", dataDirectory, "-U", owner, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"])
        var settings = [
            "listen_addresses = '127.0.0.1'", "port = \(port)", "unix_socket_directories = '\(directory)'",
            "max_connections = 100", "shared_buffers = 64MB", "log_min_messages = warning",
        ]
        if !durable { settings += ["fsync = off", "synchronous_commit = off", "full_page_writes = off"] }
        try configure(settings)
        try start()
        _ = try psql("CREATE DATABASE \(database)", database: "postgres")
    }

    /// The URL a role connects with.
    public func url(user: String? = nil) -> String { "postgres://\(user ?? owner)@127.0.0.1:\(port)/\(database)" }

    /// Starts the server and waits until it accepts connections.
    public func start() throws {
        try server("pg_ctl", ["-D", dataDirectory, "-l", directory + "/server.log", "-w", "-t", "60", "start"])
    }

    /// The postmaster's PID (first line of postmaster.pid), nil when it is not running.
    public var pid: pid_t? {
        guard let text = try? String(contentsOfFile: dataDirectory + "/postmaster.pid", encoding: .utf8),
              let first = text.split(separator: "\n").first, let pid = pid_t(first) else { return nil }
        return Glibc.kill(pid, 0) == 0 ? pid : nil
    }

    /// Stops the server by its PID: SIGINT, PostgreSQL's fast shutdown (sessions are ended,
    /// what was committed stays), and waits until the process is gone.
    public func stop() throws {
        guard let pid else { return }
        Glibc.kill(pid, SIGINT)
        let deadline = Date().addingTimeInterval(60)
        while Glibc.kill(pid, 0) == 0 {
            guard Date() < deadline else { throw Failure(description: "postgres \(pid) did not stop within 60 s") }
            usleep(20_000)
        }
    }

    /// Stops the server and removes the cluster.
    public func destroy() {
        try? stop()
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Runs SQL through psql as `user` (default: the owner); the rows, `|`-separated, one a line.
    @discardableResult
    public func psql(_ sql: String, user: String? = nil, database: String? = nil) throws -> String {
        let result = try run("/usr/bin/psql", [
            "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", String(port), "-U", user ?? owner,
            "-d", database ?? self.database, "-c", sql,
        ])
        guard result.status == 0 else { throw Failure(description: "psql: \(result.error.trimmingCharacters(in: .whitespacesAndNewlines))") }
        return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Adds settings to postgresql.conf: read at the next start.
    public func configure(_ settings: [String]) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: dataDirectory + "/postgresql.conf"))
        _ = try handle.seekToEnd()
        handle.write(Data(("\n" + settings.joined(separator: "\n") + "\n").utf8))
        try handle.close()
    }

    /// Replaces pg_hba.conf (who may connect, how): read at the next start.
    public func replaceHostBasedAuthentication(_ lines: [String]) throws {
        try installFile(contents: lines.joined(separator: "\n") + "\n", as: "pg_hba.conf")
    }

    /// Writes a file into the data directory, the server's own (mode 0600: the server refuses
    /// a private key others may read); its path.
    @discardableResult
    public func installFile(contents: String, as name: String) throws -> String {
        let path = dataDirectory + "/" + name
        try contents.write(toFile: path, atomically: false, encoding: .utf8)
        var attributes: [FileAttributeKey: Any] = [.posixPermissions: 0o600]
        if asRoot { attributes[.ownerAccountName] = "postgres" }
        try FileManager.default.setAttributes(attributes, ofItemAtPath: path)
        return path
    }

    /// The server's log so far (for a failing test's message).
    public var log: String { (try? String(contentsOfFile: directory + "/server.log", encoding: .utf8)) ?? "" }

    private func server(_ tool: String, _ arguments: [String]) throws {
        let path = Self.binaries + "/" + tool
        let result = asRoot ? try run("/usr/sbin/runuser", ["-u", "postgres", "--", path] + arguments) : try run(path, arguments)
        guard result.status == 0 else {
            throw Failure(description: "\(tool) failed (\(result.status)): \(result.error)\(result.output)\n\(log.suffix(2000))")
        }
    }

    /// Runs a program to its end with posix_spawn and waitpid. Not Foundation's Process: its
    /// termination watch is inherited by what `pg_ctl start` leaves running (the postmaster),
    /// so waiting for pg_ctl would last as long as the server.
    private func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        let out = NSTemporaryDirectory() + "kiosk-pg-out-" + UUID().uuidString, err = out + ".err"
        defer {
            try? FileManager.default.removeItem(atPath: out)
            try? FileManager.default.removeItem(atPath: err)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, err, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        // From /: the postgres user may not enter the test's working directory.
        let argv = (["/bin/sh", "-c", #"cd / && exec "$0" "$@""#, executable] + arguments).map { strdup($0) } + [nil]
        defer { for arg in argv { free(arg) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, nil, argv, environ)
        guard spawned == 0 else { throw Failure(description: "cannot run \(executable): errno \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return (exit, (try? String(contentsOfFile: out, encoding: .utf8)) ?? "", (try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
    }
}
