/// Renders a ``Figure`` as one self-contained SVG document (white background, `viewBox` in
/// points, fonts named with generic fallbacks, no scripts or external references).
enum SVGRenderer {
    static let fontFamily = "Helvetica, Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif"

    /// The SVG text of `figure`.
    static func render(_ figure: Figure) -> String {
        let layout = FigureLayout(figure)
        let n = MarkupDocument.number
        var document = MarkupDocument()
        document.open(
            "svg",
            [
                ("xmlns", "http://www.w3.org/2000/svg"), ("version", "1.1"),
                ("width", n(layout.width) + "pt"), ("height", n(layout.height) + "pt"),
                ("viewBox", "0 0 \(n(layout.width)) \(n(layout.height))"),
                ("font-family", fontFamily), ("font-size", n(TextMetrics.textSize)),
            ])
        document.element("title", content: figure.title)
        if !figure.subtitle.isEmpty { document.element("desc", content: figure.subtitle) }
        document.leaf(
            "rect",
            [("x", "0"), ("y", "0"), ("width", n(layout.width)), ("height", n(layout.height)), ("fill", "#FFFFFF")])
        document.open("defs")
        for (index, frame) in layout.plots.enumerated() {
            document.open("clipPath", [("id", "plot-\(index)")])
            document.leaf(
                "rect", [("x", n(frame.x)), ("y", n(frame.y)), ("width", n(frame.width)), ("height", n(frame.height))])
            document.close()
        }
        document.close()
        drawHeader(layout, into: &document)
        for (index, panel) in figure.panels.enumerated() {
            var painter = PanelPainter(panel: panel, frame: layout.plots[index], clipIdentifier: "plot-\(index)")
            painter.draw(titleLines: layout.panelTitles[index], into: &document)
        }
        for (index, line) in layout.noteLines.enumerated() {
            document.element(
                "text",
                [
                    ("x", n(FigureLayout.margin)),
                    ("y", n(layout.notesTop + Double(index) * FigureLayout.textLineHeight + 9)),
                    ("fill", Palette.mutedText.hex),
                ], content: line)
        }
        document.close()
        return document.rendered(prologue: MarkupDocument.xmlDeclaration)
    }

    private static func drawHeader(_ layout: FigureLayout, into document: inout MarkupDocument) {
        let n = MarkupDocument.number
        for (index, line) in layout.titleLines.enumerated() {
            let baseline = layout.headerTop + TextMetrics.titleSize + Double(index) * FigureLayout.titleLineHeight
            document.element(
                "text",
                [
                    ("x", n(FigureLayout.margin)), ("y", n(baseline)), ("font-size", n(TextMetrics.titleSize)),
                    ("font-weight", "bold"),
                ], content: line)
        }
        let subtitleTop = layout.headerTop + Double(layout.titleLines.count) * FigureLayout.titleLineHeight
        for (index, line) in layout.subtitleLines.enumerated() {
            let baseline = subtitleTop + TextMetrics.textSize + 1 + Double(index) * FigureLayout.textLineHeight
            document.element(
                "text", [("x", n(FigureLayout.margin)), ("y", n(baseline)), ("fill", Palette.mutedText.hex)],
                content: line)
        }
        for item in layout.legendItems {
            LegendPainter.draw(item.entry.symbol, x: item.x, middle: item.y + 5, into: &document)
            document.element(
                "text", [("x", n(item.x + FigureLayout.legendSymbolWidth + 4)), ("y", n(item.y + 8.5))],
                content: item.entry.label)
        }
    }
}

/// Draws legend symbols (a short line, a swatch, a marker with its interval …).
enum LegendPainter {
    static func draw(_ symbol: LegendEntry.Symbol, x: Double, middle: Double, into document: inout MarkupDocument) {
        let width = FigureLayout.legendSymbolWidth
        let n = MarkupDocument.number
        switch symbol {
        case .line(let stroke):
            document.leaf(
                "line",
                MarkPainter.strokeAttributes(stroke) + [
                    ("x1", n(x)), ("y1", n(middle)), ("x2", n(x + width)), ("y2", n(middle)),
                ])
        case .band(let colour):
            document.leaf(
                "rect",
                [
                    ("x", n(x)), ("y", n(middle - 4)), ("width", n(width)), ("height", "8"), ("fill", colour.hex),
                    ("fill-opacity", "0.25"),
                ])
        case .lineWithBand(let stroke):
            document.leaf(
                "rect",
                [
                    ("x", n(x)), ("y", n(middle - 4)), ("width", n(width)), ("height", "8"),
                    ("fill", stroke.colour.hex), ("fill-opacity", "0.2"),
                ])
            document.leaf(
                "line",
                MarkPainter.strokeAttributes(stroke) + [
                    ("x1", n(x)), ("y1", n(middle)), ("x2", n(x + width)), ("y2", n(middle)),
                ])
        case .marker(let colour, let shape):
            MarkPainter.marker(shape, x: x + width / 2, y: middle, size: 6, colour: colour, into: &document)
        case .markerWithInterval(let colour, let shape):
            document.leaf(
                "line",
                MarkPainter.strokeAttributes(Stroke(colour: colour, width: 1.2)) + [
                    ("x1", n(x + 2)), ("y1", n(middle)), ("x2", n(x + width - 2)), ("y2", n(middle)),
                ])
            MarkPainter.marker(shape, x: x + width / 2, y: middle, size: 6, colour: colour, into: &document)
        case .box(let colour, let fill):
            document.leaf(
                "line",
                MarkPainter.strokeAttributes(Stroke(colour: colour, width: 0.8)) + [
                    ("x1", n(x)), ("y1", n(middle)), ("x2", n(x + width)), ("y2", n(middle)),
                ])
            document.leaf(
                "rect",
                [
                    ("x", n(x + 5)), ("y", n(middle - 4)), ("width", n(width - 10)), ("height", "8"),
                    ("fill", fill.hex), ("stroke", colour.hex), ("stroke-width", "0.8"),
                ])
        case .swatch(let colour):
            document.leaf(
                "rect",
                [("x", n(x + 4)), ("y", n(middle - 4)), ("width", n(width - 8)), ("height", "8"), ("fill", colour.hex)])
        }
    }
}
