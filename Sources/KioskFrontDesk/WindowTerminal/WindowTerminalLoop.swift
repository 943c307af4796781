import Foundation
import KioskAPI
import KioskCore

/// Runs the window terminal, or with `review` the reviewer's terminal (a window terminal with
/// other keys, the same calls), on this process's terminal until `q`, Ctrl-C or a signal.
public struct WindowTerminalLoop: Sendable {
    public var client: KioskClient
    public var tokens: FrontDeskTokens
    public var window: String
    public var supervisor: Bool
    public var review: Bool

    public init(client: KioskClient, tokens: FrontDeskTokens, window: String, supervisor: Bool, review: Bool = false) {
        self.client = client
        self.tokens = tokens
        self.window = window
        self.supervisor = supervisor
        self.review = review
    }

    /// The token a call goes with: in supervisor mode always the supervisor's.
    func token(for request: WindowTerminal.Request?) -> String? {
        supervisor || request?.supervisor == true ? tokens.supervisor : tokens.window(window)
    }

    public func run() async throws {
        if review {
            try await TerminalDriver.run(ReviewerTerminal(window: window, supervisor: supervisor), render: ReviewerTerminalScreen.render, perform: perform)
        } else {
            try await TerminalDriver.run(WindowTerminal(window: window, supervisor: supervisor), render: WindowTerminalScreen.render, perform: perform)
        }
    }

    /// One effect against the daemon; the answer (a refusal in the daemon's words) goes back in.
    func perform(_ effect: WindowTerminal.Effect) async -> TerminalStep<WindowTerminal.Input> {
        switch effect {
        case .quit:
            return .leave
        case .loadServices:
            guard case let .ok(list) = await client.services() else { return .answered([]) }
            return .answered([.services(list.services)])
        case .loadAdvice:
            // Advice is a help, not the terminal's job: a failed read leaves the last one shown.
            let answer: APIAnswer<AdviceAnswer> = await client.send(.get, "/v1/advice", token: tokens.supervisor)
            guard case let .ok(advice) = answer else { return .answered([]) }
            return .answered([.advice(advice)])
        case .refresh:
            switch await client.window(window, token: token(for: nil)) {
            case let .ok(status): return .answered([.view(status)])
            case let .refused(code, message): return .answered([.refused(nil, code: code, message: message)])
            case let .unreachable(why): return .answered([.unreachable(why)])
            }
        case let .send(request):
            // A window command answers with the window; a ticket's (reactivate) with events only.
            let answer: APIAnswer<CommandAnswer> = await client.send(.post, request.path, body: request.body, token: token(for: request))
            switch answer {
            case let .ok(answer): return .answered([.done(request, answer.window)])
            case let .refused(code, message): return .answered([.refused(request, code: code, message: message)])
            case let .unreachable(why): return .answered([.unreachable(why)])
            }
        }
    }
}
