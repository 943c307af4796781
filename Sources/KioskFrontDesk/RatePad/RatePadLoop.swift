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
        let session = try TerminalSession()
        defer { session.close() }
        var pad = RatePad(window: window)
        var windowName: String?
        func draw() {
            let size = session.size
            session.draw(RatePadScreen.render(pad, windowName: windowName, width: size.width, height: size.height))
        }
        var effects = pad.begin(at: Date())
        draw()
        var iterator = session.events().makeAsyncIterator()
        while true {
            while !effects.isEmpty {
                switch effects.removeFirst() {
                case .quit:
                    return
                case .refresh:
                    switch await client.window(window, token: token) {
                    case let .ok(status):
                        windowName = status.name
                        effects += pad.handle(.view(status.rating), at: Date())
                    case let .refused(code, message): effects += pad.handle(.refused(code: code, message: message), at: Date())
                    case let .unreachable(why): effects += pad.handle(.unreachable(why), at: Date())
                    }
                case let .send(score, reason):
                    draw()
                    let body = CommandBody.rating(RatingRequest(score: score, reason: reason))
                    switch await client.send(.post, "/v1/windows/\(window)/rating", body: body, token: token, as: RatingAnswer.self) {
                    case let .ok(answer): effects += pad.handle(.rated(ticket: answer.ticket), at: Date())
                    case let .refused(code, message): effects += pad.handle(.refused(code: code, message: message), at: Date())
                    case let .unreachable(why): effects += pad.handle(.unreachable(why), at: Date())
                    }
                }
                draw()
            }
            guard let event = await iterator.next() else { return }
            switch event {
            case .signal: return
            case .tick: effects += pad.handle(.tick, at: Date())
            case let .key(key): effects += pad.handle(.key(key), at: Date())
            }
            draw()
        }
    }
}
