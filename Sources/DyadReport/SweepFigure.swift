/// `sweep.svg`: the paired effect of each arm against the control arm (effects.csv: difference
/// arm − control over the same couples, all replicates pooled, with its 95 % CI) for key
/// outcomes, against each axis of the sweep. Zipped paths form one axis; points that differ only
/// in the value on the x axis are joined by a line (one dash pattern per combination of the other
/// swept values); sampled or design values are not joined.
enum SweepFigure {
    /// The outcomes shown, one panel row each.
    static let outcomes = ReportOutcome.effectGroups[0].outcomes.filter {
        ["satisfaction", "distressed", "dissolved", "pw_cycle_frac"].contains($0.name)
    }

    /// Columns of effects.csv the figure reads.
    static let numberColumns = ["sweep_point", "n", "difference", "ci_low", "ci_high"]

    /// Dash patterns for the combinations of the other swept values; with more combinations each
    /// is a thin solid line.
    static let dashes: [[Double]] = [[], [4, 2], [1, 2], [6, 2, 1, 2], [8, 3]]
    static let dashNames = ["solid", "dashed", "dotted", "dash-dotted", "long-dashed"]

    /// Axes with at most this many distinct positions get a tick at every position.
    static let maximumLabelledLevels = 8

    static func make(_ effects: ReportTable, sweep: SweepPoints, context: ReportContext) -> Figure {
        let arms = context.scenario.treatmentArms
        let pointIndices = effects.numbers("sweep_point"), armLabels = effects.labels("arm")
        let outcomeLabels = effects.labels("outcome"), differences = effects.numbers("difference")
        let lows = effects.numbers("ci_low"), highs = effects.numbers("ci_high")
        let counts = effects.numbers("n")
        let scattered = sweep.dimensions.contains(where: \.isScattered)
        var panels: [Panel] = []
        var pairCounts: Set<Int> = []
        var notes: [String] = []
        for (outcomeIndex, outcome) in outcomes.enumerated() {
            for dimension in sweep.dimensions {
                let positions = Dictionary(
                    uniqueKeysWithValues: sweep.indices.map { ($0, sweep.position($0, along: dimension)) })
                let finite = positions.values.filter(\.isFinite)
                let low = finite.min() ?? 0, high = finite.max() ?? 1
                let pad = max((high - low) * 0.08, abs(high) * 0.05, 1e-9)
                let (groups, groupLabels) = sweep.otherCombinations(except: dimension)
                let connect = !scattered
                let dashed = connect && groupLabels.count <= dashes.count
                let slots = Double(arms.count)
                let dodge = (high - low + 2 * pad) * min(0.015, 0.06 / slots)
                if outcomeIndex == 0 {
                    notes.append(
                        note(for: dimension, groupLabels: groupLabels, connect: connect, dashed: dashed, sweep: sweep))
                }
                let zero = Stroke(colour: Palette.axis, width: 0.7, dash: [3, 2])
                var series: [Series] = [.rule(value: 0, vertical: false, stroke: zero)]
                var minimum = 0.0, maximum = 0.0
                for (armIndex, arm) in arms.enumerated() {
                    var rows: [(x: Double, group: Int, difference: Double, low: Double, high: Double)] = []
                    for row in 0..<effects.rowCount where armLabels[row] == arm && outcomeLabels[row] == outcome.name {
                        guard let point = ReportNumber.index(pointIndices[row]), let x = positions[point], x.isFinite,
                            differences[row].isFinite
                        else { continue }
                        let offset = (Double(armIndex) - (slots - 1) / 2) * dodge
                        rows.append((x + offset, groups[point] ?? 0, differences[row], lows[row], highs[row]))
                        if let count = ReportNumber.index(counts[row]), outcome.name == "satisfaction" {
                            pairCounts.insert(count)
                        }
                        for value in [differences[row], lows[row], highs[row]] where value.isFinite {
                            minimum = min(minimum, value)
                            maximum = max(maximum, value)
                        }
                    }
                    rows.sort { $0.x < $1.x }
                    let colour = context.colour(arm)
                    if connect {
                        for group in groupLabels.indices {
                            let line = rows.filter { $0.group == group }.map { (x: $0.x, y: $0.difference) }
                            guard line.count > 1 else { continue }
                            let stroke =
                                dashed
                                ? Stroke(colour: colour, width: 1, dash: dashes[group])
                                : Stroke(colour: colour, width: 0.6)
                            series.append(.line(points: line, stroke: stroke))
                        }
                    }
                    let marks = rows.map { IntervalMark(position: $0.x, low: $0.low, high: $0.high) }
                    let bars = Stroke(colour: colour, width: 1)
                    series.append(.intervals(marks, orientation: .vertical, stroke: bars, capLength: 3))
                    let markers = rows.map { (x: $0.x, y: $0.difference) }
                    series.append(.markers(points: markers, colour: colour, shape: context.shape(arm), size: 5))
                }
                panels.append(
                    Panel(
                        title:
                            "\(outcome.label.prefix(1).uppercased() + outcome.label.dropFirst()) \(outcome.better.arrow)",
                        x: xAxis(dimension, positions: positions, sweep: sweep, lower: low - pad, upper: high + pad),
                        y: Axis.linear("\u{0394} " + outcome.unit, minimum: minimum, maximum: maximum, tickCount: 4),
                        series: series))
            }
        }
        let pairs =
            pairCounts.count == 1
            ? "\(pairCounts.first ?? 0) couple pairs per point" : "the couple pairs of each point"
        return Figure(
            title: "Paired effects across the sweep (\(sweep.count) point\(sweep.count == 1 ? "" : "s"))",
            subtitle: "Each marker: paired difference \u{0394} = arm \u{2212} \(context.scenario.controlArm) over the "
                + "same couples (effects.csv; \(pairs), all replicates pooled); bars: 95% CI; dashed line at 0: no "
                + "effect. Arms are offset slightly along x.",
            panels: panels, columns: sweep.dimensions.count == 1 ? 2 : sweep.dimensions.count, plotWidth: 150,
            plotHeight: 115,
            legend: arms.map { arm in
                let symbol = LegendEntry.Symbol.markerWithInterval(context.colour(arm), context.shape(arm))
                return LegendEntry(label: context.armLabel(arm), symbol: symbol)
            },
            notes: notes)
    }

