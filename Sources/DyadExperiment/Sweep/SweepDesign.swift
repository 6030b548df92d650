import DyadCore

/// The scenario's `sweep` section. Points are the full factorial of the `grid` axes (first axis
/// slowest), crossed with the `zip` rows, the `sample` points and the `design_file` rows (each
/// of these present acts as one more factor); an empty sweep is one point with no overrides.
public struct SweepDesign: Sendable, Equatable {
    /// Axes combined full factorially (the first axis varies slowest).
    public var grid: [SweepAxis] = []
    /// Axes varied together (equal lengths).
    public var zip: [SweepAxis] = []
    /// A sampled design (random, lhs, sobol or morris), or nil.
    public var sample: SampleDesign?
    /// Points read from a design file or given inline, or nil.
    public var design: DesignTable?
    /// Whether points share random streams (``RandomNumbers``); `independent` by default.
    public var randomNumbers: RandomNumbers = .independent

    /// An empty sweep: one point, no overrides.
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
