/// `trajectories.svg`: daily means by arm across replicates with 95 % t-bands, as small
/// multiples sharing the day axis (docs/model.md §9.3 columns).
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
        Measure(
            column: "arousal", title: "Arousal (end of day, both partners)", axisTitle: "E (0\u{2013}1)", limits: 0...1),
        Measure(column: "security", title: "Felt security", axisTitle: "S (0\u{2013}1)", limits: 0...1),
        Measure(column: "satisfaction", title: "Couple satisfaction", axisTitle: "Sat (0\u{2013}1)", limits: 0...1),
        Measure(
            column: "pw_cycle_frac", title: "Pursue\u{2013}withdraw cycles, 7-day mean", axisTitle: "share of pairs",
            limits: 0...1, smoothingDays: 7),
        Measure(column: "dissolved_cum", title: "Dissolved so far (cumulative)", axisTitle: "share", limits: 0...1),
    ]

    /// Columns of daily.csv the figure reads.
    static let numberColumns = ["replicate", "day"] + measures.map(\.column)

    /// The lines and bands of one measure at one sweep point, and the range they cover.
    private struct Column {
        var lines: [Series] = []
        var bands: [Series] = []
        var days: [Double] = []
        var minimum = Double.infinity
        var maximum = -Double.infinity
        var replicates = 0
    }

    /// Daily means across replicates (with 95 % t-bands) of `measure` per arm in `daily`.
    private static func column(
        _ measure: Measure, _ daily: ReportTable, arms: [String], context: ReportContext
    ) -> Column {
        var result = Column()
        let armLabels = daily.labels("arm"), days = daily.numbers("day"), replicates = daily.numbers("replicate")
        let dayValues = Array(Set(days.filter(\.isFinite))).sorted()
        let dayIndex = Dictionary(uniqueKeysWithValues: dayValues.enumerated().map { ($0.element, $0.offset) })
        let replicateValues = Array(Set(replicates.filter(\.isFinite))).sorted()
        let replicateIndex = Dictionary(
            uniqueKeysWithValues: replicateValues.enumerated().map { ($0.element, $0.offset) })
        result.days = dayValues
        result.replicates = replicateValues.count
        let values = daily.numbers(measure.column)
        let limits = measure.limits
        let clamp = { (value: Double) in
            value.isFinite ? min(max(value, limits.lowerBound), limits.upperBound) : value
        }
        for arm in arms {
            let empty = Array(repeating: Double.nan, count: dayValues.count)
            var series = Array(repeating: empty, count: replicateValues.count)
            for row in 0..<daily.rowCount where armLabels[row] == arm {
                guard let day = dayIndex[days[row]], let replicate = replicateIndex[replicates[row]] else { continue }
                series[replicate][day] = values[row]
            }
            if measure.smoothingDays > 1 {
                series = series.map { ReportStatistics.movingAverage($0, window: measure.smoothingDays) }
            }
            let summaries = dayValues.indices.map { day in ReportStatistics.meanInterval(series.map { $0[day] }) }
            let means = summaries.map(\.mean)
            let lows = summaries.map { clamp($0.low) }, highs = summaries.map { clamp($0.high) }
            for value in means + lows + highs where value.isFinite {
                result.minimum = min(result.minimum, value)
                result.maximum = max(result.maximum, value)
            }
            let colour = context.colour(arm)
            if replicateValues.count > 1 {
                result.bands.append(.band(x: dayValues, low: lows, high: highs, colour: colour, opacity: 0.22))
            }
            let width = arm == context.scenario.controlArm ? 1.1 : 1.0
            let points = zip(dayValues, means).map { (x: $0, y: $1) }
            result.lines.append(.line(points: points, stroke: Stroke(colour: colour, width: width)))
        }
        return result
    }

    /// One column of panels per sweep point in `sets` (daily.csv rows of that point), one row per
    /// measure, each measure on the same y range in every column.
    static func make(_ sets: [(point: Int, daily: ReportTable)], context: ReportContext) -> Figure {
        let present = Set(sets.flatMap { $0.daily.labels("arm") })
        let arms = context.scenario.armNames.filter(present.contains)
        var replicateCount = 0
        var panels: [Panel] = []
        let burnIn = context.scenario.burnInDays
        let dayTitle =
            sets.count > 2
            ? "day (after \(burnIn) burn-in days)" : "day of the outcome period (after \(burnIn) burn-in days)"
        for (panelIndex, measure) in measures.enumerated() {
            let columns = sets.map { column(measure, $0.daily, arms: arms, context: context) }
            replicateCount = max(replicateCount, columns.map(\.replicates).max() ?? 0)
            var minimum = columns.map(\.minimum).min() ?? .infinity
            var maximum = columns.map(\.maximum).max() ?? -.infinity
            if !minimum.isFinite { minimum = 0; maximum = 1 }
            let last = panelIndex == measures.count - 1
            for (index, (column, set)) in zip(columns, sets).enumerated() {
                let title =
                    sets.count > 1 && panelIndex == 0
                    ? context.pointPhrase(set.point) + " \u{2014} " + measure.title : measure.title
                panels.append(
                    Panel(
                        title: title,
                        x: Axis.linear(
                            dayTitle, minimum: column.days.first ?? 0, maximum: column.days.last ?? 1, loose: false,
                            tickCount: 6),
                        y: Axis.linear(
                            measure.axisTitle, minimum: minimum, maximum: maximum, tickCount: 4, limits: measure.limits),
                        series: column.bands + column.lines, showsXTickLabels: last, showsYTickLabels: index == 0))
            }
        }
        var subtitle =
            replicateCount > 1
            ? "Lines: mean over \(replicateCount) replicates; bands: 95% t-interval of the replicate means."
            : "One replicate: lines are that run's daily means (no interval band)."
        subtitle += " \(context.scenario.couples) couples per arm and run; daily means over couples alive that day."
        if sets.count > 1 { subtitle += " One column per sweep point, the same y range in each row." }
        var notes: [String] = []
        if sets.count < context.pointCount {
            let shown = sets.map { String($0.point) }.joined(separator: ", ")
            notes.append(
                "Sweep points shown: \(shown) of \(context.pointCount) (dyadsim report --point LIST or --point all).")
        }
        return Figure(
            title: "Daily trajectories by arm" + context.titleSuffix(sets.map(\.point)),
            subtitle: subtitle, panels: panels, columns: sets.count, plotWidth: sets.count > 2 ? 150 : 195,
            plotHeight: 72,
            legend: arms.map { arm in
                LegendEntry(
                    label: context.armLabel(arm),
                    symbol: replicateCount > 1
                        ? .lineWithBand(Stroke(colour: context.colour(arm), width: 1.4))
                        : .line(Stroke(colour: context.colour(arm), width: 1.4)))
            },
            notes: notes)
    }
}
