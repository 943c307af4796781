import Foundation
import KioskCore

/// Runs the rating pad on this process's terminal until Ctrl-C or a signal.
public struct RatePadLoop: Sendable {
    public var client: FrontDeskClient
    /// The window's own token: the daemon refuses ratings with any other.
    public var token: String?
    public var window: String

    public init(client: FrontDeskClient, token: String?, window: String) {
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
                    switch await client.send(.get, "/v1/windows/\(window)", token: token) {
                    case let .ok(json):
                        windowName = json["name"]?.stringValue ?? windowName
                        effects += pad.handle(.view(RatePad.Rateable(windowJSON: json)), at: Date())
                    case let .refused(code, message): effects += pad.handle(.refused(code: code, message: message), at: Date())
                    case let .unreachable(why): effects += pad.handle(.unreachable(why), at: Date())
                    }
                case let .send(score, reason):
                    draw()
                    var body: [(key: String, value: JSONValue)] = [("score", .number(Double(score)))]
                    if let reason { body.append(("reason", .string(reason))) }
                    switch await client.send(.post, "/v1/windows/\(window)/rating", body: .object(body), token: token) {
                    case let .ok(json): effects += pad.handle(.rated(ticket: json["ticket"]?.stringValue ?? ""), at: Date())
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
