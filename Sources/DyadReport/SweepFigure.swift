/// `sweep.svg`: key outcomes against each swept parameter, per arm: the mean of the run means
/// with its 95 % t-interval across replicates (summary.csv joined with points.csv).
enum SweepFigure {
    /// The outcomes shown, one panel row each.
    static let outcomes = ReportOutcome.effectGroups[0].outcomes.filter {
        ["satisfaction", "distressed", "dissolved", "pw_cycle_frac"].contains($0.name)
    }

    /// Swept values per point: `values[path][point]`.
    struct Points {
        let paths: [String]
        let values: [String: [Int: Double]]
        let count: Int
    }

    /// Reads points.csv: every column after `sweep_point` is a swept path.
    static func points(_ path: String) throws(ReportError) -> Points {
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
        return Points(paths: paths, values: values, count: table.rowCount)
    }

    /// Dash patterns for the combinations of the other swept values (at most three get lines).
    static let dashes: [[Double]] = [[], [4, 2], [1, 2]]

    /// The points grouped by their values of every swept path except `path`, in value order.
    static func otherCombinations(_ points: Points, except path: String) -> (groups: [Int: Int], labels: [String]) {
        let others = points.paths.filter { $0 != path }
        let indices = Array(points.values[path]?.keys ?? [:].keys).sorted()
        let keyed = indices.map { point in (point, others.map { points.values[$0]?[point] ?? .nan }) }
        // Hashed by bit pattern (NaN included): O(points log points), not quadratic.
        var distinct: [[UInt64]: [Double]] = [:]
        for (_, values) in keyed { distinct[values.map(\.bitPattern)] = values }
        // IEEE total order: `<` for numbers, and a place for NaN (a strict weak ordering throughout).
        let combinations = distinct.values.sorted {
            $0.lexicographicallyPrecedes($1) { $0.bitPattern != $1.bitPattern && $0.isTotallyOrdered(belowOrEqualTo: $1) }
        }
        var position: [[UInt64]: Int] = [:]
        for (index, values) in combinations.enumerated() { position[values.map(\.bitPattern)] = index }
        var groups: [Int: Int] = [:]
        for (point, values) in keyed { groups[point] = position[values.map(\.bitPattern)] ?? 0 }
        let labels = combinations.map { values in
            zip(others, values).map { "\(SweptPath.label($0)) = \(ReportNumber.plain($1))" }.joined(separator: ", ")
        }
        return (groups, labels)
    }

    static func make(_ summary: ReportTable, points: Points, context: ReportContext) -> Figure {
        let arms = context.scenario.armNames
        let pointIndices = summary.numbers("sweep_point"), armLabels = summary.labels("arm"), outcomeLabels = summary.labels("outcome")
        let means = summary.numbers("mean"), lows = summary.numbers("ci_low"), highs = summary.numbers("ci_high")
        let counts = summary.numbers("n")
        let clamp = { (value: Double) in value.isFinite ? min(max(value, 0), 1) : value }
        var panels: [Panel] = []
        var replicateCounts: Set<Int> = []
        var notes: [String] = []
        for (outcomeIndex, outcome) in outcomes.enumerated() {
            for path in points.paths {
                let xs = points.values[path] ?? [:]
                let finite = xs.values.filter(\.isFinite)
                let low = finite.min() ?? 0, high = finite.max() ?? 1
                let pad = max((high - low) * 0.08, abs(high) * 0.05, 1e-9)
                let (groups, groupLabels) = otherCombinations(points, except: path)
                let connect = groupLabels.count <= dashes.count
                let slots = Double(arms.count * groupLabels.count)
                let dodge = (high - low + 2 * pad) * min(0.018, 0.09 / slots)
                if outcomeIndex == 0, points.paths.count > 1 {
                    notes.append(connect
                        ? "Against \(SweptPath.label(path)): " + zip(["solid", "dashed", "dotted"], groupLabels).map { "\($0) line \($1)" }.joined(separator: "; ") + "."
                        : "Against \(SweptPath.label(path)): \(groupLabels.count) combinations of the other swept values at each x (not connected).")
                }
                var series: [Series] = []
                var minimum = Double.infinity, maximum = -Double.infinity
                for (armIndex, arm) in arms.enumerated() {
                    var rows: [(x: Double, group: Int, mean: Double, low: Double, high: Double)] = []
                    for row in 0..<summary.rowCount where armLabels[row] == arm && outcomeLabels[row] == outcome.name {
                        guard let point = ReportNumber.index(pointIndices[row]), let x = xs[point], x.isFinite else {
                            continue
                        }
                        let group = groups[point] ?? 0
                        let slot = Double(armIndex * groupLabels.count + group)
                        rows.append((x + (slot - (slots - 1) / 2) * dodge, group, means[row], clamp(lows[row]), clamp(highs[row])))
                        if let count = ReportNumber.index(counts[row]) { replicateCounts.insert(count) }
                        for value in [means[row], clamp(lows[row]), clamp(highs[row])] where value.isFinite {
                            minimum = min(minimum, value)
                            maximum = max(maximum, value)
                        }
                    }
                    rows.sort { $0.x < $1.x }
                    let colour = context.colour(arm)
                    if connect {
                        for group in groupLabels.indices {
                            let line = rows.filter { $0.group == group }.map { (x: $0.x, y: $0.mean) }
                            series.append(.line(points: line, stroke: Stroke(colour: colour, width: 1, dash: dashes[group])))
                        }
                    }
                    series.append(.intervals(rows.map { IntervalMark(position: $0.x, low: $0.low, high: $0.high) }, orientation: .vertical,
                                             stroke: Stroke(colour: colour, width: 1), capLength: 3))
                    series.append(.markers(points: rows.map { ($0.x, $0.mean) }, colour: colour, shape: context.shape(arm), size: 5))
                }
                if !minimum.isFinite { minimum = 0; maximum = 1 }
                panels.append(Panel(
                    title: "\(outcome.label.prefix(1).uppercased() + outcome.label.dropFirst()) \(outcome.better.arrow)",
                    x: Axis.linear(SweptPath.axisTitle(path), minimum: low - pad, maximum: high + pad, loose: false, tickCount: 5),
                    y: Axis.linear(outcome.unit, minimum: minimum, maximum: maximum, tickCount: 4, limits: 0...1),
                    series: series))
            }
        }
        let replicates = replicateCounts.max() ?? 1
        let intervalText = replicates > 1
            ? "95% t-interval across \(replicates) replicates of the run means (wide with few replicates; cut at 0 and 1)"
            : "one replicate per point, so no interval"
        return Figure(
            title: "Outcomes across the sweep (\(points.count) points)",
            subtitle: "Each marker: mean over replicates of the run mean (summary.csv); bars: \(intervalText). Arms are offset slightly along x to keep bars apart.",
            panels: panels, columns: points.paths.count == 1 ? 2 : points.paths.count, plotWidth: 150, plotHeight: 105,
            legend: arms.map { LegendEntry(label: context.armLabel($0), symbol: .markerWithInterval(context.colour($0), context.shape($0))) },
            notes: notes)
    }
}
