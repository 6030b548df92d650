/// `pairings.svg`: per-couple outcome distributions by attachment pairing (partner a – partner b)
/// in the control arm: satisfaction and pursue–withdraw share as box plots, the dissolved share
/// with its 95 % Wilson interval. Anxious–avoidant pairings are highlighted (docs/model.md §10.2, SF15–SF17).
enum PairingFigure {
    /// Pairings with fewer couples are left out (and listed in a note).
    static let minimumCouples = 20

    /// One pairing's couples and summaries.
    struct Pairing {
        let styleA: String
        let styleB: String
        let count: Int
        var satisfaction: [Double] = []
        var pursueWithdraw: [Double] = []
        var dissolved = 0
        /// Whether the figure highlights the pairing (anxious–avoidant among other pairings).
        var highlights = true

        var label: String { "\(styleA)\u{2013}\(styleB)" }
        /// Anxious with avoidant, either order (and highlighted).
        var isAnxiousAvoidant: Bool { highlights && Set([styleA, styleB]) == ["anxious", "avoidant"] }
    }

    /// Columns of couples.csv the figure reads.
    static let numberColumns = ["satisfaction", "pw_cycle_frac", "dissolved"]
    static let labelColumns = ["arm", "style0_a", "style0_b", "proto_a", "proto_b"]

    /// Ordering rank of the standard styles: secure first, fearful last, others after.
    private static let styleRank = ["secure": 0, "anxious": 1, "avoidant": 2, "fearful": 3]

    /// The control-arm couples grouped by pairing, ordered secure–secure first, then by the
    /// most insecure partner, the other partner and partner a (each order of a pairing adjacent).
    static func pairings(_ couples: ReportTable, context: ReportContext) -> [Pairing] {
        let styles = context.scenario.populationMode == "styles"
        let columnA = couples.labels(styles ? "proto_a" : "style0_a"),
            columnB = couples.labels(styles ? "proto_b" : "style0_b")
        let arms = couples.labels("arm")
        let satisfaction = couples.numbers("satisfaction"), pursueWithdraw = couples.numbers("pw_cycle_frac")
        let dissolved = couples.numbers("dissolved")
        var groups: [String: Pairing] = [:]
        var counts: [String: Int] = [:]
        for row in 0..<couples.rowCount
        where arms[row] == context.scenario.controlArm && columnA[row] != "NA" && columnB[row] != "NA" {
            counts[columnA[row] + "\u{0}" + columnB[row], default: 0] += 1
        }
        for row in 0..<couples.rowCount
        where arms[row] == context.scenario.controlArm && columnA[row] != "NA" && columnB[row] != "NA" {
            let key = columnA[row] + "\u{0}" + columnB[row]
            var pairing = groups[key] ?? Pairing(styleA: columnA[row], styleB: columnB[row], count: counts[key] ?? 0)
            pairing.satisfaction.append(satisfaction[row])
            pairing.pursueWithdraw.append(pursueWithdraw[row])
            if dissolved[row] == 1 { pairing.dissolved += 1 }
            groups[key] = pairing
        }
        func rank(_ style: String) -> Int { styleRank[style] ?? 4 }
        return groups.values.sorted { left, right in
            let leftKey = [
                max(rank(left.styleA), rank(left.styleB)), min(rank(left.styleA), rank(left.styleB)), rank(left.styleA),
            ]
            let rightKey = [
                max(rank(right.styleA), rank(right.styleB)), min(rank(right.styleA), rank(right.styleB)),
                rank(right.styleA),
            ]
            if leftKey != rightKey { return leftKey.lexicographicallyPrecedes(rightKey) }
            return left.label < right.label
        }
    }

