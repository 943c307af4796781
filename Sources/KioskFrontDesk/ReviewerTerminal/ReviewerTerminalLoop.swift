import Foundation
import KioskAPI
import KioskCore

/// Runs the reviewer's terminal on this process's terminal until `q`, Ctrl-C or a signal.
public struct ReviewerTerminalLoop: Sendable {
    public var client: KioskClient
    public var tokens: FrontDeskTokens
    public var window: String
    public var supervisor: Bool

    public init(client: KioskClient, tokens: FrontDeskTokens, window: String, supervisor: Bool) {
        self.client = client
        self.tokens = tokens
        self.window = window
        self.supervisor = supervisor
    }

    /// The window's own token, or in supervisor mode the supervisor's.
    var token: String? { supervisor ? tokens.supervisor : tokens.window(window) }

    public func run() async throws {
        let session = try TerminalSession()
        defer { session.close() }
        var terminal = ReviewerTerminal(window: window, supervisor: supervisor)
        func draw() {
            let size = session.size
            session.draw(ReviewerTerminalScreen.render(terminal, width: size.width, height: size.height))
        }
        var effects = terminal.begin(at: Date())
        draw()
        var iterator = session.events().makeAsyncIterator()
        while true {
            while !effects.isEmpty {
                switch effects.removeFirst() {
                case .quit:
                    return
                case .loadServices:
                    break
                case .refresh:
                    switch await client.window(window, token: token) {
                    case let .ok(status): effects += terminal.handle(.view(status), at: Date())
                    case let .refused(code, message): effects += terminal.handle(.refused(nil, code: code, message: message), at: Date())
                    case let .unreachable(why): effects += terminal.handle(.unreachable(why), at: Date())
                    }
                case let .send(request):
                    draw()
                    let answer: APIAnswer<CommandAnswer> = await client.send(.post, request.path, body: request.body, token: token)
                    switch answer {
                    case let .ok(answer): effects += terminal.handle(.done(request, answer.window), at: Date())
                    case let .refused(code, message): effects += terminal.handle(.refused(request, code: code, message: message), at: Date())
                    case let .unreachable(why): effects += terminal.handle(.unreachable(why), at: Date())
                    }
                }
                draw()
            }
            guard let event = await iterator.next() else { return }
            switch event {
            case .signal: return
            case .tick: effects += terminal.handle(.tick, at: Date())
            case let .key(key): effects += terminal.handle(.key(key), at: Date())
            }
            draw()
        }
    }
}
