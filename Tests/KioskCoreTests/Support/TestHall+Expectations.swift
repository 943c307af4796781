import Foundation
import KioskCore
import KioskTestSupport
import Testing

extension TestHall {
    /// Expects the engine to refuse `command` at `instant` with exactly `expected`, and that the
    /// refusal changed nothing: the state is what it was, and still what the journal replays to.
    @discardableResult
    func expectRefusal(
        _ command: Command, at instant: Date, _ expected: QueueError,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> QueueError? {
        var after = state
        do {
            let events = try engine.execute(command, on: &after, at: instant)
            Issue.record("expected \(expected.code), but \(command) was accepted: \(events)", sourceLocation: sourceLocation)
            return nil
        } catch {
            #expect(error == expected, sourceLocation: sourceLocation)
            #expect(after == state, "a refused \(command) changed the state", sourceLocation: sourceLocation)
            #expect(engine.replay(events) == state, "the state is not what the journal replays to", sourceLocation: sourceLocation)
            return error
        }
    }

    @discardableResult
    func expectRefusal(
        _ command: Command, at clock: String, plus seconds: Double = 0, _ expected: QueueError,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> QueueError? {
        expectRefusal(command, at: at(clock, plus: seconds), expected, sourceLocation: sourceLocation)
    }

    /// The kinds of the events a `.tick` at that time commits.
    mutating func tick(at clock: String, plus seconds: Double = 0) throws -> [HallEvent.Kind] {
        try run(.tick, at: clock, plus: seconds).map(\.kind)
    }

    /// Checks the state's own invariants and that it equals the replay of its journal.
    func expectConsistent(sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(state.invariantViolations() == [], sourceLocation: sourceLocation)
        #expect(replayed() == state, sourceLocation: sourceLocation)
    }
}
