import Foundation
import PackagePlugin

/// Writes `BuildInfo.swift` into the target it is applied to (KioskCommands, whose root command
/// answers `kiosk --version`) before every build: the git commit the sources are at (`-dirty`
/// with uncommitted changes), so `kiosk --version` says exactly what a hall runs. Outside a git
/// checkout: `unknown`. The file is rewritten only when its text changes, so an unchanged commit
/// recompiles nothing.
@main
struct KioskBuildInfo: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("Generated")
        let script = #"""
        set -u
        root=$1 out=$2
        mkdir -p "$out"
        commit=$(git -C "$root" rev-parse --short=12 HEAD 2>/dev/null) || commit=unknown
        if [ "$commit" != unknown ] && ! git -C "$root" diff --quiet HEAD -- 2>/dev/null; then commit="$commit-dirty"; fi
        text="// Generated at build time by Plugins/KioskBuildInfo: do not edit.
        enum BuildInfo {
            /// The git commit the binary was built from (-dirty: with uncommitted changes).
            static let commit = \"$commit\"
        }"
        if [ "$(cat "$out/BuildInfo.swift" 2>/dev/null)" != "$text" ]; then printf '%s\n' "$text" > "$out/BuildInfo.swift"; fi
        """#
        return [.prebuildCommand(
            displayName: "kiosk build info (git commit)",
            executable: URL(fileURLWithPath: "/bin/sh"),
            arguments: ["-c", script, "sh", context.package.directoryURL.path, output.path],
            outputFilesDirectory: output
        )]
    }
}
