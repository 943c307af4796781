import Foundation
import KioskHTTPClient
#if canImport(Glibc)
import Glibc
#endif

/// A real Kannel on loopback for one test or benchmark: bearerbox, smsbox and Debian's
/// `fakesmsc` as the SMSC, in a temp dir on free ports, configured as
/// `shared/kannel/README.md` says. Each box can be stopped and started again to make faults;
/// `stopAll()` kills every process by PID.
public final class KannelHarness: @unchecked Sendable {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        public init(description: String) { self.description = description }
    }

    public static let bearerbox = "/usr/sbin/bearerbox"
    public static let smsboxBinary = "/usr/sbin/smsbox"
    public static let fakesmscBinary = "/usr/lib/kannel/test/fakesmsc"
    public static var installed: Bool { [bearerbox, smsboxBinary, fakesmscBinary].allSatisfy(FileManager.default.isExecutableFile(atPath:)) }

    public let dir: String
    public let adminPort: Int, boxPort: Int, smscPort: Int, sendsmsPort: Int
    private let lock = NSLock()
    private var processes: [String: Process] = [:]
    private var fakesmscRuns = 0
    /// The `sms-service` group(s) to use instead of the default one (set before `boot()`): how a
    /// test hands citizens' replies to a daemon (`kiosk sms kannel-config`).
    public var smsService: String?

    public var sendsmsURL: String { "http://127.0.0.1:\(sendsmsPort)/cgi-bin/sendsms" }
    public let username = "kiosk", password = "kioskpw", sender = "10086"

    public init() throws {
        dir = NSTemporaryDirectory() + "kiosk-kannel-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        var ports: Set<Int> = []
        while ports.count < 4 { ports.insert(try LoopbackPort.free()) }
        let p = Array(ports)
        (adminPort, boxPort, smscPort, sendsmsPort) = (p[0], p[1], p[2], p[3])
        try config.write(toFile: dir + "/kannel.conf", atomically: true, encoding: .utf8)
    }

    public var config: String {
        """
        group = core
        admin-port = \(adminPort)
        admin-interface = 127.0.0.1
        admin-password = adminpw
        status-password = statuspw
        admin-deny-ip = "*.*.*.*"
        admin-allow-ip = "127.0.0.1"
        smsbox-port = \(boxPort)
        smsbox-interface = 127.0.0.1
        box-deny-ip = "*.*.*.*"
        box-allow-ip = "127.0.0.1"
        log-file = "\(dir)/bearerbox.log"
        access-log = "\(dir)/access.log"
        dlr-storage = internal

        group = smsc
        smsc = fake
        smsc-id = fake1
        port = \(smscPort)
        our-host = 127.0.0.1
        connect-allow-ip = 127.0.0.1

        group = smsbox
        bearerbox-host = 127.0.0.1
        bearerbox-port = \(boxPort)
        sendsms-port = \(sendsmsPort)
        sendsms-interface = 127.0.0.1
        global-sender = \(sender)
        log-file = "\(dir)/smsbox.log"

        group = sendsms-user
        username = \(username)
        password = \(password)
        user-deny-ip = "*.*.*.*"
        user-allow-ip = "127.0.0.1"
        max-messages = 5
        concatenation = true

        \(smsService ?? Self.defaultService)
        """
    }

    public static let defaultService = """
        group = sms-service
        keyword = default
        text = "No service specified"

        """

    /// Starts the three processes in the README's order and waits until the SMSC is online.
    public static func start() async throws -> KannelHarness {
        guard installed else { throw Failure(description: "Kannel is not installed (apt-get install kannel kannel-extras)") }
        let kannel = try KannelHarness()
        try await kannel.boot()
        return kannel
    }

    /// Writes the config (with `smsService`) and starts the three processes; stops them all if
    /// any fails to come up.
    public func boot() async throws {
        guard Self.installed else { throw Failure(description: "Kannel is not installed (apt-get install kannel kannel-extras)") }
        do {
            try config.write(toFile: dir + "/kannel.conf", atomically: true, encoding: .utf8)
            try await startBearerbox()
            try await startFakesmsc()
            try await startSmsbox()
            try await waitSMSCOnline()
        } catch {
            stopAll()
            throw error
        }
    }

    /// A citizen's reply: the fake SMSC has one client at a time, so the listening `fakesmsc` is
    /// replaced by one that sends this one message (`from` → the hall's number) and then goes on
    /// printing what Kannel sends, like the first (`messages()` reads every run).
    public func sendFromPhone(_ from: String, _ text: String) async throws {
        stop("fakesmsc")
        let run = lock.withLock { fakesmscRuns += 1; return fakesmscRuns }
        try launch(
            "fakesmsc", Self.fakesmscBinary, ["-H", "127.0.0.1", "-r", String(smscPort), "-m", "1", "\(from) \(sender) text \(text)"],
            output: String(format: "fakesmsc-%03d.out", run)
        )
    }

    public func startBearerbox() async throws {
        try launch("bearerbox", Self.bearerbox, [dir + "/kannel.conf"])
        try await waitListening(boxPort)
        try await waitListening(smscPort)
        try await waitListening(adminPort)
    }

    /// Starts smsbox and starts it again if it dies before it listens, as a hall's systemd
    /// (`Restart=on-failure`) does. Kannel 1.4.5's smsbox opens its sendsms port before it has
    /// connected to bearerbox, and a request arriving in that moment panics it
    /// (`gwlib/conn.c lock_out: conn != NULL`): a notifier retrying every few milliseconds,
    /// as in the smsbox-down test, hits that now and then.
    public func startSmsbox() async throws {
        for _ in 1...10 {
            try launch("smsbox", Self.smsboxBinary, [dir + "/kannel.conf"])
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline, !smsboxExited() {
                if await isListening(sendsmsPort) { return }
                try await Task.sleep(for: .milliseconds(25))
            }
            guard smsboxExited() else { break }
            stop("smsbox")
        }
        throw Failure(description: "nothing listens on \(sendsmsPort); see \(dir)")
    }

    /// Whether smsbox was started and has since exited (the panic above).
    public func smsboxExited() -> Bool {
        lock.withLock { processes["smsbox"].map { !$0.isRunning } ?? false }
    }

    /// Starts smsbox again if it died after it began to listen (the same panic, a moment later).
    public func restartSmsboxIfExited() async throws {
        guard smsboxExited() else { return }
        stop("smsbox")
        try await startSmsbox()
    }

    /// Each run writes its own output file; `messages()` reads them all.
    public func startFakesmsc() async throws {
        let run = lock.withLock { fakesmscRuns += 1; return fakesmscRuns }
        try launch("fakesmsc", Self.fakesmscBinary, ["-H", "127.0.0.1", "-r", String(smscPort), "-m", "0", "100 200 text nop"], output: String(format: "fakesmsc-%03d.out", run))
    }

    public func stop(_ name: String) {
        let process = lock.withLock { processes.removeValue(forKey: name) }
        guard let process else { return }
        // SIGKILL: a child spawned from a concurrency thread may have SIGTERM blocked.
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    public func stopAll() {
        for name in ["smsbox", "fakesmsc", "bearerbox"] { stop(name) }
    }

    /// The admin status page (status.txt).
    public func status() async -> String {
        await Self.run("/usr/bin/curl", ["-s", "--noproxy", "*", "-m", "2", "http://127.0.0.1:\(adminPort)/status.txt?password=statuspw"]).output
    }

    public func waitSMSCOnline(within seconds: Double = 60) async throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if await status().contains("(online") { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw Failure(description: "fake SMSC not online: \(await status())")
    }

    /// Whether something LISTENs on `port` (ss, never a probe connection: bearerbox would take
    /// a connect to its SMSC port for the SMSC).
    public func isListening(_ port: Int) async -> Bool {
        !(await Self.run("/usr/bin/ss", ["-Hltn", "sport = :\(port)"]).output.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
    }

    public func waitListening(_ port: Int, within seconds: Double = 60) async throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if await isListening(port) { return }
            try await Task.sleep(for: .milliseconds(25))
        }
        throw Failure(description: "nothing listens on \(port); see \(dir)")
    }

    /// What fakesmsc printed: one (to, decoded text) per `Got message` line, all runs.
    public func messages() -> [(to: String, text: String)] {
        var out: [(String, String)] = []
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasPrefix("fakesmsc-") }.sorted()
        for file in files {
            guard let data = FileManager.default.contents(atPath: dir + "/" + file) else { continue }
            for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
                guard let range = line.range(of: "Got message "), let open = line[range.upperBound...].firstIndex(of: "<"),
                      let close = line.lastIndex(of: ">") else { continue }
                let fields = line[line.index(after: open)..<close].split(separator: " ", maxSplits: 3)
                guard fields.count == 4 else { continue }
                let text = fields[2] == "ucs-2" ? Self.decodeUCS2(String(fields[3])) : String(fields[3])
                out.append((String(fields[1]), text))
            }
        }
        return out
    }

    /// fakesmsc's UCS-2 data: URL-encoded UTF-16BE where `+` is byte 0x20.
    public static func decodeUCS2(_ data: String) -> String {
        var bytes: [UInt8] = []
        let utf8 = Array(data.utf8)
        var k = 0
        while k < utf8.count {
            let b = utf8[k]
            if b == UInt8(ascii: "%"), k + 2 < utf8.count, let v = UInt8(String(decoding: utf8[(k + 1)...(k + 2)], as: UTF8.self), radix: 16) {
                bytes.append(v)
                k += 3
            } else if b == UInt8(ascii: "+") {
                bytes.append(0x20)
                k += 1
            } else {
                bytes.append(b)
                k += 1
            }
        }
        var units: [UInt16] = []
        var j = 0
        while j + 1 < bytes.count {
            units.append(UInt16(bytes[j]) << 8 | UInt16(bytes[j + 1]))
            j += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    private func launch(_ name: String, _ path: String, _ arguments: [String], output: String? = nil) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: dir)
        let file = dir + "/" + (output ?? "\(name).out")
        FileManager.default.createFile(atPath: file, contents: nil)
        let handle = FileHandle(forWritingAtPath: file)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        lock.withLock { processes[name] = process }
    }

    public static func run(_ path: String, _ arguments: [String]) async -> (status: Int32, output: String) {
        await withCheckedContinuation { continuation in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: path)
            process.arguments = arguments
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            process.terminationHandler = { p in
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                continuation.resume(returning: (p.terminationStatus, String(decoding: data, as: UTF8.self)))
            }
            do { try process.run() } catch { continuation.resume(returning: (-1, "")) }
        }
    }

}
