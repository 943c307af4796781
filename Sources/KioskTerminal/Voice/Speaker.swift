import Foundation

/// Says one announcement and returns when it is done. The queue calls it one at a time.
public protocol Speaker: Sendable {
    func speak(_ text: String) async
    /// The `repetition`th time (1: first) the queue says it; a speaker that does not care
    /// just speaks.
    func speak(_ text: String, repetition: Int) async
}

extension Speaker {
    public func speak(_ text: String, repetition: Int) async {
        await speak(text)
    }
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

/// Appends each utterance to a file as `2026-03-02T09:41:05.120+08:00 <text>` lines (for
/// tests and audits), stamped when it is said, a repeat marked `(重复 repeat)`.
public struct AnnouncementLog: Speaker {
    public var path: String
    /// The zone of the stamps: the hall's when the caller knows it (`kiosk serve --display`,
    /// the demo), else this PC's; the offset is written either way.
    public var timeZone: TimeZone
    private let now: @Sendable () -> Date

    public init(path: String, timeZone: TimeZone = .current, now: @escaping @Sendable () -> Date = { Date() }) {
        self.path = path
        self.timeZone = timeZone
        self.now = now
    }

    public func speak(_ text: String) async {
        await speak(text, repetition: 1)
    }

    public func speak(_ text: String, repetition: Int) async {
        let line = Data("\(Self.stamp(now(), in: timeZone)) \(text)\(repetition > 1 ? " (重复 repeat)" : "")\n".utf8)
        if let handle = FileHandle(forWritingAtPath: path) {
            defer { try? handle.close() }
            _ = try? handle.seekToEnd()
            try? handle.write(contentsOf: line)
        } else {
            _ = FileManager.default.createFile(atPath: path, contents: line)
        }
    }

    static func stamp(_ date: Date, in timeZone: TimeZone) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = timeZone
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
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
        await speak(text, repetition: 1)
    }

    public func speak(_ text: String, repetition: Int) async {
        for speaker in speakers { await speaker.speak(text, repetition: repetition) }
    }
}