    /// The x axis along `dimension`: a tick at every position when there are few (zipped paths
    /// labelled "v1 / v2"), else nice ticks.
    private static func xAxis(
        _ dimension: SweepDimension, positions: [Int: Double], sweep: SweepPoints, lower: Double, upper: Double
    ) -> Axis {
        var labels: [Double: String] = [:]
        for point in sweep.indices {
            guard let position = positions[point], position.isFinite, labels[position] == nil else { continue }
            let values = dimension.paths.map { ReportNumber.plain(sweep.value($0, at: point)) }
            labels[position] = values.joined(separator: " / ")
        }
        guard !dimension.isScattered, labels.count <= maximumLabelledLevels else {
            return Axis.linear(dimension.axisTitle, minimum: lower, maximum: upper, loose: false, tickCount: 5)
        }
        let ticks = labels.keys.sorted().map { Tick(value: $0, label: labels[$0] ?? "") }
        return Axis(title: dimension.axisTitle, lower: lower, upper: upper, ticks: ticks)
    }

    /// The footnote for one axis: how many points and combinations of the other values it shows
    /// and how they are drawn.
    private static func note(
        for dimension: SweepDimension, groupLabels: [String], connect: Bool, dashed: Bool, sweep: SweepPoints
    ) -> String {
        let levels = sweep.levels(of: dimension).count
        let head =
            "Against \(dimension.label): \(levels) value\(levels == 1 ? "" : "s")"
            + (dimension.paths.count > 1 ? " (the zipped paths vary together)" : "")
        guard connect else {
            return head + "; sampled or design values, so points are not joined (\(sweep.count) points)."
        }
        guard groupLabels.count > 1 else { return head + ", joined by one line per arm." }
        let combinations = "\(groupLabels.count) combinations of the other swept values"
        guard dashed else { return head + " \u{00D7} \(combinations), each joined by a thin line." }
        let lines = zip(dashNames, groupLabels).map { "\($0) line \($1)" }.joined(separator: "; ")
        return head + " \u{00D7} \(combinations): \(lines)."
    }
}
