/// Divides a length (columns or rows) among children by their constraints, deterministically.
///
/// 1. Fixed sizes first: `N` exactly; `N%` and `a/b` of the whole length, rounded with the
///    remainder carried from one child to the next so that shares adding up to the whole give
///    exactly the whole.
/// 2. `min:N` children reserve their N.
/// 3. What is left is shared by weight among `fill:w` (w), `min:N` (1) and `max:N` (1), again
///    carrying remainders, so the sizes add up exactly; a `max:N` child that would exceed N is
///    held at N and the excess goes to the others.
/// 4. When fixed sizes and minimums do not fit, children are served in order and later ones
///    clip to 0.
public enum SpaceDivider {
    /// Sizes (in cells) for each constraint, in order; their sum never exceeds `total`.
    public static func divide(_ total: Int, by constraints: [Constraint]) -> [Int] {
        let total = Swift.max(0, total)
        var sizes = [Int](repeating: 0, count: constraints.count)

        // Step 1: proportional fixed sizes share one running remainder.
        var proportionalSoFar = 0.0
        var proportionalCells = 0
        for (index, constraint) in constraints.enumerated() {
            let fraction: Double
            switch constraint {
            case .length(let n): sizes[index] = n; continue
            case .min(let n): sizes[index] = n; continue
            case .percentage(let p): fraction = Double(p) / 100
            case .ratio(let a, let b): fraction = Double(a) / Double(b)
            case .max, .fill: continue
            }
            proportionalSoFar += fraction
            // Integer arithmetic would be exact, but fractions of 1/b over many b differ; a tiny
            // epsilon keeps 1/3+1/3+1/3 of 99 from rounding down to 98.
            let upTo = Int((Double(total) * proportionalSoFar + 1e-9).rounded(.down))
            sizes[index] = upTo - proportionalCells
            proportionalCells = upTo
        }

        let wanted = sizes.reduce(0, +)
        if wanted >= total {
            return clipInOrder(sizes, to: total)
        }

        // Step 3: flexible children share the rest by weight.
        var flexible: [(index: Int, weight: Int, cap: Int?)] = []
        for (index, constraint) in constraints.enumerated() {
            switch constraint {
            case .fill(let w): flexible.append((index, w, nil))
            case .min: flexible.append((index, 1, nil))
            case .max(let n): flexible.append((index, 1, n))
            default: break
            }
        }
        var rest = total - wanted
        // Each pass either places all remaining space or retires at least one capped child.
        while rest > 0 && !flexible.isEmpty {
            let shares = share(rest, weights: flexible.map(\.weight))
            var capped: [Int] = []
            for (position, child) in flexible.enumerated() {
                if let cap = child.cap, shares[position] >= cap {
                    capped.append(position)
                }
            }
            if capped.isEmpty {
                for (position, child) in flexible.enumerated() { sizes[child.index] += shares[position] }
                rest = 0
            } else {
                for position in capped.reversed() {
                    let child = flexible.remove(at: position)
                    sizes[child.index] = child.cap ?? 0
                    rest -= child.cap ?? 0
                }
            }
        }
        return sizes
    }

    /// `amount` split by weight with the rounding remainder carried forward; sums to `amount`.
    static func share(_ amount: Int, weights: [Int]) -> [Int] {
        let totalWeight = weights.reduce(0, +)
        guard totalWeight > 0 else { return weights.map { _ in 0 } }
        var result: [Int] = []
        var cumulativeWeight = 0
        var given = 0
        for weight in weights {
            cumulativeWeight += weight
            let upTo = amount * cumulativeWeight / totalWeight
            result.append(upTo - given)
            given = upTo
        }
        return result
    }

    /// Serves children in order until `total` runs out; the rest get 0.
    static func clipInOrder(_ sizes: [Int], to total: Int) -> [Int] {
        var left = total
        return sizes.map { size in
            let granted = Swift.min(size, left)
            left -= granted
            return granted
        }
    }
}
