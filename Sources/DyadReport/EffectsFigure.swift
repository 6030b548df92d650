/// `effects.svg`: a forest plot of each treatment arm against the control arm: standardised
/// effect d with its 95 % CI per key outcome, grouped (couple, partner a, partner b and, from
/// couples.csv, the partner who was more anxious on day 0), arms by colour and marker.
enum EffectsFigure {
    /// Rows of the plot: group headings and outcomes, with the estimates found for each outcome.
    struct Row {
        let label: String
        let isHeading: Bool
        let outcome: ReportOutcome?
        let estimates: [EffectEstimate]
    }

    /// The groups to show: the effects.csv groups, plus the more anxious partner when derived.
    static func groups(includesMoreAnxious: Bool) -> [ReportOutcome.Group] {
        var groups = ReportOutcome.effectGroups
        if includesMoreAnxious { groups.insert(ReportOutcome.moreAnxiousPartner, at: 1) }
        return groups
    }

    static func rows(
        _ estimates: [EffectEstimate], derived: [EffectEstimate], arms: [String], includesMoreAnxious: Bool? = nil
    ) -> [Row] {
        var rows: [Row] = []
        for group in groups(includesMoreAnxious: includesMoreAnxious ?? !derived.isEmpty) {
            let source = group.heading == ReportOutcome.moreAnxiousPartner.heading ? derived : estimates
            rows.append(Row(label: group.heading, isHeading: true, outcome: nil, estimates: []))
            for outcome in group.outcomes {
                let found = arms.compactMap { arm in source.first { $0.arm == arm && $0.outcome == outcome.name } }
                rows.append(
                    Row(
                        label: outcome.label + " " + outcome.better.arrow, isHeading: false, outcome: outcome,
                        estimates: found))
            }
        }
        return rows
    }

    /// Tint of the half of each row where an effect is an improvement.
    static let betterTint = Colour(hex: "#E4EEF6")

    /// The effects at one sweep point: from effects.csv and derived from couples.csv.
    struct PointEffects {
        let point: Int
        let estimates: [EffectEstimate]
        let derived: [EffectEstimate]
    }

    /// Columns of small multiples (one panel per sweep point) before wrapping (four points: 2 × 2).
    static let maximumColumns = 3

    /// One forest plot per sweep point in `sets`, side by side with the same rows and x range
    /// (outcome labels on the first column only; each panel titled with its point's values).
    static func make(_ sets: [PointEffects], context: ReportContext) -> Figure {
        let arms = context.scenario.treatmentArms
        let withDerived = sets.contains { !$0.derived.isEmpty }
        let spacing = min(0.26, 0.78 / Double(max(arms.count, 1)))
        var minimum = 0.0, maximum = 0.0
        var pairCounts: Set<Int> = []
        var panelSeries: [[Series]] = []
        var rowLabels: [(String, Tick.Style)] = []
        var outcomeRows: [Row] = []
        for set in sets {
            let rows = rows(
                set.estimates, derived: withDerived ? set.derived : [], arms: arms, includesMoreAnxious: withDerived)
            outcomeRows = rows
            rowLabels = rows.map { ($0.label, $0.isHeading ? .heading : .plain) }
            var series: [Series] = [
                .rule(value: 0, vertical: true, stroke: Stroke(colour: Palette.axis, width: 0.7, dash: [3, 2]))
            ]
            for (armIndex, arm) in arms.enumerated() {
                let offset = (Double(armIndex) - Double(arms.count - 1) / 2) * spacing
                var intervals: [IntervalMark] = [], points: [(x: Double, y: Double)] = []
                for (rowIndex, row) in rows.enumerated() {
                    guard let estimate = row.estimates.first(where: { $0.arm == arm }), estimate.d.isFinite else {
                        continue
                    }
                    let interval = estimate.dInterval
                    let position = Double(rowIndex) + offset
                    points.append((estimate.d, position))
                    if interval.low.isFinite {
                        intervals.append(IntervalMark(position: position, low: interval.low, high: interval.high))
                    }
                    for value in [estimate.d, interval.low, interval.high] where value.isFinite {
                        minimum = min(minimum, value)
                        maximum = max(maximum, value)
                    }
                    if row.outcome?.name == "satisfaction" { pairCounts.insert(estimate.count) }
                }
                let stroke = Stroke(colour: context.colour(arm), width: 1.1)
                series.append(.intervals(intervals, orientation: .horizontal, stroke: stroke, capLength: 0))
                let shape = context.shape(arm)
                series.append(.markers(points: points, colour: context.colour(arm), shape: shape, size: 5.5))
            }
            panelSeries.append(series)
        }
        let x = Axis.linear(
            "standardised effect d vs \(context.scenario.controlArm) (SD units), 95% CI",
            minimum: minimum, maximum: maximum, tickCount: 6)
        let shading: [Series] = outcomeRows.indices.filter { outcomeRows[$0].isHeading }.map {
            .shade(
                from: Double($0) - 0.5, to: Double($0) + 0.5, orientation: .horizontal, colour: Colour(hex: "#F2F2F2"),
                opacity: 1)
        }
        let betterSide: [Series] = outcomeRows.enumerated().compactMap { index, row in
            guard let outcome = row.outcome else { return nil }
            let side = outcome.better == .higher ? 0...x.upper : x.lower...0
            return .region(x: side, y: (Double(index) - 0.44)...(Double(index) + 0.44), colour: betterTint)
        }
        let columns = sets.count == 4 ? 2 : min(sets.count, maximumColumns)
        let panels = zip(sets, panelSeries).enumerated().map { index, entry in
            Panel(
                title: sets.count > 1 ? context.pointPhrase(entry.0.point) : "", x: x, y: Axis.categories(rowLabels),
                series: shading + betterSide + entry.1, showsYTickLabels: index % columns == 0)
        }
        let pairs = pairCounts.count == 1 ? "\(pairCounts.first ?? 0) couple pairs" : "couple pairs"
        var notes = [
            "\u{2191} / \u{2193}: higher / lower is better; a marker in the tinted half of its row means the arm improves that outcome.",
            "d = paired difference / pooled SD, \u{221A}((SD\u{00B2} control + SD\u{00B2} arm)/2); CI of d = CI of the difference / pooled SD. Raw differences with units: index.html.",
        ]
        if withDerived {
            notes.append("More anxious partner: the partner with the higher day-0 anxiety a0, from couples.csv.")
        }
        if sets.count < context.pointCount {
            let shown = sets.map { String($0.point) }.joined(separator: ", ")
            notes.append(
                "Sweep points shown: \(shown) of \(context.pointCount) (dyadsim report --point LIST or --point all).")
        }
        return Figure(
            title: "Effects of each arm vs \(context.scenario.controlArm)" + context.titleSuffix(sets.map(\.point)),
            subtitle:
                "Same couples in every arm (common random numbers): paired differences over \(pairs), all replicates pooled. Bars: 95% CI (hidden behind the marker when shorter).",
            panels: panels, columns: columns, plotWidth: sets.count > 1 ? 160 : 205,
            plotHeight: Double(outcomeRows.count) * max(13, min(24, 5.5 * Double(arms.count) + 3)),
            legend: arms.map {
                LegendEntry(label: $0, symbol: .markerWithInterval(context.colour($0), context.shape($0)))
            }
                + [LegendEntry(label: "side where the arm helps", symbol: .swatch(betterTint))],
            notes: notes)
    }
}
