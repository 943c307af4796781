import Foundation

/// The waiting line counted by service and class (normal or priority), kept by fold beside
/// `HallState.waiting`: what a command needs to know of the line (people ahead of a ticket in
/// its service, how many of a class joined since a given issue) then costs a binary search
/// instead of a pass over the whole line, so issuing a ticket does not slow down as the line
/// grows (issue 17: 2,000 waiting at the cost of 10).
public struct WaitingIndex: Sendable, Equatable {
    struct Class: Hashable {
        var service: ServiceCode
        var priority: Bool
    }

    /// A ticket's place in line: issue time, then issue sequence (`Ticket.linesUpBefore`).
    struct Place: Comparable {
        var issuedAt: Date
        var sequence: Int

        init(_ ticket: Ticket) {
            issuedAt = ticket.issuedAt
            sequence = ticket.sequence
        }

        static func < (a: Place, b: Place) -> Bool { (a.issuedAt, a.sequence) < (b.issuedAt, b.sequence) }
    }

    /// Per class, the places of its waiting tickets in line order. A class with nobody waiting
    /// has no entry (so an index kept by fold equals one rebuilt from the line).
    private var places: [Class: [Place]] = [:]
    /// Per class, the issue sequences of its waiting tickets, ascending: the line is ordered by
    /// issue time, which a reactivated or transferred ticket keeps, so "joined since" is
    /// counted on sequences, not on places.
    private var sequences: [Class: [Int]] = [:]
    /// Tickets waiting, all classes.
    public private(set) var count = 0

    public init() {}

    /// The index of a line built by hand (`waiting` set whole): every ticket of `line` found
    /// in `tickets`.
    public init(line: [TicketNumber], tickets: TicketBook) {
        for number in line {
            if let ticket = tickets[number] { insert(ticket) }
        }
    }

    /// `ticket` joins the line (it must not be in it).
    mutating func insert(_ ticket: Ticket) {
        let key = Class(service: ticket.service, priority: ticket.priority)
        let place = Place(ticket)
        places[key, default: []].insertSorted(place)
        sequences[key, default: []].insertSorted(ticket.sequence)
        count += 1
    }

    /// `ticket` leaves the line (as it stood in it: same service, class and place).
    mutating func remove(_ ticket: Ticket) {
        let key = Class(service: ticket.service, priority: ticket.priority)
        // Taken out of the dictionary, so the array is edited in place rather than copied.
        guard var classPlaces = places.removeValue(forKey: key) else { return }
        guard let at = classPlaces.indexOf(Place(ticket)) else {
            places[key] = classPlaces
            return
        }
        classPlaces.remove(at: at)
        if !classPlaces.isEmpty { places[key] = classPlaces }
        if var classSequences = sequences.removeValue(forKey: key), let at = classSequences.indexOf(ticket.sequence) {
            classSequences.remove(at: at)
            if !classSequences.isEmpty { sequences[key] = classSequences }
        }
        count -= 1
    }

    /// Tickets of `service` waiting, both classes.
    public func waiting(service: ServiceCode) -> Int {
        (places[Class(service: service, priority: false)]?.count ?? 0) + (places[Class(service: service, priority: true)]?.count ?? 0)
    }

    /// Tickets of `ticket`'s service (both classes) before it in line, whether or not it is in it.
    public func ahead(of ticket: Ticket) -> Int {
        let place = Place(ticket)
        return [false, true].reduce(0) { sum, priority in
            sum + (places[Class(service: ticket.service, priority: priority)]?.lowerBound(of: place) ?? 0)
        }
    }

    /// Tickets of `service` and class `priority` still waiting that were issued at or after
    /// issue `sequence` (`HallState.issueSequence` as it was then).
    public func joined(since sequence: Int, service: ServiceCode, priority: Bool) -> Int {
        guard let list = sequences[Class(service: service, priority: priority)] else { return 0 }
        return list.count - list.lowerBound(of: sequence)
    }

    /// Tickets of any service still waiting that were issued at or after issue `sequence`.
    public func joined(since sequence: Int) -> Int {
        sequences.values.reduce(0) { $0 + $1.count - $1.lowerBound(of: sequence) }
    }
}

extension Array where Element: Comparable {
    /// The first index whose element is not less than `value` (the count of smaller ones).
    fileprivate func lowerBound(of value: Element) -> Int {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if self[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }

    fileprivate func indexOf(_ value: Element) -> Int? {
        let at = lowerBound(of: value)
        return at < count && self[at] == value ? at : nil
    }

    /// Inserts `value` at its place (after any equal ones). New tickets join at the end, so
    /// this is usually an append.
    fileprivate mutating func insertSorted(_ value: Element) {
        if let last, !(value < last) {
            append(value)
        } else {
            insert(value, at: lowerBound(of: value))
        }
    }
}
