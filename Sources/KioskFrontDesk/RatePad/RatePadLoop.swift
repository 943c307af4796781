import Foundation
import KioskAPI
import KioskCore

/// Runs the rating pad on this process's terminal until Ctrl-C or a signal.
public struct RatePadLoop: Sendable {
    public var client: KioskClient
    /// The window's own token: the daemon refuses ratings with any other.
    public var token: String?
    public var window: String

    public init(client: KioskClient, token: String?, window: String) {
        self.client = client
        self.token = token
        self.window = window
    }

    public func run() async throws {
        try await TerminalDriver.run(RatePad(window: window)) { pad, width, height in
            RatePadScreen.render(pad, windowName: pad.windowName, width: width, height: height)
        } perform: { effect in
            switch effect {
            case .quit:
                return .leave
            case .refresh:
                switch await client.window(window, token: token) {
                case let .ok(status): return .answered([.windowName(status.name), .view(status.rating)])
                case let .refused(code, message): return .answered([.refused(code: code, message: message)])
                case let .unreachable(why): return .answered([.unreachable(why)])
                }
            case let .send(score, reason):
                let body = CommandBody.rating(RatingRequest(score: score, reason: reason))
                switch await client.send(.post, "/v1/windows/\(window)/rating", body: body, token: token, as: RatingAnswer.self) {
                case let .ok(answer): return .answered([.rated(ticket: answer.ticket)])
                case let .refused(code, message): return .answered([.refused(code: code, message: message)])
                case let .unreachable(why): return .answered([.unreachable(why)])
                }
            }
        }
    }
}
