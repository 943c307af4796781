/// A dictionary kept in a fixed number of small pieces, so that changing one entry of a copy
/// copies one piece (and the list of pieces), not every entry.
///
/// Why: the hall actor publishes its state after every commit (`PublishedHall`) and then goes
/// on folding into it. With a plain `Dictionary`, the first change after a publication copies
/// the whole of today's tickets (copy-on-write: the snapshot still holds the old storage), so
/// each commit cost grew with the day (issue 17). Here it copies `pieceCount` references and
/// one piece of about `count / pieceCount` entries.
///
/// Reads and writes are a `Dictionary`'s, one hash more. The order of `keys`, `values` and
/// iteration is unspecified, as a `Dictionary`'s is.
public struct PiecewiseDictionary<Key: Hashable, Value> {
    /// 128 pieces: a 10,000-ticket day copies about 80 entries per change of a shared copy.
    static var pieceCount: Int { 128 }

    private var pieces: [[Key: Value]]

    public init() {
        pieces = Array(repeating: [:], count: Self.pieceCount)
    }

    /// The piece `key` lives in: its hash salted apart from the one the piece's own table uses.
    private static func piece(of key: Key) -> Int {
        var hasher = Hasher()
        hasher.combine(0x9E37_79B9)
        hasher.combine(key)
        return Int(UInt(bitPattern: hasher.finalize()) % UInt(pieceCount))
    }

    public subscript(key: Key) -> Value? {
        get { pieces[Self.piece(of: key)][key] }
        // In place: only the piece holding `key` is copied when it is shared.
        _modify { yield &pieces[Self.piece(of: key)][key] }
    }

    public subscript(key: Key, default defaultValue: @autoclosure () -> Value) -> Value {
        get { pieces[Self.piece(of: key)][key, default: defaultValue()] }
        _modify { yield &pieces[Self.piece(of: key)][key, default: defaultValue()] }
    }

    @discardableResult
    public mutating func removeValue(forKey key: Key) -> Value? {
        pieces[Self.piece(of: key)].removeValue(forKey: key)
    }

    public var count: Int { pieces.reduce(0) { $0 + $1.count } }
    public var isEmpty: Bool { pieces.allSatisfy(\.isEmpty) }

    public typealias Values = FlattenSequence<LazyMapSequence<[[Key: Value]], Dictionary<Key, Value>.Values>>
    public typealias Keys = FlattenSequence<LazyMapSequence<[[Key: Value]], Dictionary<Key, Value>.Keys>>

    public var values: Values { pieces.lazy.map(\.values).joined() }
    public var keys: Keys { pieces.lazy.map(\.keys).joined() }
}

extension PiecewiseDictionary: Sequence {
    public typealias Element = (key: Key, value: Value)
    public typealias Iterator = FlattenSequence<[[Key: Value]]>.Iterator

    public func makeIterator() -> Iterator { pieces.joined().makeIterator() }
    public var underestimatedCount: Int { count }
}

extension PiecewiseDictionary: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (Key, Value)...) {
        self.init()
        for (key, value) in elements {
            precondition(self[key] == nil, "duplicate key \(key) in a dictionary literal")
            self[key] = value
        }
    }
}

// Two equal dictionaries keep each key in the same piece (the same hash, in one process), so
// they are equal piece by piece.
extension PiecewiseDictionary: Equatable where Value: Equatable {}
extension PiecewiseDictionary: Sendable where Key: Sendable, Value: Sendable {}

/// Today's tickets by number (`HallState.tickets`).
public typealias TicketBook = PiecewiseDictionary<TicketNumber, Ticket>