    /// The figure for the pairings of sweep point `point`.
    static func make(_ all: [Pairing], point: Int, context: ReportContext) -> Figure {
        var shown = all.filter { $0.count >= minimumCouples }
        if shown.allSatisfy(\.isAnxiousAvoidant) {
            // Nothing to contrast: drop the highlight.
            shown = shown.map {
                var plain = $0; plain.highlights = false; return plain
            }
        }
        let skipped = all.filter { $0.count < minimumCouples }
        let counts = shown.map(\.count)
        let uniform = counts.min() == counts.max()
        let labels: [(String, Tick.Style)] = shown.map {
            ($0.label + (uniform ? "" : " (\($0.count))"), $0.isAnxiousAvoidant ? .highlighted : .plain)
        }
        let highlighted = shown.indices.filter { shown[$0].isAnxiousAvoidant }
        let shading: [Series] = highlighted.map {
            .shade(
                from: Double($0) - 0.5, to: Double($0) + 0.5, orientation: .horizontal, colour: Palette.highlightTint,
                opacity: 1)
        }
        let days = context.scenario.days
        func boxPanel(_ title: String, axisTitle: String, values: (Pairing) -> [Double], first: Bool) -> Panel {
            var plain: [BoxSummary] = [], marked: [BoxSummary] = []
            var minimum = Double.infinity, maximum = -Double.infinity
            for (index, pairing) in shown.enumerated() {
                guard let box = ReportStatistics.box(values(pairing), position: Double(index)) else { continue }
                minimum = min(minimum, box.whiskerLow)
                maximum = max(maximum, box.whiskerHigh)
                if pairing.isAnxiousAvoidant { marked.append(box) } else { plain.append(box) }
            }
            return Panel(
                title: title,
                x: Axis.linear(
                    axisTitle, minimum: minimum.isFinite ? minimum : 0, maximum: maximum.isFinite ? maximum : 1,
                    tickCount: 4, limits: 0...1),
                y: Axis.categories(labels),
                series: shading + [
                    .boxes(
                        plain, orientation: .horizontal, colour: Palette.axis, fill: Palette.neutralFill,
                        thickness: 0.62),
                    .boxes(
                        marked, orientation: .horizontal, colour: Palette.vermillion, fill: Colour(hex: "#F3B88C"),
                        thickness: 0.62),
                ],
                showsYTickLabels: first)
        }
        let satisfactionPanel = boxPanel(
            "Satisfaction", axisTitle: "Sat at day \(days) (0\u{2013}1)", values: \.satisfaction, first: true)
        let cyclePanel = boxPanel(
            "Pursue\u{2013}withdraw", axisTitle: "share of action pairs", values: \.pursueWithdraw, first: false)
        var intervals: [IntervalMark] = [], points: [(x: Double, y: Double)] = [],
            markedPoints: [(x: Double, y: Double)] = []
        var highest = 0.0
        for (index, pairing) in shown.enumerated() {
            let share = ReportStatistics.wilson(successes: pairing.dissolved, trials: pairing.count)
            intervals.append(IntervalMark(position: Double(index), low: share.low, high: share.high))
            if pairing.isAnxiousAvoidant {
                markedPoints.append((share.share, Double(index)))
            } else {
                points.append((share.share, Double(index)))
            }
            highest = max(highest, share.high)
        }
        let dissolvedPanel = Panel(
            title: "Dissolution",
            x: Axis.linear(
                "share dissolved by day \(days)", minimum: 0, maximum: max(highest, 0.01), tickCount: 4, limits: 0...1),
            y: Axis.categories(labels),
            series: shading + [
                .intervals(
                    intervals, orientation: .horizontal, stroke: Stroke(colour: Palette.axis, width: 1), capLength: 0),
                .markers(points: points, colour: Palette.axis, shape: .circle, size: 5),
                .markers(points: markedPoints, colour: Palette.vermillion, shape: .circle, size: 5),
            ],
            showsYTickLabels: false)
        let countText = uniform ? "\(counts.first ?? 0) couples per pairing" : "couples per pairing in parentheses"
        let grouping =
            context.scenario.populationMode == "styles"
            ? "prototype (proto_a\u{2013}proto_b)" : "day-0 style (style0_a\u{2013}style0_b)"
        var notes: [String] = []
        if !skipped.isEmpty {
            notes.append(
                "Not shown (fewer than \(minimumCouples) couples): "
                    + skipped.map { "\($0.label) (\($0.count))" }.joined(separator: ", ") + ".")
        }
        return Figure(
            title: "Outcomes by attachment pairing, arm \(context.scenario.controlArm)" + context.titleSuffix([point]),
            subtitle: "Pairing = partner a \u{2013} partner b by \(grouping); \(countText), all replicates pooled."
                + (highlighted.isEmpty ? "" : " Anxious\u{2013}avoidant pairings highlighted."),
            panels: [satisfactionPanel, cyclePanel, dissolvedPanel], columns: 3, plotWidth: 104,
            plotHeight: Double(max(shown.count, 3)) * 14,
            legend: [
                LegendEntry(
                    label: "quartiles, median, 5th\u{2013}95th percentile; \u{25CB} mean",
                    symbol: .box(Palette.axis, fill: Palette.neutralFill)),
                LegendEntry(label: "share with 95% Wilson CI", symbol: .markerWithInterval(Palette.axis, .circle)),
            ]
                + (highlighted.isEmpty
                    ? [] : [LegendEntry(label: "anxious\u{2013}avoidant", symbol: .swatch(Palette.highlightTint))]),
            notes: notes)
    }
}
