import Foundation

/// The built `kiosk` executable the process tests run: beside the test bundle (both come from
/// the same build), or `KIOSK_BINARY` when set.
public enum KioskBinary {
    public static var url: URL {
        if let path = ProcessInfo.processInfo.environment["KIOSK_BINARY"], !path.isEmpty { return URL(fileURLWithPath: path) }
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for candidate in [here, here.deletingLastPathComponent(), here.deletingLastPathComponent().deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("kiosk")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return here.appendingPathComponent("kiosk")
    }

    public static var exists: Bool { FileManager.default.isExecutableFile(atPath: url.path) }

    /// This repository's root (for `layouts/`), found from this file's path.
    public static var repository: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }
}
