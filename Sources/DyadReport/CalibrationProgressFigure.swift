/// `generations.svg`: the ABC-SMC tolerance ε and the acceptance rate (accepted / simulated) of
/// each generation (generations.csv). ε₀ = ∞ (generation 0 accepts every prior draw) is not drawn.
enum CalibrationProgressFigure {
    static func make(_ results: CalibrationResults) -> Figure {
        let generations = results.generations
        let indices = generations.map(\.index).filter(\.isFinite)
        let low = indices.min() ?? 0, high = max(indices.max() ?? 1, (indices.min() ?? 0) + 1)
        let xAxis = Axis(
            title: "generation", lower: low - 0.3, upper: high + 0.3,
            ticks: Array(Set(indices)).sorted().map { Tick(value: $0, label: ReportNumber.plain($0)) })
        let stroke = Stroke(colour: Palette.blue, width: 1.2)
        func panel(
            _ title: String, _ axisTitle: String, _ values: [(x: Double, y: Double)],
            limits: ClosedRange<Double>?
        ) -> Panel {
            let finite = values.filter { $0.x.isFinite && $0.y.isFinite }
            let ys = finite.map(\.y)
            return Panel(
                title: title, x: xAxis,
                y: Axis.linear(
                    axisTitle, minimum: min(0, ys.min() ?? 0), maximum: ys.max() ?? 1, tickCount: 4,
                    limits: limits),
                series: [
                    .line(points: finite, stroke: stroke),
                    .markers(points: finite, colour: Palette.blue, shape: .circle, size: 5),
                ])
        }
        let epsilon = generations.map { (x: $0.index, y: $0.epsilon) }
        let acceptance = generations.map { (x: $0.index, y: $0.acceptanceRate) }
        return Figure(
            title: "Tolerance and acceptance by generation (\(results.name))",
            subtitle: "generations.csv: the tolerance \u{03B5} a simulation's distance \u{03C1} must not exceed "
                + "(generation 0 accepts every prior draw, \u{03B5} = \u{221E}, not drawn) and the share of "
                + "simulations accepted.",
            panels: [
                panel("Tolerance \u{03B5}", "\u{03B5} (distance)", epsilon, limits: nil),
                panel("Acceptance rate", "accepted / simulated", acceptance, limits: 0...1),
            ],
            columns: 2, plotWidth: 170, plotHeight: 110)
    }
}
