import Foundation

/// The one loop of the window terminal, the reviewer's terminal and the rating pad: draws the
/// machine on this process's terminal, carries out its effects (feeding each answer back in),
/// then waits for a key or a tick, until an effect says leave or a signal comes.
public enum TerminalDriver {
    /// `render` draws the machine at a terminal size; `perform` carries out one effect.
    public static func run<Machine: TerminalMachine>(
        _ machine: Machine,
        render: (Machine, _ width: Int, _ height: Int) -> [String],
        perform: (Machine.Effect) async -> TerminalStep<Machine.Input>
    ) async throws {
        let session = try TerminalSession()
        defer { session.close() }
        var machine = machine
        func draw() {
            let size = session.size
            session.draw(render(machine, size.width, size.height))
        }
        var effects = machine.begin(at: Date())
        draw()
        var iterator = session.events().makeAsyncIterator()
        while true {
            // The screen is drawn before each effect runs, so a slow call shows the machine busy.
            while !effects.isEmpty {
                switch await perform(effects.removeFirst()) {
                case .leave: return
                case let .answered(inputs): for input in inputs { effects += machine.handle(input, at: Date()) }
                }
                draw()
            }
            guard let event = await iterator.next() else { return }
            switch event {
            case .signal: return
            case .tick: effects += machine.handle(.tick, at: Date())
            case let .key(key): effects += machine.handle(.key(key), at: Date())
            }
            draw()
        }
    }
}
