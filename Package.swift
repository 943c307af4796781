// swift-tools-version:6.0
import PackageDescription

// A target depends only on targets declared above it (README "Shape" lists them the other way
// up and says where a change goes): KioskCore and KioskDisplay are pure, KioskStore adds SQLite,
// KioskHTTPClient wraps libcurl, KioskCommands holds the commands (argument parsing and wiring)
// and the executable only calls its root command. Each target declares every module it imports.
let package = Package(
    name: "Kiosk",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kiosk", targets: ["kiosk"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        // TLS to the centre (already built for postgres-nio; named here because KioskCentral imports it).
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        // Pure: hall config, tickets, counters, the queue engine, events, the trace codec.
        .target(name: "KioskCore"),
        // Pure: the Codable request and answer types of every /v1 route, shared by the daemon
        // and every client; scripts/test checks them against openapi.yaml.
        .target(name: "KioskAPI", dependencies: ["KioskCore"]),
        // Prints sample answers and requests (KioskAPI) for scripts/check-api-contract.
        .executableTarget(name: "kiosk-api-samples", dependencies: ["KioskAPI"]),
        // Pure: display width, layout parser, renderer, frame diff, ANSI encoder.
        .target(name: "KioskDisplay"),
        // The journal on SQLite (GRDB): WAL, synchronous FULL, one transaction per command.
        .target(
            name: "KioskStore",
            dependencies: ["KioskCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // libcurl's header plus a tiny C shim for its variadic functions.
        // Not linked: CCurlShim opens libcurl.so.4 with the first request (issue 17, goal 3).
        .systemLibrary(name: "CCurl", path: "Sources/CCurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .target(name: "CCurlShim", dependencies: ["CCurl"]),
        // Debian's libqrencode: the QR code of the ticket page's address on printed tickets.
        .systemLibrary(
            name: "CQREncode", path: "Sources/CQREncode", pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]
        ),
        // OpenSSL's libcrypto: HMAC-SHA256 for signed delivery-report callbacks, random keys.
        .systemLibrary(
            name: "CLibCrypto", path: "Sources/CLibCrypto", pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        // One libcurl transport: request -> status, headers, body, with timeouts; a streaming
        // mode for the event stream.
        .target(name: "KioskHTTPClient", dependencies: ["CCurl", "CCurlShim"]),
        // SMS: message templates, the durable outbox worker, gateway adapters (Kannel, JSON webhook).
        .target(
            name: "KioskSMS",
            dependencies: [
                "KioskCore", "KioskStore", "KioskHTTPClient", "CLibCrypto",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // Many halls: ships a hall's journal to a central PostgreSQL (PostgresNIO), the centre's
        // schema and migrations, the central report fed from it, and `central serve` (its own
        // small Hummingbird server: the hall daemon's routes stay the hall's).
        .target(
            name: "KioskCentral",
            dependencies: [
                "KioskCore", "KioskStore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                // sslmode, sslrootcert, sslcert/sslkey of the centre's URL.
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // The front ends people touch: the ticket machine, the window terminal, ESC/POS tickets.
        .target(name: "KioskFrontDesk", dependencies: ["KioskCore", "KioskAPI", "KioskDisplay", "KioskHTTPClient", "CQREncode"]),
        // The daemon's web pages: mustache templates and static files (web/, embedded by
        // scripts/embed-web.py), the page models, the Content-Security-Policy. No HTTP here.
        .target(
            name: "KioskWeb",
            dependencies: ["KioskCore", "KioskAPI", .product(name: "Mustache", package: "swift-mustache")]
        ),
        // The daemon: the hall actor, group commit, HTTP routes, auth, SSE, metrics.
        .target(
            name: "KioskServer",
            dependencies: [
                "KioskCore", "KioskAPI", "KioskStore", "KioskSMS", "KioskHTTPClient", "KioskWeb",
                // PBKDF2 for console passwords, random session and CSRF tokens; page keys.
                "CLibCrypto",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                // NIOThreadPool: the slow password hash runs off the cooperative pool.
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                // Header names Hummingbird does not spell (Referrer-Policy, X-CSRF-Token).
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            exclude: ["openapi.yaml"]
        ),
        // The hall screen client: follows the daemon's event stream, renders a layout, writes
        // only the changed cells to its terminal.
        .target(name: "KioskTerminal", dependencies: ["KioskCore", "KioskAPI", "KioskDisplay", "KioskHTTPClient"]),
        // Benchmarks (they print figures, they assert nothing): issue latency and group commit
        // against a child daemon, the hall screen against an in-process one, the estimator.
        .target(
            name: "KioskBench",
            dependencies: ["KioskCore", "KioskDisplay", "KioskStore", "KioskHTTPClient", "KioskServer", "KioskTerminal", "KioskSMS"]
        ),
        // What every test target shares: the daemon in process and as a child process, tmux,
        // eventually, free ports, token files, and the fakes (a manual clock, an SMS gateway).
        .target(
            name: "KioskTestSupport",
            dependencies: [
                "KioskCore", "KioskStore", "KioskSMS", "KioskServer", "KioskHTTPClient",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Every `kiosk` command (ArgumentParser types): options, defaults, validation and what
        // each prints; the logic behind them lives in the libraries above. A library, so tests
        // parse and validate commands in process (KioskCommandsTests).
        .target(
            name: "KioskCommands",
            dependencies: [
                "KioskCore", "KioskAPI", "KioskStore", "KioskDisplay", "KioskHTTPClient", "KioskServer", "KioskSMS", "KioskTerminal", "KioskFrontDesk",
                "KioskBench", "KioskCentral",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            // `kiosk --version` names the commit it was built from.
            plugins: ["KioskBuildInfo"]
        ),
        // The executable: `@main` calling the root command, nothing else.
        .executableTarget(
            name: "kiosk",
            dependencies: ["KioskCommands", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            exclude: ["kiosk.order", "kiosk-unnamed.lds"],
            // Release on Linux, for the daemon's memory (issue 17, goal 3; README "Memory"):
            // - the Swift runtime and Foundation linked in (-static-stdlib; the ICU, collections,
            //   C shims and CoreFoundation archives Foundation needs are named, as the driver does
            //   not), so no shared Swift library is mapped and relocated whole;
            // - no -export-dynamic (which -static-stdlib adds): nothing looks our symbols up,
            //   and a 56,000-symbol dynamic table was read at every start;
            // - the functions `kiosk serve` runs first in the code (kiosk.order, written by
            //   scripts/make-kiosk-order.py), so they share pages instead of pulling in
            //   64 KB of neighbours each (scripts/build-release compiles everything with
            //   -function-sections, so the order moves single functions);
            // - the functions Swift emits without a symbol (.text..L… sections: witness thunks,
            //   object destroyers), which the order cannot name, in one block (kiosk-unnamed.lds);
            // - linked by the toolchain's lld with packed relative relocations (DT_RELR, glibc
            //   2.36+): the loader reads kilobytes of relocations, not megabytes.
            linkerSettings: [
                .unsafeFlags([
                    "-static-stdlib", "-l_FoundationICU", "-l_FoundationCollections", "-l_FoundationCShims", "-lCoreFoundation",
                    "-Xlinker", "--no-export-dynamic",
                    "-Xlinker", "--symbol-ordering-file=\(Context.packageDirectory)/Sources/kiosk/kiosk.order",
                    "-Xlinker", "--no-warn-symbol-ordering",
                    "-Xlinker", "-T", "-Xlinker", "\(Context.packageDirectory)/Sources/kiosk/kiosk-unnamed.lds",
                    "-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs",
                ], .when(platforms: [.linux], configuration: .release)),
            ]
        ),
        .plugin(name: "KioskBuildInfo", capability: .buildTool()),
        .testTarget(name: "KioskCoreTests", dependencies: ["KioskCore", "KioskTestSupport"]),
        .testTarget(name: "KioskAPITests", dependencies: ["KioskAPI", "KioskCore"]),
        .testTarget(name: "KioskWebTests", dependencies: ["KioskWeb", "KioskAPI", "KioskCore"]),
        .testTarget(name: "KioskDisplayTests", dependencies: ["KioskDisplay"], resources: [.copy("Snapshots")]),
        .testTarget(name: "KioskStoreTests", dependencies: ["KioskStore", "KioskCore", "KioskTestSupport"]),
        .testTarget(name: "KioskHTTPClientTests", dependencies: ["KioskHTTPClient"], exclude: ["Fixtures"]),
        // Runs a real Kannel (bearerbox, smsbox, fakesmsc) and a real daemon on loopback.
        .testTarget(
            name: "KioskSMSTests",
            dependencies: [
                "KioskSMS", "KioskCore", "KioskStore", "KioskHTTPClient", "KioskServer", "KioskTestSupport", "KioskBench",
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "KioskFrontDeskTests", dependencies: ["KioskFrontDesk", "KioskAPI", "KioskCore", "KioskDisplay", "KioskHTTPClient", "KioskTestSupport"]),
        .testTarget(name: "KioskTerminalTests", dependencies: ["KioskTerminal", "KioskAPI", "KioskDisplay", "KioskCore", "KioskServer", "KioskTestSupport"]),
        .testTarget(
            name: "KioskServerTests",
            dependencies: [
                // Tests talk to a live server over loopback through our own libcurl client, and
                // read its event stream with the hall screen's SSE parser; the edges' handlers are
                // tested on NIO's embedded event loop.
                "KioskServer", "KioskAPI", "KioskCore", "KioskStore", "KioskTestSupport", "KioskHTTPClient", "KioskTerminal",
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // Runs a real PostgreSQL (its own cluster, initdb in a temp folder) and real daemons.
        .testTarget(
            name: "KioskCentralTests",
            dependencies: ["KioskCentral", "KioskCore", "KioskStore", "KioskTestSupport", .product(name: "Logging", package: "swift-log")]
        ),
        // Every command parsed and validated in process: the README's command lines, each
        // subcommand's required arguments, and validate()'s messages.
        .testTarget(
            name: "KioskCommandsTests",
            dependencies: [
                "KioskCommands", "KioskCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "KioskBenchTests", dependencies: ["KioskBench", "KioskCore", "KioskDisplay", "KioskTestSupport"]),
        // Runs the built `kiosk` binary as a user would: crash safety, CLI, terminals.
        .testTarget(name: "KioskEndToEndTests", dependencies: ["KioskCore", "KioskStore", "KioskTestSupport", "KioskHTTPClient"]),
    ],
    swiftLanguageModes: [.v6]
)
