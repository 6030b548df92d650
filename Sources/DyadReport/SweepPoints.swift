/// The sweep of a results directory as the report sees it: every point's swept values
/// (points.csv) and the dimensions the sweep figure plots against — one grid path, the zipped
/// paths together (they vary together, so they are one axis), or one sampled or design path.
struct SweepPoints {
    /// Swept paths in column order.
    let paths: [String]
    /// `values[path][point]`.
    let values: [String: [Int: Double]]
    /// Number of points.
    let count: Int
    /// The axes of the sweep, in column order of their first path.
    let dimensions: [SweepDimension]

    /// Reads points.csv (every column after `sweep_point` is a swept path); `zipped` are the
    /// paths of `sweep.zip`, `scattered` those of `sweep.sample` and `sweep.design`.
    static func read(_ path: String, zipped: [String], scattered: Set<String>) throws(ReportError) -> SweepPoints {
        let header = try ReportTable.read(path, numbers: ["sweep_point"]).header
        let paths = Array(header.dropFirst())
        let table = try ReportTable.read(path, numbers: ["sweep_point"] + paths)
        var indices: [Int] = []
        for value in table.numbers("sweep_point") {
            guard let index = ReportNumber.index(value) else {
                throw .invalid("\(path): sweep_point \(ReportNumber.plain(value)) is not a point number (0 or more)")
            }
            indices.append(index)
        }
        var values: [String: [Int: Double]] = [:]
        for name in paths {
            values[name] = Dictionary(zip(indices, table.numbers(name)), uniquingKeysWith: { first, _ in first })
        }
        var dimensions: [SweepDimension] = []
        let zippedHere = paths.filter(zipped.contains)
        for name in paths {
            if zippedHere.contains(name) {
                if name == zippedHere.first { dimensions.append(SweepDimension(paths: zippedHere, isScattered: false)) }
            } else {
                dimensions.append(SweepDimension(paths: [name], isScattered: scattered.contains(name)))
            }
        }
        return SweepPoints(paths: paths, values: values, count: table.rowCount, dimensions: dimensions)
    }

    /// The value of `path` at `point` (NaN if unknown).
    func value(_ path: String, at point: Int) -> Double { values[path]?[point] ?? .nan }

    /// Point indices in ascending order.
    var indices: [Int] { Array(Set(values.values.flatMap(\.keys))).sorted() }

    /// "soft_startup strength = 0.5, g0 = 0.2".
    func values(at point: Int) -> String {
        paths.map { "\(SweptPath.label($0)) = \(ReportNumber.plain(value($0, at: point)))" }.joined(separator: ", ")
    }

    /// Where `point` sits along `dimension`: the value of its path; for zipped paths the first
    /// path's value when it rises or falls strictly along the zip, else the zip row.
    func position(_ point: Int, along dimension: SweepDimension) -> Double {
        guard dimension.paths.count > 1 else { return value(dimension.paths[0], at: point) }
        let rows = levels(of: dimension)
        guard let row = rows.firstIndex(of: dimension.paths.map { value($0, at: point) }) else { return .nan }
        let first = rows.map { $0[0] }
        let steps = zip(first, first.dropFirst())
        let monotone = steps.allSatisfy { $0 < $1 } || steps.allSatisfy { $0 > $1 }
        return monotone ? first[row] : Double(row)
    }

    /// The distinct value combinations of `dimension`'s paths, in point order.
    func levels(of dimension: SweepDimension) -> [[Double]] {
        var seen: [[Double]] = []
        for point in indices {
            let combination = dimension.paths.map { value($0, at: point) }
            if !seen.contains(combination) { seen.append(combination) }
        }
        return seen
    }

    /// The points grouped by their values along every dimension except `dimension` (groups in
    /// value order, with a readable label each).
    func otherCombinations(except dimension: SweepDimension) -> (groups: [Int: Int], labels: [String]) {
        let others = paths.filter { !dimension.paths.contains($0) }
        let keyed = indices.map { point in (point, others.map { value($0, at: point) }) }
        var combinations: [[Double]] = []
        for (_, values) in keyed where !combinations.contains(values) { combinations.append(values) }
        combinations.sort { $0.lexicographicallyPrecedes($1) }
        var groups: [Int: Int] = [:]
        for (point, values) in keyed { groups[point] = combinations.firstIndex(of: values) ?? 0 }
        let labels = combinations.map { values in
            zip(others, values).map { "\(SweptPath.label($0)) = \(ReportNumber.plain($1))" }.joined(separator: ", ")
        }
        return (groups, labels)
    }
}

/// One axis of a sweep: a swept path, or zipped paths that vary together.
struct SweepDimension: Equatable {
    let paths: [String]
    /// Sampled or design values: they do not repeat across points, so nothing is connected.
    let isScattered: Bool

    /// "soft_startup strength" or, for zipped paths, "soft_startup strength / g0".
    var label: String { paths.map(SweptPath.label).joined(separator: " / ") }

    /// The axis title with units; zipped paths are named together.
    var axisTitle: String {
        guard paths.count > 1 else { return SweptPath.axisTitle(paths[0]) }
        return paths.map(SweptPath.axisTitle).joined(separator: " / ") + " (zipped)"
    }
}
