import Foundation
import KioskAPI
import KioskCore

/// Runs the window terminal on this process's terminal until `q`, Ctrl-C or a signal.
public struct WindowTerminalLoop: Sendable {
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

    /// The token a request goes with: in supervisor mode always the supervisor's.
    func token(for request: WindowTerminal.Request) -> String? {
        supervisor || request.supervisor ? tokens.supervisor : tokens.window(window)
    }

    public func run() async throws {
        let session = try TerminalSession()
        defer { session.close() }
        var terminal = WindowTerminal(window: window, supervisor: supervisor)
        func draw() {
            let size = session.size
            session.draw(WindowTerminalScreen.render(terminal, width: size.width, height: size.height))
        }
        var effects = terminal.begin(at: Date())
        draw()
        var iterator = session.events().makeAsyncIterator()
        while true {
            while !effects.isEmpty {
                let effect = effects.removeFirst()
                switch effect {
                case .quit:
                    return
                case .loadServices:
                    if case let .ok(list) = await client.services() {
                        effects += terminal.handle(.services(list.services), at: Date())
                    }
                case .refresh:
                    let request = WindowTerminal.Request(path: "/v1/windows/\(window)", body: nil, supervisor: false, label: "")
                    switch await client.window(window, token: token(for: request)) {
                    case let .ok(status): effects += terminal.handle(.view(status), at: Date())
                    case let .refused(code, message): effects += terminal.handle(.refused(nil, code: code, message: message), at: Date())
                    case let .unreachable(why): effects += terminal.handle(.unreachable(why), at: Date())
                    }
                case let .send(request):
                    draw()
                    // A window command answers with the window; a ticket's (reactivate) with events only.
                    let answer: APIAnswer<CommandAnswer> = await client.send(.post, request.path, body: request.body, token: token(for: request))
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
