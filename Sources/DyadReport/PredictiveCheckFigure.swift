/// `predictive.svg`: the posterior predictive check (predictive.csv), one panel per statistic:
/// the observed target ± 2 sd (black) next to the mean and 95 % interval of the statistic over the
/// posterior predictive draws (blue); predictions have no observed value.
enum PredictiveCheckFigure {
    static func make(_ results: CalibrationResults) -> Figure {
        let observedColour = Palette.black, simulatedColour = Palette.blue
        let panels = results.checks.map { check -> Panel in
            var series: [Series] = []
            var values = [check.mean, check.low, check.high]
            if check.observed.isFinite {
                let spread = check.sd.isFinite ? 2 * check.sd : 0
                values += [check.observed - spread, check.observed + spread]
                series.append(
                    .rule(
                        value: check.observed, vertical: false,
                        stroke: Stroke(colour: Palette.grid, width: 0.8, dash: [3, 2])))
                series.append(
                    .intervals(
                        [
                            IntervalMark(
                                position: 0, low: check.observed - spread,
                                high: check.observed + spread)
                        ],
                        orientation: .vertical, stroke: Stroke(colour: observedColour, width: 1),
                        capLength: 4))
                series.append(
                    .markers(points: [(x: 0, y: check.observed)], colour: observedColour, shape: .circle, size: 6))
            }
            series.append(
                .intervals(
                    [IntervalMark(position: 1, low: check.low, high: check.high)],
                    orientation: .vertical, stroke: Stroke(colour: simulatedColour, width: 1),
                    capLength: 4))
            series.append(.markers(points: [(x: 1, y: check.mean)], colour: simulatedColour, shape: .square, size: 6))
            let finite = values.filter(\.isFinite)
            // The statistic names the x axis (the layout widens the column for a long name; a panel
            // title would run into its neighbour).
            let xAxis = Axis(
                title: check.statistic, lower: -0.6, upper: 1.6,
                ticks: [Tick(value: 0, label: "observed"), Tick(value: 1, label: "simulated")],
                gridLines: false)
            let z = check.z.isFinite ? ", z = " + ReportNumber.signed(check.z, 2) : ""
            return Panel(
                title: check.role == "target" ? "target" + z : "prediction", x: xAxis,
                y: Axis.linear("value", minimum: finite.min() ?? 0, maximum: finite.max() ?? 1, tickCount: 4),
                series: series)
        }
        return Figure(
            title: "Posterior predictive check (\(results.name))",
            subtitle: "Black: observed target value \u{00B1} 2 sd (the sd of the calibration file); blue: mean and "
                + "95% interval of the statistic over the posterior predictive draws. z = (simulated mean \u{2212} "
                + "observed) / sd.",
            panels: panels, columns: min(3, max(panels.count, 1)), plotWidth: 110, plotHeight: 100,
            legend: [
                LegendEntry(label: "observed \u{00B1} 2 sd", symbol: .markerWithInterval(observedColour, .circle)),
                LegendEntry(
                    label: "simulated mean, 95% interval",
                    symbol: .markerWithInterval(simulatedColour, .square)),
            ])
    }
}
