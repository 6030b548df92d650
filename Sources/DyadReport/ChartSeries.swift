/// An sRGB colour as a CSS hex string.
struct Colour: Equatable, Hashable {
    let hex: String
}

/// Line appearance.
struct Stroke {
    var colour: Colour
    var width: Double = 1.2
    /// Dash lengths; empty for solid.
    var dash: [Double] = []
}

/// Marker shapes, so series stay distinguishable without colour.
enum MarkerShape: CaseIterable {
    case circle, square, diamond, triangle
}

/// Which way value-based marks run: horizontal = values along x, categories along y.
enum Orientation {
    case horizontal, vertical
}

/// Something drawn in a panel.
enum Series {
    /// A polyline; NaN values break it.
    case line(points: [(x: Double, y: Double)], stroke: Stroke)
    /// A shaded region between `low` and `high` over `x` (a confidence band); NaN breaks it.
    case band(x: [Double], low: [Double], high: [Double], colour: Colour, opacity: Double)
    /// Markers at points.
    case markers(points: [(x: Double, y: Double)], colour: Colour, shape: MarkerShape, size: Double)
    /// Error bars from `low` to `high` at `position` along the category/position axis.
    case intervals([IntervalMark], orientation: Orientation, stroke: Stroke, capLength: Double)
    /// Box-and-whisker summaries.
    case boxes([BoxSummary], orientation: Orientation, colour: Colour, fill: Colour, thickness: Double)
    /// A reference line across the panel at `value` of the value axis (x when vertical line).
    case rule(value: Double, vertical: Bool, stroke: Stroke)
    /// A full-width (or full-height) tinted strip from `from` to `to` (highlighted categories).
    case shade(from: Double, to: Double, orientation: Orientation, colour: Colour, opacity: Double)
    /// A tinted rectangle in data coordinates.
    case region(x: ClosedRange<Double>, y: ClosedRange<Double>, colour: Colour)
    /// Text labels anchored at data points and offset in points (not clipped).
    case labels([TextMark])
}

extension Series {
    /// Tints (shades and regions) go behind the grid lines; everything else in front.
    var isBackground: Bool {
        switch self {
        case .shade, .region: true
        default: false
        }
    }
}

/// A text label: anchored at (`x`, `y`) in data coordinates, moved by (`dx`, `dy`) points;
/// `anchor` is the SVG `text-anchor` (`start`, `middle` or `end`), the baseline at the moved point.
struct TextMark {
    var x: Double
    var y: Double
    var dx: Double
    var dy: Double
    var anchor: String
    var text: String
    var colour: Colour
}

/// An interval at a position.
struct IntervalMark {
    var position: Double
    var low: Double
    var high: Double
}

/// A five-number box summary (plus the mean) at a position.
struct BoxSummary {
    var position: Double
    var whiskerLow: Double
    var lowerQuartile: Double
    var median: Double
    var upperQuartile: Double
    var whiskerHigh: Double
    var mean: Double
}
