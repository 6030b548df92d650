import DyadCore

/// One swept path with its values.
public struct SweepAxis: Sendable, Equatable {
    public var path: SweepPath
    public var values: [Double]

    public init(path: SweepPath, values: [Double]) {
        self.path = path
        self.values = values
    }
}

/// Sampling methods for `sweep.sample`.
public enum SampleMethod: String, Sendable, CaseIterable {
    /// Independent uniform draws in each range.
    case random
    /// Latin hypercube: each range cut into n strata, one draw per stratum, strata permuted.
    case lhs
    /// Saltelli's extension of a Sobol sequence for first- and second-order indices
    /// (n·(2d + 2) points, in SALib's row order).
    case sobol
    /// Morris's one-at-a-time trajectories on a p-level grid (r·(d + 1) points for r
    /// trajectories, in SALib's row order): screening by elementary effects.
    case morris
}

/// A sampled design: `n` base points (or, for Morris, `n` trajectories) over `ranges`.
public struct SampleDesign: Sendable, Equatable {
    public var method: SampleMethod
    /// Base samples (random, lhs, sobol) or trajectories (morris), ≥ 1.
    public var count: Int
    public var ranges: [(path: SweepPath, low: Double, high: Double)]
    /// Seed of the sample; nil derives it from the scenario seed.
    public var seed: UInt64?
    /// Grid levels p of a Morris design (even, ≥ 2; SALib's default 4); unused by other methods.
    public var levels: Int

    public init(method: SampleMethod, count: Int, ranges: [(path: SweepPath, low: Double, high: Double)], seed: UInt64? = nil,
                levels: Int = 4) {
        self.method = method
        self.count = count
        self.ranges = ranges
        self.seed = seed
        self.levels = levels
    }

    public static func == (lhs: SampleDesign, rhs: SampleDesign) -> Bool {
        lhs.method == rhs.method && lhs.count == rhs.count && lhs.seed == rhs.seed && lhs.levels == rhs.levels
            && lhs.ranges.map(\.path) == rhs.ranges.map(\.path) && lhs.ranges.map(\.low) == rhs.ranges.map(\.low)
            && lhs.ranges.map(\.high) == rhs.ranges.map(\.high)
    }
}

/// Points read from a design file (a CSV whose header names sweep paths).
public struct DesignTable: Sendable, Equatable {
    /// The file as given in the scenario.
    public var source: String
    public var columns: [SweepPath]
    public var rows: [[Double]]

    public init(source: String, columns: [SweepPath], rows: [[Double]]) {
        self.source = source
        self.columns = columns
        self.rows = rows
    }
}

/// The scenario's `sweep` section. Points are the full factorial of the `grid` axes (first axis
/// slowest), crossed with the `zip` rows, the `sample` points and the `design_file` rows (each
/// of these present acts as one more factor); an empty sweep is one point with no overrides.
public struct SweepDesign: Sendable, Equatable {
    public var grid: [SweepAxis] = []
    /// Axes varied together (equal lengths).
    public var zip: [SweepAxis] = []
    public var sample: SampleDesign?
    public var design: DesignTable?

    public init() {}

    /// True when there is nothing to sweep.
    public var isEmpty: Bool { grid.isEmpty && zip.isEmpty && sample == nil && design == nil }

    /// Every swept path in column order (grid, zip, sample, design), without repeats.
    public var paths: [SweepPath] {
        var seen = Set<String>()
        let all = grid.map(\.path) + zip.map(\.path) + (sample?.ranges.map(\.path) ?? []) + (design?.columns ?? [])
        return all.filter { seen.insert($0.text).inserted }
    }

    /// Number of points without generating them; `Int.max` when the product overflows.
    public var pointCount: Int {
        func times(_ count: Int, _ factor: Int) -> Int {
            let (product, overflow) = count.multipliedReportingOverflow(by: factor)
            return overflow ? Int.max : product
        }
        var count = grid.reduce(1) { times($0, max(1, $1.values.count)) }
        if let first = zip.first { count = times(count, first.values.count) }
        if let sample { count = times(count, SampleGenerator.pointCount(sample)) }
        if let design { count = times(count, design.rows.count) }
        return count
    }

    /// The points, each a list of (path, value) in `paths` order.
    public func points(scenarioSeed: UInt64) -> [[(path: SweepPath, value: Double)]] {
        var factors: [[[(path: SweepPath, value: Double)]]] = grid.map { axis in axis.values.map { [(axis.path, $0)] } }
        if let first = zip.first {
            factors.append((0..<first.values.count).map { row in zip.map { ($0.path, $0.values[row]) } })
        }
        if let sample {
            let rows = SampleGenerator.rows(sample, scenarioSeed: scenarioSeed)
            factors.append(rows.map { row in zip2(sample.ranges.map(\.path), row) })
        }
        if let design {
            factors.append(design.rows.map { zip2(design.columns, $0) })
        }
        // One factor (the usual case) is the points as they are: no copy of each point.
        guard factors.count > 1 else { return factors.first ?? [[]] }
        var points: [[(path: SweepPath, value: Double)]] = [[]]
        for factor in factors {
            points = points.flatMap { point in factor.map { point + $0 } }
        }
        return points
    }

    private func zip2(_ paths: [SweepPath], _ values: [Double]) -> [(path: SweepPath, value: Double)] {
        paths.indices.map { (path: paths[$0], value: values[$0]) }
    }
}

/// Content key of a sweep point: FNV-1a (64 bit) of its sorted "path=value" lines; the empty
/// point has key 0. Stream keys derive from it, so adding points leaves others unchanged.
public enum PointKey {
    public static func of(_ assignments: [(path: SweepPath, value: Double)]) -> UInt64 {
        guard !assignments.isEmpty else { return 0 }
        // FNV-1a of the sorted lines concatenated, fed line by line (no joined copy).
        return FNV1a.hash(lines: assignments.map { "\($0.path.text)=\(NumberText.shortest($0.value))\n" }.sorted())
    }
}
