import ArgumentParser
import Foundation
import KioskCore
import KioskSMS

/// `kiosk sms kannel-config`: what a hall pastes into Kannel's config so citizens' replies
/// reach the daemon.
struct SMSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sms",
        abstract: "SMS gateway set-up.",
        subcommands: [KannelConfig.self]
    )

    struct KannelConfig: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "kannel-config",
            abstract: "Print the sms-service group that hands citizens' SMS replies to the daemon (add it to Kannel's config).",
            discussion: """
            The get-url carries the daemon's reply key (DATA-DIR/mo.key, made on first use, as the daemon \
            would). Touches nothing else: safe while the daemon runs.
            """
        )
        @Option(help: "Hall config file (JSON): its sms.callback_url and reply settings.") var config: String?
        @Option(help: "The daemon's data directory (its mo.key).") var dataDir: String = "./var"
        @Option(help: "Where Kannel reaches the daemon. Default: the config's sms.callback_url, else http://127.0.0.1:8080.")
        var callbackURL: String?

        func validate() throws {
            if let callbackURL { try Self.check(callbackURL: callbackURL) }
        }

        /// Kannel fetches the get-url itself: only an http(s) address works there.
        static func check(callbackURL base: String) throws {
            guard base.hasPrefix("http://") || base.hasPrefix("https://") else {
                throw ValidationError("--callback-url must be an http:// or https:// URL, found \"\(base)\"")
            }
        }

        func run() throws {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: dataDir, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ValidationError("\(dataDir) is not a data directory (start the daemon once, or pass --data-dir)")
            }
            // The file, not the journal's record of it: that keeps neither "sms" nor "reply".
            let hall = try HallOptions.load(configPath: config)
            // validate() has checked --callback-url; the config's sms.callback_url is checked here.
            let base = callbackURL ?? hall.sms.callbackURL ?? "http://127.0.0.1:8080"
            try Self.check(callbackURL: base)
            let key: ReplyKey
            do {
                key = try ReplyKey.loadOrCreate(dataDirectory: dataDir)
            } catch {
                throw ValidationError("\(error)")
            }
            FileHandle.standardOutput.write(Data(KannelReplyService.group(baseURL: base, key: key).utf8))
            if config != nil, !hall.reply.enabled {
                printError("note: the hall config's reply.enabled is off: messages do not invite replies yet (replies that come are still taken)")
            }
        }
    }
}
