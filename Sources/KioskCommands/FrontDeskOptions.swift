import ArgumentParser
import KioskFrontDesk
import KioskHTTPClient

/// A front end on this terminal (ticket machine, window terminal, rating pad): the help line
/// its token file option shows.
protocol FrontDeskDevice {
    static var tokenFileHelp: String { get }
}

/// Where a front end's daemon is and which token file it presents.
struct FrontDeskOptions<Device: FrontDeskDevice>: ParsableArguments {
    @Option(name: .long, help: "The daemon to talk to.")
    var server: String = "http://127.0.0.1:8080"

    @Option(name: [.customLong("token-file"), .customLong("tokens")], help: ArgumentHelp(Device.tokenFileHelp))
    var tokens: String = "./var/tokens.json"

    /// The token file's tokens; an unreadable or malformed file is a usage error.
    func deviceTokens() throws -> FrontDeskTokens {
        do {
            return try FrontDeskTokens.read(path: tokens)
        } catch {
            throw ValidationError("\(error)")
        }
    }

    /// Runs `body` with the one API client over libcurl, shut down afterwards.
    func withClient(_ body: (KioskClient) async throws -> Void) async throws {
        let transport = CurlHTTPTransport(configuration: KioskClient.frontEndTransport)
        defer { transport.shutdown() }
        try await body(KioskClient(server: server, transport: transport))
    }
}
