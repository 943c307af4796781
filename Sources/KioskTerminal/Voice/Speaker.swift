import Foundation

/// Says one announcement and returns when it is done. The queue calls it one at a time.
public protocol Speaker: Sendable {
    func speak(_ text: String) async
}

/// Runs a configured command (e.g. `espeak-ng -v cmn`) with the text as its last argument
/// and waits for it to exit. The command line is split on spaces; quote-free by design.
public struct CommandSpeaker: Speaker {
    public var arguments: [String]

    /// Nil for an empty command.
    public init?(command: String) {
        let parts = command.split(separator: " ").map(String.init)
        guard !parts.isEmpty else { return nil }
        arguments = parts
    }

    public func speak(_ text: String) async {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments + [text]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            process.terminationHandler = { _ in continuation.resume() }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume()
            }
        }
    }
}

/// Appends each utterance to a file as `HH:MM:SS.mmm <text>` lines (for tests and audits).
public struct AnnouncementLog: Speaker {
    public var path: String

    public init(path: String) {
        self.path = path
    }

    public func speak(_ text: String) async {
        let line = Data("\(Self.stamp(Date())) \(text)\n".utf8)
        if let handle = FileHandle(forWritingAtPath: path) {
            defer { try? handle.close() }
            _ = try? handle.seekToEnd()
            try? handle.write(contentsOf: line)
        } else {
            _ = FileManager.default.createFile(atPath: path, contents: line)
        }
    }

    static func stamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm:ss.SSS"
        formatter.locale = Locale(identifier: "en_US_POSIX")
        return formatter.string(from: date)
    }
}

/// Several speakers in turn (the log, then the voice), each finishing before the next.
public struct SpeakerChain: Speaker {
    public var speakers: [any Speaker]

    public init(_ speakers: [any Speaker]) {
        self.speakers = speakers
    }

    public func speak(_ text: String) async {
        for speaker in speakers { await speaker.speak(text) }
    }
}
