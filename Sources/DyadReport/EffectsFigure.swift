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

    static func rows(_ estimates: [EffectEstimate], derived: [EffectEstimate], arms: [String]) -> [Row] {
        var rows: [Row] = []
        for group in groups(includesMoreAnxious: !derived.isEmpty) {
            let source = group.heading == ReportOutcome.moreAnxiousPartner.heading ? derived : estimates
            rows.append(Row(label: group.heading, isHeading: true, outcome: nil, estimates: []))
            for outcome in group.outcomes {
                let found = arms.compactMap { arm in source.first { $0.arm == arm && $0.outcome == outcome.name } }
                rows.append(Row(label: outcome.label + " " + outcome.better.arrow, isHeading: false, outcome: outcome, estimates: found))
            }
        }
        return rows
    }

    /// Tint of the half of each row where an effect is an improvement.
    static let betterTint = Colour(hex: "#E4EEF6")

    static func make(_ estimates: [EffectEstimate], derived: [EffectEstimate], context: ReportContext) -> Figure {
        let arms = context.scenario.treatmentArms
        let rows = rows(estimates, derived: derived, arms: arms)
        let spacing = min(0.26, 0.78 / Double(max(arms.count, 1)))
        var series: [Series] = [
            .rule(value: 0, vertical: true, stroke: Stroke(colour: Palette.axis, width: 0.7, dash: [3, 2])),
        ]
        var minimum = 0.0, maximum = 0.0
        var pairCounts: Set<Int> = []
        for (armIndex, arm) in arms.enumerated() {
            let offset = (Double(armIndex) - Double(arms.count - 1) / 2) * spacing
            var intervals: [IntervalMark] = [], points: [(x: Double, y: Double)] = []
            for (rowIndex, row) in rows.enumerated() {
                guard let estimate = row.estimates.first(where: { $0.arm == arm }), estimate.d.isFinite else { continue }
                let interval = estimate.dInterval
                let position = Double(rowIndex) + offset
                points.append((estimate.d, position))
                if interval.low.isFinite { intervals.append(IntervalMark(position: position, low: interval.low, high: interval.high)) }
                for value in [estimate.d, interval.low, interval.high] where value.isFinite {
                    minimum = min(minimum, value)
                    maximum = max(maximum, value)
                }
                if row.outcome?.name == "satisfaction" { pairCounts.insert(estimate.count) }
            }
            series.append(.intervals(intervals, orientation: .horizontal, stroke: Stroke(colour: context.colour(arm), width: 1.1), capLength: 0))
            series.append(.markers(points: points, colour: context.colour(arm), shape: context.shape(arm), size: 5.5))
        }
        let labels: [(String, Tick.Style)] = rows.map { ($0.label, $0.isHeading ? .heading : .plain) }
        let shading: [Series] = rows.indices.filter { rows[$0].isHeading }.map {
            .shade(from: Double($0) - 0.5, to: Double($0) + 0.5, orientation: .horizontal, colour: Colour(hex: "#F2F2F2"), opacity: 1)
        }
        let x = Axis.linear("standardised effect d vs \(context.scenario.controlArm) (SD units), 95% CI", minimum: minimum, maximum: maximum, tickCount: 6)
        let betterSide: [Series] = rows.enumerated().compactMap { index, row in
            guard let outcome = row.outcome else { return nil }
            let side = outcome.better == .higher ? 0...x.upper : x.lower...0
            return .region(x: side, y: (Double(index) - 0.44)...(Double(index) + 0.44), colour: betterTint)
        }
        let panel = Panel(x: x, y: Axis.categories(labels), series: shading + betterSide + series)
        let point = context.pointPhrase
        let pairs = pairCounts.count == 1 ? "\(pairCounts.first ?? 0) couple pairs" : "couple pairs"
        var notes = [
            "\u{2191} / \u{2193}: higher / lower is better; a marker in the tinted half of its row means the arm improves that outcome.",
            "d = paired difference / pooled SD, \u{221A}((SD\u{00B2} control + SD\u{00B2} arm)/2); CI of d = CI of the difference / pooled SD. Raw differences with units: index.html.",
        ]
        if !derived.isEmpty {
            notes.append("More anxious partner: the partner with the higher day-0 anxiety a0, from couples.csv.")
        }
        return Figure(
            title: "Effects of each arm vs \(context.scenario.controlArm)" + (point.isEmpty ? "" : " \u{2014} " + point),
            subtitle: "Same couples in every arm (common random numbers): paired differences over \(pairs), all replicates pooled. Bars: 95% CI (hidden behind the marker when shorter).",
            panels: [panel], columns: 1, plotWidth: 205, plotHeight: Double(rows.count) * max(13, min(24, 5.5 * Double(arms.count) + 3)),
            legend: arms.map { LegendEntry(label: $0, symbol: .markerWithInterval(context.colour($0), context.shape($0))) }
                + [LegendEntry(label: "side where the arm helps", symbol: .swatch(betterTint))],
            notes: notes)
    }
}
