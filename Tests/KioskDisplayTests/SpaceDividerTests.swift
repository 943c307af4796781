import Testing
@testable import KioskDisplay

@Suite("Space division")
struct SpaceDividerTests {
    @Test func fixedRowsFirstThenFillTakesTheRest() {
        #expect(SpaceDivider.divide(12, by: [.length(3), .fill(1), .length(1)]) == [3, 8, 1])
    }

    @Test func ratioRoundsDownAndFillTakesTheRemainder() {
        #expect(SpaceDivider.divide(48, by: [.ratio(3, 5), .fill(1)]) == [28, 20])
    }

    @Test func proportionalRemaindersAreCarriedSoThirdsAddUp() {
        #expect(SpaceDivider.divide(100, by: [.ratio(1, 3), .ratio(1, 3), .ratio(1, 3)]) == [33, 33, 34])
        #expect(SpaceDivider.divide(41, by: [.percentage(50), .percentage(50)]) == [20, 21])
    }

    @Test func fillSharesByWeight() {
        #expect(SpaceDivider.divide(10, by: [.fill(1), .fill(2)]) == [3, 7])
        #expect(SpaceDivider.divide(9, by: [.fill(1), .fill(1), .fill(1)]) == [3, 3, 3])
    }

    @Test func maxCapsAndGivesTheExcessToOthers() {
        #expect(SpaceDivider.divide(20, by: [.max(5), .fill(1)]) == [5, 15])
        #expect(SpaceDivider.divide(6, by: [.max(5), .fill(1)]) == [3, 3])
    }

    @Test func minReservesItsSizeThenGrows() {
        #expect(SpaceDivider.divide(12, by: [.min(10), .fill(1)]) == [11, 1])
    }

    @Test func outOfSpaceLaterChildrenClipToZero() {
        #expect(SpaceDivider.divide(15, by: [.length(10), .length(10), .fill(1)]) == [10, 5, 0])
        #expect(SpaceDivider.divide(0, by: [.length(3), .fill(1)]) == [0, 0])
    }

    @Test func sizesAddUpExactlyWheneverSomethingCanGrow() {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<2000 {
            let total = Int.random(in: 0...300, using: &rng)
            var constraints: [Constraint] = (0..<Int.random(in: 0...5, using: &rng)).map { _ in
                switch Int.random(in: 0...5, using: &rng) {
                case 0: return .length(Int.random(in: 0...40, using: &rng))
                case 1: return .percentage(Int.random(in: 0...100, using: &rng))
                case 2: let b = Int.random(in: 1...9, using: &rng); return .ratio(Int.random(in: 0...b, using: &rng), b)
                case 3: return .min(Int.random(in: 0...30, using: &rng))
                case 4: return .max(Int.random(in: 0...30, using: &rng))
                default: return .fill(Int.random(in: 1...4, using: &rng))
                }
            }
            constraints.append(.fill(1))
            let sizes = SpaceDivider.divide(total, by: constraints)
            #expect(sizes.count == constraints.count)
            #expect(sizes.allSatisfy { $0 >= 0 })
            #expect(sizes.reduce(0, +) == total, "\(constraints) in \(total) gave \(sizes)")
        }
    }
}
