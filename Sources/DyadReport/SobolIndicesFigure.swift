/// `sobol-<outcome>.svg`: for one outcome, a panel per analysed output (arm and kind) with
/// horizontal bars of the first-order index S1 and the total index ST of each parameter, their
/// bootstrap 95 % intervals as whiskers, and the index that replicate noise alone produces as a
/// tick across each bar. Parameters are sorted by ST (largest first); a line marks 0.
///
/// S1_j is the share of the output's variance parameter j explains alone, ST_j the share it is
/// involved in at all; both lie in 0...1 in theory, and Σ_j S1_j ≤ 1. Estimates outside these
/// bounds are estimation error, which the notes point out.
package enum SobolIndicesFigure {
    /// Colours of the S1 and ST bars, the whiskers and the noise ticks.
    static let firstOrderColour = Palette.skyBlue
    static let totalColour = Palette.blue
    static let whiskerColour = Palette.black
    static let noiseColour = Palette.vermillion
    /// The dash pattern of the reference line at 0 (tests find the line by it).
    static let zeroDash = [3.0, 2.0]
    /// Axis limits: estimates and intervals beyond are cut (and a note says so).
    static let axisLimits = -1.0...2.0
    /// A 95 % interval wider than this is called wide in the notes.
    static let wideInterval = 0.3
    /// Height of one parameter's row (points).
    static let rowHeight = 26.0

    /// The figure of `analyses` (the outputs of one outcome), or nil when every index is 0.
    static func make(
        outcome: String, analyses: [SensitivityResults.Analysis], parameters: [String], labels: [String: String]
    ) -> Figure? {
        var notes: [String] = []
        let shown = analyses.filter { analysis in
            let values = ["S1", "ST"].flatMap { index in parameters.compactMap { analysis.estimate(index, $0)?.value } }
            if values.allSatisfy({ $0 == 0 || !$0.isFinite }) {
                notes.append("\(analysis.output.label): every S1 and ST is 0 (no parameter reaches it); not shown.")
                return false
            }
            return true
        }
        guard !shown.isEmpty else { return nil }
        var extremes: [Double] = [0, 1]
        for analysis in shown {
            for index in ["S1", "ST"] {
                for parameter in parameters {
                    guard let estimate = analysis.estimate(index, parameter) else { continue }
                    extremes += [estimate.value, estimate.low, estimate.high, estimate.noiseThreshold]
                }
            }
        }
        let finite = extremes.filter(\.isFinite)
        let axis = Axis.linear(
            "index (share of the output's variance)", minimum: finite.min() ?? 0, maximum: finite.max() ?? 1,
            tickCount: 6, limits: axisLimits)
        var cut = false
        let panels = shown.map { analysis -> Panel in
            let (panel, clipped) = makePanel(analysis, parameters: parameters, labels: labels, axis: axis)
            cut = cut || clipped
            notes += Self.notes(analysis, parameters: parameters)
            return panel
        }
        if cut {
            notes.append(
                "Bars and whiskers are cut at the axis limits \(ReportNumber.plain(axis.lower))…"
                    + "\(ReportNumber.plain(axis.upper)) (see the table on the page for the values).")
        }
        let noise = shown.contains { analysis in
            parameters.contains { analysis.estimate("ST", $0)?.noiseThreshold.isFinite ?? false }
        }
        var legend = [
            LegendEntry(label: "S1 (first order)", symbol: .swatch(firstOrderColour)),
            LegendEntry(label: "ST (total)", symbol: .swatch(totalColour)),
            LegendEntry(label: "95% bootstrap interval", symbol: .line(Stroke(colour: whiskerColour, width: 0.8))),
        ]
        if noise {
            legend.append(
                LegendEntry(label: "replicate-noise threshold", symbol: .line(Stroke(colour: noiseColour, width: 1.4))))
        }
        return Figure(
            title: "Sobol indices of \(outcome)",
            subtitle: "S1: share of the variance of \(outcome) a parameter explains alone; ST: the share it is "
                + "involved in, alone or in interactions (ST − S1: its interactions). Parameters sorted by ST; "
                + "whiskers: bootstrap 95% intervals"
                + (noise
                    ? "; red ticks: the index replicate noise alone produces (an index left of it cannot "
                        + "be told from no effect)." : "."),
            panels: panels, columns: 1, plotWidth: 330, plotHeight: rowHeight * Double(max(parameters.count, 1)),
            legend: legend, notes: notes)
    }

    /// One panel; also whether a bar or whisker was cut at the axis limits.
    private static func makePanel(
        _ analysis: SensitivityResults.Analysis, parameters: [String], labels: [String: String], axis: Axis
    ) -> (Panel, Bool) {
        let order = parameters.enumerated().sorted { first, second in
            let a = analysis.estimate("ST", first.element)?.value ?? -.infinity
            let b = analysis.estimate("ST", second.element)?.value ?? -.infinity
            let left = a.isFinite ? a : -.infinity, right = b.isFinite ? b : -.infinity
            return left != right ? left > right : first.offset < second.offset
        }.map(\.element)
        func clamp(_ value: Double) -> Double { min(max(value, axis.lower), axis.upper) }
        var clipped = false
        var bars: [Series] = []
        var whiskers: [IntervalMark] = []
        var ticks: [IntervalMark] = []
        for (row, parameter) in order.enumerated() {
            for (index, offset, colour) in [("S1", -0.19, firstOrderColour), ("ST", 0.19, totalColour)] {
                guard let estimate = analysis.estimate(index, parameter), estimate.value.isFinite else { continue }
                let centre = Double(row) + offset
                let low = clamp(min(0, estimate.value)), high = clamp(max(0, estimate.value))
                if low != min(0, estimate.value) || high != max(0, estimate.value) { clipped = true }
                bars.append(.region(x: low...high, y: (centre - 0.16)...(centre + 0.16), colour: colour))
                if estimate.low.isFinite, estimate.high.isFinite {
                    if clamp(estimate.low) != estimate.low || clamp(estimate.high) != estimate.high { clipped = true }
                    whiskers.append(
                        IntervalMark(position: centre, low: clamp(estimate.low), high: clamp(estimate.high)))
                }
                if estimate.noiseThreshold.isFinite, axis.lower...axis.upper ~= estimate.noiseThreshold {
                    ticks.append(
                        IntervalMark(position: estimate.noiseThreshold, low: centre - 0.2, high: centre + 0.2))
                }
            }
        }
        var series = bars
        series.append(.rule(value: 0, vertical: true, stroke: Stroke(colour: Palette.axis, width: 0.8, dash: zeroDash)))
        if !ticks.isEmpty {
            series.append(
                .intervals(ticks, orientation: .vertical, stroke: Stroke(colour: noiseColour, width: 1.4), capLength: 0)
            )
        }
        series.append(
            .intervals(
                whiskers, orientation: .horizontal, stroke: Stroke(colour: whiskerColour, width: 0.8), capLength: 4))
        var title = analysis.output.label
        if analysis.noiseShareOfMeans.isFinite {
            title += " (replicate-noise share of the means \(percent(analysis.noiseShareOfMeans)))"
        }
        let panel = Panel(
            title: title, x: axis,
            y: Axis.categories(order.map { (label: labels[$0] ?? $0, style: .plain) }), series: series)
        return (panel, clipped)
    }

    /// Warnings for one output: S1 summing above 1, wide intervals, indices below noise.
    static func notes(_ analysis: SensitivityResults.Analysis, parameters: [String]) -> [String] {
        var notes: [String] = []
        let label = analysis.output.label
        let firstOrder = parameters.compactMap { analysis.estimate("S1", $0)?.value }.filter(\.isFinite)
        let sum = firstOrder.reduce(0, +)
        if sum > 1 {
            notes.append(
                "\(label): the S1 indices sum to \(ReportNumber.significant(sum)) > 1, which no model can give: "
                    + "estimation error (more base samples N reduce it).")
        }
        let widths = ["S1", "ST"].flatMap { index in
            parameters.compactMap { analysis.estimate(index, $0).map { $0.high - $0.low } }
        }.filter(\.isFinite)
        if let widest = widths.max(), widest > wideInterval {
            notes.append(
                "\(label): 95% intervals up to \(widest > 10 ? "more than 10" : ReportNumber.significant(widest, 2)) "
                    + "wide; read the order of "
                    + "the parameters, not the values (intervals narrow as 1/√N).")
        }
        let below = ["S1", "ST"].flatMap { index in parameters.compactMap { analysis.estimate(index, $0) } }
            .filter(\.belowNoise).count
        if below > 0 {
            notes.append(
                "\(label): \(below) \(below == 1 ? "index is" : "indices are") no larger than replicate noise "
                    + "alone produces.")
        }
        return notes
    }

    /// `share` as a percentage with two significant digits.
    static func percent(_ share: Double) -> String { ReportNumber.significant(share * 100, 2) + "%" }
}
