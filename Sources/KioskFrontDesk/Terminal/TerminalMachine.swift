import Foundation

/// A front-desk state machine as `TerminalDriver` runs it: keys, ticks and the answers to its
/// effects in, effects out. The machine stays pure; the driver and its caller do the I/O.
public protocol TerminalMachine: Sendable {
    associatedtype Input: TerminalInput
    associatedtype Effect: Sendable
    mutating func begin(at now: Date) -> [Effect]
    mutating func handle(_ input: Input, at now: Date) -> [Effect]
}

/// The inputs the terminal itself gives every machine (an enum's `case tick` and
/// `case key(Key)` are these).
public protocol TerminalInput: Sendable {
    static var tick: Self { get }
    static func key(_ key: Key) -> Self
}

/// What carrying out one effect came to: the inputs it answered with, or leave the terminal.
public enum TerminalStep<Input: Sendable>: Sendable {
    case answered([Input])
    case leave
}
