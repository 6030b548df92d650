import DyadCore

/// Generates the points of a `sweep.sample` design deterministically from its seed.
public enum SampleGenerator {
    /// Points a design produces: n for random and lhs, n·(2d + 2) for sobol (Saltelli), n·(d + 1)
    /// for morris (n trajectories).
    public static func pointCount(_ design: SampleDesign) -> Int {
        switch design.method {
        case .random, .lhs: return design.count
        case .sobol: return design.count * (2 * design.ranges.count + 2)
        case .morris: return design.count * (design.ranges.count + 1)
        }
    }

    /// The design's rows: one value per range, in range order; unit values u are scaled to
    /// low + u·(high − low) (a Morris step Δ becomes Δ·(high − low)), or, for a path with an
    /// input distribution F, mapped to F⁻¹(u) (inverse CDF; u kept in [2⁻⁵⁴, 1 − 2⁻⁵³] for random,
    /// lhs and sobol so that an unbounded support never gives ±∞; Morris grids need bounded
    /// supports and use the ends).
    public static func rows(_ design: SampleDesign, scenarioSeed: UInt64) -> [[Double]] {
        let seed = design.seed ?? SplitMix64.scramble(scenarioSeed ^ 0x5357_4545_5053_414d)  // "SWEEPSAM"
        var random = RandomStream(key: seed)
        let dimensions = design.ranges.count
        var unit: [[Double]]
        switch design.method {
        case .random:
            unit = (0..<design.count).map { _ in (0..<dimensions).map { _ in random.uniform() } }
        case .lhs:
            unit = [[Double]](repeating: [Double](repeating: 0, count: dimensions), count: design.count)
            for dimension in 0..<dimensions {
                var strata = Array(0..<design.count)
                for index in stride(from: strata.count - 1, to: 0, by: -1) {
                    let other = Int(random.uniform() * Double(index + 1))
                    strata.swapAt(index, other)
                }
                for row in 0..<design.count {
                    unit[row][dimension] = (Double(strata[row]) + random.uniform()) / Double(design.count)
                }
            }
        case .sobol:
            unit = Saltelli.unitRows(baseCount: design.count, dimensions: dimensions, skip: 0)
        case .morris:
            unit = Morris.unitRows(
                trajectories: design.count, dimensions: dimensions, levels: design.levels, random: &random)
        }
        let integers = design.ranges.map(\.path.isInteger)  // looked up once, not per value
        let distributions = design.ranges.map { design.distributions[$0.path.text] }
        let openUnit = design.method != .morris
        return unit.map { row in
            row.indices.map { index in
                let range = design.ranges[index]
                var value = range.low + row[index] * (range.high - range.low)
                if let distribution = distributions[index] {
                    value = distribution.quantile(openUnit ? min(max(row[index], 0x1p-54), 1 - 0x1p-53) : row[index])
                }
                return integers[index] ? value.rounded(.toNearestOrEven) : value
            }
        }
    }
}
