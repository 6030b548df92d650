/// `pairs.svg`: pairwise scatter of the last generation's particles (posterior.csv), one panel
/// per pair of parameters; marker area grows with the particle's weight (relative to the largest).
enum PosteriorPairsFigure {
    static func make(_ results: CalibrationResults) -> Figure {
        let parameters = results.parameters
        var panels: [Panel] = []
        for (first, a) in parameters.enumerated() {
            for b in parameters[(first + 1)...] {
                let xs = results.finalSample(a.path), ys = results.finalSample(b.path)
                let pairs = pairedRows(results, a.path, b.path)
                let largest = pairs.map(\.weight).max() ?? 1
                var series: [Series] = []
                for pair in pairs {
                    let size = 2 + 4 * (largest > 0 ? (pair.weight / largest).squareRoot() : 1)
                    series.append(
                        .markers(points: [(x: pair.x, y: pair.y)], colour: Palette.blue, shape: .circle, size: size))
                }
                func axis(
                    _ parameter: CalibrationResults.Parameter, _ sample: [(value: Double, weight: Double)]
                ) -> Axis {
                    let low = parameter.priorLow.isFinite ? parameter.priorLow : sample.map(\.value).min() ?? 0
                    let high = parameter.priorHigh.isFinite ? parameter.priorHigh : sample.map(\.value).max() ?? 1
                    return Axis.linear(parameter.path, minimum: low, maximum: high, loose: false, tickCount: 4)
                }
                panels.append(Panel(title: "\(b.path) vs \(a.path)", x: axis(a, xs), y: axis(b, ys), series: series))
            }
        }
        return Figure(
            title: "Posterior pairs, last generation (\(results.name))",
            subtitle: "Each marker is a particle of the last generation of posterior.csv; its area grows with its "
                + "weight. Axes span the prior's range.",
            panels: panels, columns: min(3, max(panels.count, 1)), plotWidth: 140, plotHeight: 120)
    }

    /// (x, y, weight) of the last generation's rows where both parameters are finite.
    private static func pairedRows(
        _ results: CalibrationResults, _ x: String, _ y: String
    ) -> [(x: Double, y: Double, weight: Double)] {
        let table = results.posterior
        let generations = table.numbers("generation"), weights = table.numbers("weight")
        let xs = table.numbers(x), ys = table.numbers(y)
        let last = generations.filter(\.isFinite).max() ?? 0
        return generations.indices.compactMap { row in
            guard generations[row] == last, xs[row].isFinite, ys[row].isFinite, weights[row].isFinite,
                weights[row] >= 0
            else { return nil }
            return (x: xs[row], y: ys[row], weight: weights[row])
        }
    }
}
