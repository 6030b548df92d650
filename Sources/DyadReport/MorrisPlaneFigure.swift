/// `morris-<outcome>.svg`: for one outcome, a panel per analysed output (arm and kind) with the
/// Morris μ*–σ plane: one labelled point per parameter at (μ*_j, σ_j), its bootstrap 95 %
/// interval of μ* as a horizontal whisker, and the rays σ/μ* = 0.1 and σ/μ* = 1 through the
/// origin (Morris 1991; Garcia Sanchez et al. 2014): below 0.1 the effect is close to linear and
/// additive, above 1 non-linearity or interactions dominate it. μ* (mean |elementary effect|,
/// output change per full range of the parameter) ranks importance; points far right matter.
package enum MorrisPlaneFigure {
    /// Point colours: an index above replicate noise, and one no larger than noise alone gives.
    static let pointColour = Palette.blue
    static let noisyColour = Palette.neutralFill
    static let rayColour = Palette.mutedText
    /// The σ/μ* ratios drawn as rays.
    static let ratios = [0.1, 1.0]
    static let plotSide = 230.0
    static let markerSize = 6.0

    /// The figure of `analyses` (the outputs of one outcome), or nil when every μ* and σ is 0.
    static func make(
        outcome: String, analyses: [SensitivityResults.Analysis], parameters: [String], labels: [String: String]
    ) -> Figure? {
        var notes: [String] = []
        let shown = analyses.filter { analysis in
            let values = ["mu_star", "sigma"].flatMap { index in
                parameters.compactMap { analysis.estimate(index, $0)?.value }
            }
            if values.allSatisfy({ $0 == 0 || !$0.isFinite }) {
                notes.append("\(analysis.output.label): every μ* and σ is 0 (no parameter reaches it); not shown.")
                return false
            }
            return true
        }
        guard !shown.isEmpty else { return nil }
        var anyNoisy = false
        let panels = shown.map { analysis -> Panel in
            // Parameters with μ* = σ = 0 do not reach the output: named in a note, not drawn at the origin.
            let unreached = parameters.filter { parameter in
                analysis.estimate("mu_star", parameter)?.value == 0 && analysis.estimate("sigma", parameter)?.value == 0
            }
            if !unreached.isEmpty {
                notes.append(
                    "\(analysis.output.label): μ* = σ = 0 for "
                        + unreached.map { labels[$0] ?? $0 }.joined(separator: ", ")
                        + " (they do not reach this output); not drawn.")
            }
            let (panel, noisy) = makePanel(
                analysis, parameters: parameters.filter { !unreached.contains($0) }, labels: labels)
            anyNoisy = anyNoisy || noisy
            return panel
        }
        var legend = [
            LegendEntry(
                label: "parameter: μ*, σ; 95% interval of μ*", symbol: .markerWithInterval(pointColour, .circle)),
            LegendEntry(label: "σ/μ* = 0.1 and 1", symbol: .line(Stroke(colour: rayColour, width: 0.8, dash: [4, 3]))),
        ]
        if anyNoisy {
            legend.insert(LegendEntry(label: "μ* within replicate noise", symbol: .marker(noisyColour, .circle)), at: 1)
        }
        return Figure(
            title: "Morris screening of \(outcome): the μ*–σ plane",
            subtitle: "μ*: mean absolute elementary effect (change of \(outcome) per full range of the parameter): "
                + "importance. σ: their standard deviation: non-linearity or interactions. Points right of the "
                + "others matter; above the σ/μ* = 1 line the effect depends strongly on the other parameters.",
            panels: panels, columns: min(3, panels.count), plotWidth: plotSide, plotHeight: plotSide,
            legend: legend, notes: notes)
    }

    /// One panel; also whether some μ* is within replicate noise.
    private static func makePanel(
        _ analysis: SensitivityResults.Analysis, parameters: [String], labels: [String: String]
    ) -> (Panel, Bool) {
        let rows = parameters.compactMap { parameter -> (String, SensitivityResults.Estimate, Double)? in
            guard let star = analysis.estimate("mu_star", parameter), let sigma = analysis.estimate("sigma", parameter),
                star.value.isFinite, sigma.value.isFinite
            else { return nil }
            return (parameter, star, sigma.value)
        }.sorted { $0.1.value > $1.1.value }
        let xMax = rows.map { max($0.1.value, $0.1.high.isFinite ? $0.1.high : 0) }.max() ?? 1
        let yMax = rows.map(\.2).max() ?? 1
        // 8 % headroom keeps points and labels off the top and right edges.
        let x = Axis.linear("\u{03BC}* (mean |elementary effect|)", minimum: 0, maximum: xMax > 0 ? xMax * 1.08 : 1)
        let y = Axis.linear("\u{03C3} (SD of elementary effects)", minimum: 0, maximum: yMax > 0 ? yMax * 1.08 : 1)
        let xSpan = x.upper - x.lower, ySpan = y.upper - y.lower
        func screen(_ value: (x: Double, y: Double)) -> (x: Double, y: Double) {
            ((value.x - x.lower) / xSpan * plotSide, plotSide - (value.y - y.lower) / ySpan * plotSide)
        }
        var series: [Series] = []
        var rayLabels: [TextMark] = []
        var obstacles: [LabelPlacement.Box] = []
        for ratio in ratios {
            // The ray leaves the plot at the right edge or at the top.
            let end = ratio * x.upper <= y.upper ? (x: x.upper, y: ratio * x.upper) : (x: y.upper / ratio, y: y.upper)
            series.append(
                .line(
                    points: [(x: 0, y: 0), (x: end.x, y: end.y)],
                    stroke: Stroke(colour: rayColour, width: 0.8, dash: [4, 3])))
            let text = "\u{03C3}/\u{03BC}* = \(ReportNumber.plain(ratio))"
            let atRight = end.x == x.upper
            let mark = TextMark(
                x: end.x, y: end.y, dx: atRight ? -3 : -4, dy: atRight ? -4 : 10, anchor: "end", text: text,
                colour: rayColour)
            rayLabels.append(mark)
            // The ray as a chain of small boxes labels should avoid.
            for step in 0...40 {
                let share = Double(step) / 40, point = screen((end.x * share, end.y * share))
                obstacles.append(
                    LabelPlacement.Box(
                        left: point.x - 1.5, top: point.y - 1.5, right: point.x + 1.5, bottom: point.y + 1.5,
                        weight: 0.5))
            }
            let anchor = screen((end.x, end.y)), width = TextMetrics.width(text)
            obstacles.append(
                LabelPlacement.Box(
                    left: anchor.x + mark.dx - width, top: anchor.y + mark.dy - LabelPlacement.ascent,
                    right: anchor.x + mark.dx, bottom: anchor.y + mark.dy + LabelPlacement.descent))
        }
        let intervals = rows.compactMap { row -> IntervalMark? in
            guard row.1.low.isFinite, row.1.high.isFinite else { return nil }
            return IntervalMark(position: row.2, low: max(row.1.low, x.lower), high: min(row.1.high, x.upper))
        }
        series.append(
            .intervals(
                intervals, orientation: .horizontal, stroke: Stroke(colour: Palette.mutedText, width: 0.7),
                capLength: 3))
        for interval in intervals {
            let left = screen((interval.low, interval.position)), right = screen((interval.high, interval.position))
            obstacles.append(
                LabelPlacement.Box(left: left.x, top: left.y - 2, right: right.x, bottom: left.y + 2, weight: 0.5))
        }
        let noisy = rows.filter { $0.1.belowNoise }, clear = rows.filter { !$0.1.belowNoise }
        if !noisy.isEmpty {
            series.append(
                .markers(
                    points: noisy.map { (x: $0.1.value, y: $0.2) }, colour: noisyColour, shape: .circle,
                    size: markerSize))
        }
        series.append(
            .markers(
                points: clear.map { (x: $0.1.value, y: $0.2) }, colour: pointColour, shape: .circle, size: markerSize))
        let names = rows.map { labels[$0.0] ?? $0.0 }
        let places = LabelPlacement.place(
            labels: names, at: rows.map { screen(($0.1.value, $0.2)) }, width: plotSide, height: plotSide,
            obstacles: obstacles)
        var marks: [TextMark] = []
        for (index, place) in places.enumerated() {
            let row = rows[index]
            marks.append(
                TextMark(
                    x: row.1.value, y: row.2, dx: place.dx, dy: place.dy, anchor: place.anchor, text: names[index],
                    colour: Palette.axis))
            if place.leader {
                // From the point towards the label's near edge, in data units.
                let box = LabelPlacement.box(TextMetrics.width(names[index]), screen((row.1.value, row.2)), place)
                let origin = screen((row.1.value, row.2))
                let targetX = min(max(origin.x, box.left), box.right)
                let targetY = min(max(origin.y, box.top), box.bottom)
                series.append(
                    .line(
                        points: [
                            (x: row.1.value, y: row.2),
                            (
                                x: x.lower + targetX / plotSide * xSpan,
                                y: y.lower + (plotSide - targetY) / plotSide * ySpan
                            ),
                        ], stroke: Stroke(colour: Palette.neutralFill, width: 0.6)))
            }
        }
        series.append(.labels(rayLabels + marks))
        var title = analysis.output.label
        if analysis.noiseShareOfMeans.isFinite {
            title += " (noise share \(SobolIndicesFigure.percent(analysis.noiseShareOfMeans)))"
        }
        return (Panel(title: title, x: x, y: y, series: series), !noisy.isEmpty)
    }
}
