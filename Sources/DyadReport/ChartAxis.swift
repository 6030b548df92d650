/// One axis: a linear mapping of `lower...upper` onto the plot, ticks and a title.
struct Axis {
    /// Axis title with units, e.g. "day" or "standardised effect d (SD)".
    var title: String
    var lower: Double
    var upper: Double
    var ticks: [Tick]
    /// Categorical y axes run top to bottom.
    var reversed = false
    /// Light grid lines at the ticks.
    var gridLines = true

    /// A numeric axis with "nice" ticks covering `minimum...maximum`; with `limits` (e.g. 0...1 for
    /// shares) the data range is clamped to them and the domain never leaves them.
    static func linear(
        _ title: String, minimum: Double, maximum: Double, loose: Bool = true, tickCount: Int = 5,
        limits: ClosedRange<Double>? = nil
    ) -> Axis {
        var low = minimum.isFinite ? minimum : 0
        var high = maximum.isFinite ? maximum : 1
        if low > high { swap(&low, &high) }
        if let limits {
            low = min(max(low, limits.lowerBound), limits.upperBound)
            high = min(max(high, limits.lowerBound), limits.upperBound)
        }
        let nice = NiceTicks(minimum: low, maximum: high, count: tickCount, loose: loose)
        var lower = nice.lower, upper = nice.upper
        if let limits {
            lower = max(lower, limits.lowerBound)
            upper = min(upper, limits.upperBound)
        }
        let ticks = zip(nice.values, nice.labels)
            .filter { $0.0 >= lower - nice.step * 1e-9 && $0.0 <= upper + nice.step * 1e-9 }
            .map { Tick(value: $0.0, label: $0.1) }
        return Axis(title: title, lower: lower, upper: upper, ticks: ticks)
    }

    /// A categorical axis: category i sits at position i, the first at the top.
    static func categories(_ labels: [(label: String, style: Tick.Style)], title: String = "") -> Axis {
        Axis(
            title: title, lower: -0.5, upper: Double(labels.count) - 0.5,
            ticks: labels.enumerated().map {
                Tick(value: Double($0.offset), label: $0.element.label, style: $0.element.style)
            },
            reversed: true, gridLines: false)
    }
}

/// A tick mark and its label.
struct Tick: Equatable {
    var value: Double
    var label: String
    var style: Style = .plain

    /// How a tick label is set.
    enum Style: Equatable {
        case plain
        /// Bold: a group heading on a categorical axis (no tick mark).
        case heading
        /// Bold and vermillion: a highlighted category.
        case highlighted
    }

    /// Whether the label is bold.
    var isBold: Bool { style != .plain }
}
