/// `trajectories.svg`: daily means by arm across replicates with 95 % t-bands, as small
/// multiples sharing the day axis (MODEL.md §9.2 columns).
enum TrajectoryFigure {
    /// A daily.csv column shown as one panel.
    struct Measure {
        let column: String
        let title: String
        let axisTitle: String
        let limits: ClosedRange<Double>
        /// Days in a centred moving average applied to each replicate first (1: none).
        var smoothingDays = 1
    }

    static let measures = [
        Measure(column: "arousal", title: "Arousal (end of day, both partners)", axisTitle: "E (0\u{2013}1)", limits: 0...1),
        Measure(column: "security", title: "Felt security", axisTitle: "S (0\u{2013}1)", limits: 0...1),
        Measure(column: "satisfaction", title: "Couple satisfaction", axisTitle: "Sat (0\u{2013}1)", limits: 0...1),
        Measure(column: "pw_cycle_frac", title: "Pursue\u{2013}withdraw cycles, 7-day mean", axisTitle: "share of pairs",
                limits: 0...1, smoothingDays: 7),
        Measure(column: "dissolved_cum", title: "Dissolved so far (cumulative)", axisTitle: "share", limits: 0...1),
    ]

    /// Columns of daily.csv the figure reads.
    static let numberColumns = ["replicate", "day"] + measures.map(\.column)

    static func make(_ daily: ReportTable, context: ReportContext) -> Figure {
        let arms = context.scenario.armNames.filter(daily.labels("arm").contains)
        let armLabels = daily.labels("arm"), days = daily.numbers("day"), replicates = daily.numbers("replicate")
        let dayValues = Array(Set(days.filter(\.isFinite))).sorted()
        let dayIndex = Dictionary(uniqueKeysWithValues: dayValues.enumerated().map { ($0.element, $0.offset) })
        let replicateValues = Array(Set(replicates.filter(\.isFinite))).sorted()
        let replicateIndex = Dictionary(uniqueKeysWithValues: replicateValues.enumerated().map { ($0.element, $0.offset) })
        let replicateCount = replicateValues.count
        var panels: [Panel] = []
        for (panelIndex, measure) in measures.enumerated() {
            let values = daily.numbers(measure.column)
            var lines: [Series] = []
            var bandSeries: [Series] = []
            var minimum = Double.infinity, maximum = -Double.infinity
            for arm in arms {
                var series = Array(repeating: Array(repeating: Double.nan, count: dayValues.count), count: replicateCount)
                for row in 0..<daily.rowCount where armLabels[row] == arm {
                    guard let day = dayIndex[days[row]], let replicate = replicateIndex[replicates[row]] else { continue }
                    series[replicate][day] = values[row]
                }
                if measure.smoothingDays > 1 {
                    series = series.map { ReportStatistics.movingAverage($0, window: measure.smoothingDays) }
                }
                let summaries = dayValues.indices.map { day in ReportStatistics.meanInterval(series.map { $0[day] }) }
                let means = summaries.map(\.mean)
                let clamp = { (value: Double) in value.isFinite ? min(max(value, measure.limits.lowerBound), measure.limits.upperBound) : value }
                let lows = summaries.map { clamp($0.low) }, highs = summaries.map { clamp($0.high) }
                for value in means + lows + highs where value.isFinite {
                    minimum = min(minimum, value)
                    maximum = max(maximum, value)
                }
                let colour = context.colour(arm)
                if replicateCount > 1 {
                    bandSeries.append(.band(x: dayValues, low: lows, high: highs, colour: colour, opacity: 0.22))
                }
                let width = arm == context.scenario.controlArm ? 1.1 : 1.0
                lines.append(.line(points: zip(dayValues, means).map { ($0, $1) }, stroke: Stroke(colour: colour, width: width)))
            }
            if !minimum.isFinite { minimum = 0; maximum = 1 }
            let last = panelIndex == measures.count - 1
            panels.append(Panel(
                title: measure.title,
                x: Axis.linear("day of the outcome period (after \(context.scenario.burnInDays) burn-in days)",
                               minimum: dayValues.first ?? 0, maximum: dayValues.last ?? 1, loose: false, tickCount: 6),
                y: Axis.linear(measure.axisTitle, minimum: minimum, maximum: maximum, tickCount: 4, limits: measure.limits),
                series: bandSeries + lines, showsXTickLabels: last))
        }
        let point = context.pointPhrase
        var subtitle = replicateCount > 1
            ? "Lines: mean over \(replicateCount) replicates; bands: 95% t-interval of the replicate means."
            : "One replicate: lines are that run's daily means (no interval band)."
        subtitle += " \(context.scenario.couples) couples per arm and run; daily means over couples alive that day."
        return Figure(
            title: "Daily trajectories by arm" + (point.isEmpty ? "" : " \u{2014} " + point),
            subtitle: subtitle, panels: panels, columns: 1, plotWidth: 195, plotHeight: 72,
            legend: arms.map { arm in
                LegendEntry(label: context.armLabel(arm), symbol: replicateCount > 1
                    ? .lineWithBand(Stroke(colour: context.colour(arm), width: 1.4))
                    : .line(Stroke(colour: context.colour(arm), width: 1.4)))
            })
    }
}
