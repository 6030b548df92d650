import DyadCore

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

    /// Number of points without generating them.
    public var pointCount: Int {
        var count = grid.reduce(1) { $0.multipliedReportingOverflow(by: max(1, $1.values.count)).partialValue }
        if let first = zip.first { count = count.multipliedReportingOverflow(by: first.values.count).partialValue }
        if let sample { count = count.multipliedReportingOverflow(by: SampleGenerator.pointCount(sample)).partialValue }
        if let design { count = count.multipliedReportingOverflow(by: design.rows.count).partialValue }
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
        var points: [[(path: SweepPath, value: Double)]] = [[]]
        for factor in factors {
            points = points.flatMap { point in factor.map { point + $0 } }
        }
        return points
    }

    private func zip2(_ paths: [SweepPath], _ values: [Double]) -> [(path: SweepPath, value: Double)] {
        Array(Swift.zip(paths, values)).map { (path: $0.0, value: $0.1) }
    }
}
