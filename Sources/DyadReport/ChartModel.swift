/// A tiny chart model: a ``Figure`` holds ``Panel``s in a grid; a panel has two ``Axis`` values
/// and ``Series`` drawn in data coordinates; ``SVGRenderer`` turns a figure into one SVG file.
/// Lengths are in points (1/72 inch): the SVG's user unit is one point.
struct Figure {
    /// Bold heading, wrapped to the figure width.
    var title: String
    /// One or more sentences under the title (what is plotted, n, intervals), wrapped.
    var subtitle: String = ""
    /// Panels in reading order, filling `columns` columns.
    var panels: [Panel]
    var columns: Int = 1
    /// Size of each panel's plotting area.
    var plotWidth: Double
    var plotHeight: Double
    /// Legend entries, shown under the subtitle.
    var legend: [LegendEntry] = []
    /// Footnotes under the panels (e.g. what was skipped).
    var notes: [String] = []
}

/// One plotting area with its axes and series.
struct Panel {
    /// Heading above the plot (what is shown, with units).
    var title: String = ""
    var x: Axis
    var y: Axis
    /// Drawn in order (first at the back).
    var series: [Series]
    /// Hidden on panels that share an axis with a neighbour (small multiples).
    var showsXTickLabels = true
    var showsYTickLabels = true
}

/// A legend item: a symbol and its label.
struct LegendEntry {
    enum Symbol {
        case line(Stroke)
        case band(Colour)
        case lineWithBand(Stroke)
        case marker(Colour, MarkerShape)
        case markerWithInterval(Colour, MarkerShape)
        case box(Colour, fill: Colour)
        case swatch(Colour)
    }

    var label: String
    var symbol: Symbol
}
