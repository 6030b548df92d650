/// `marginals.svg`: for each calibrated parameter, the prior (generation 0 of posterior.csv, which
/// ABC-SMC draws from the prior) against the posterior (the last generation, weighted) as density
/// histograms over the prior's range, with the posterior's weighted 95 % interval and median.
/// Density of bin k = Σ weights in bin / (Σ weights · bin width), so each histogram integrates to 1.
package enum CalibrationMarginalsFigure {
    /// Histogram bins over the prior's range.
    package static let binCount = 20

    /// The weighted density histogram of `sample` over `lower...upper` (`binCount` bins); values
    /// outside the range are left out.
    package static func density(
        _ sample: [(value: Double, weight: Double)], lower: Double, upper: Double
    ) -> [Double] {
        var mass = Array(repeating: 0.0, count: binCount)
        let total = sample.reduce(0) { $0 + $1.weight }
        let width = (upper - lower) / Double(binCount)
        guard total > 0, total.isFinite, width > 0, width.isFinite else { return mass }
        for particle in sample {
            let share = (particle.value - lower) / (upper - lower)
            guard share.isFinite, share >= 0, share <= 1 else { continue }
            mass[min(Int(share * Double(binCount)), binCount - 1)] += particle.weight
        }
        return mass.map { $0 / (total * width) }
    }

    static func make(_ results: CalibrationResults) -> Figure {
        let firstGeneration = results.posterior.numbers("generation").filter(\.isFinite).min() ?? 0
        let prior = Palette.neutralFill, posterior = Palette.blue
        let panels = results.parameters.map { parameter -> Panel in
            let priorSample = results.sample(parameter.path, generation: firstGeneration)
            let finalSample = results.finalSample(parameter.path)
            let values = (priorSample + finalSample).map(\.value)
            var lower = parameter.priorLow.isFinite ? parameter.priorLow : values.min() ?? 0
            var upper = parameter.priorHigh.isFinite ? parameter.priorHigh : values.max() ?? 1
            if !(upper > lower) { (lower, upper) = (lower - 0.5, lower + 0.5) }
            let width = (upper - lower) / Double(binCount)
            let priorDensity = density(priorSample, lower: lower, upper: upper)
            let posteriorDensity = density(finalSample, lower: lower, upper: upper)
            var series: [Series] = priorDensity.enumerated().compactMap { bin, height in
                guard height > 0, height.isFinite, width > 0, width.isFinite else { return nil }
                let left = lower + Double(bin) * width
                return .region(x: left...(left + width), y: 0...height, colour: prior)
            }
            var outline: [(x: Double, y: Double)] = [(x: lower, y: 0)]
            for (bin, height) in posteriorDensity.enumerated() {
                let left = lower + Double(bin) * width
                outline += [(x: left, y: height), (x: left + width, y: height)]
            }
            outline.append((x: upper, y: 0))
            series.append(.line(points: outline, stroke: Stroke(colour: posterior, width: 1.4)))
            let top = max(priorDensity.max() ?? 0, posteriorDensity.max() ?? 0)
            let mark = top * 1.08
            let interval = IntervalMark(position: mark, low: parameter.q025, high: parameter.q975)
            series.append(
                .intervals(
                    [interval], orientation: .horizontal,
                    stroke: Stroke(colour: posterior, width: 1), capLength: 3))
            series.append(.markers(points: [(x: parameter.q50, y: mark)], colour: posterior, shape: .diamond, size: 5))
            return Panel(
                title: parameter.path,
                x: Axis.linear(parameter.path, minimum: lower, maximum: upper, loose: false, tickCount: 4),
                y: Axis.linear("density", minimum: 0, maximum: mark * 1.05, tickCount: 4),
                series: series)
        }
        return Figure(
            title: "Prior and posterior of each parameter (\(results.name))",
            subtitle: "Grey bars: prior (generation 0 of posterior.csv, drawn from the prior); blue line: weighted "
                + "posterior of the last generation; both as densities over the prior's range in \(binCount) bins. "
                + "Diamond and bar: posterior median and weighted 95% interval (posterior-summary.csv).",
            panels: panels, columns: min(3, panels.count), plotWidth: 150, plotHeight: 100,
            legend: [
                LegendEntry(label: "prior", symbol: .swatch(prior)),
                LegendEntry(
                    label: "posterior (last generation)",
                    symbol: .line(Stroke(colour: posterior, width: 1.4))),
                LegendEntry(
                    label: "posterior median, 95% interval",
                    symbol: .markerWithInterval(posterior, .diamond)),
            ])
    }
}
