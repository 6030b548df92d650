/// Draws one panel: grid, series (clipped to the plot where they are continuous), axes with
/// ticks and labels, axis titles and the panel title.
struct PanelPainter {
    let panel: Panel
    let frame: FigureLayout.Frame
    let clipIdentifier: String

    /// Horizontal position of data value `value`.
    func x(_ value: Double) -> Double {
        frame.x + (value - panel.x.lower) / (panel.x.upper - panel.x.lower) * frame.width
    }

    /// Vertical position of data value `value` (top to bottom when the axis is reversed).
    func y(_ value: Double) -> Double {
        let share = (value - panel.y.lower) / (panel.y.upper - panel.y.lower)
        return panel.y.reversed ? frame.y + share * frame.height : frame.y + frame.height - share * frame.height
    }

    mutating func draw(titleLines: [String], into document: inout MarkupDocument) {
        let n = MarkupDocument.number
        document.open("g", [("class", "panel")])
        let marks = MarkPainter(panel: self)
        for series in panel.series where series.isBackground { marks.draw(series, into: &document) }
        drawGrid(into: &document)
        for series in panel.series where !series.isBackground { marks.draw(series, into: &document) }
        drawAxes(into: &document)
        for (index, line) in titleLines.enumerated() {
            let baseline = frame.y - 4 - Double(titleLines.count - 1 - index) * FigureLayout.textLineHeight
            document.element("text", [("x", n(frame.x)), ("y", n(baseline)), ("font-weight", "bold")], content: line)
        }
        document.close()
    }

    private func drawGrid(into document: inout MarkupDocument) {
        let n = MarkupDocument.number
        let grid: [(String, String)] = [("stroke", Palette.grid.hex), ("stroke-width", "0.5")]
        if panel.x.gridLines {
            for tick in panel.x.ticks {
                document.leaf(
                    "line",
                    grid + [
                        ("x1", n(x(tick.value))), ("y1", n(frame.y)), ("x2", n(x(tick.value))),
                        ("y2", n(frame.y + frame.height)),
                    ])
            }
        }
        if panel.y.gridLines {
            for tick in panel.y.ticks {
                document.leaf(
                    "line",
                    grid + [
                        ("x1", n(frame.x)), ("y1", n(y(tick.value))), ("x2", n(frame.x + frame.width)),
                        ("y2", n(y(tick.value))),
                    ])
            }
        }
    }

    private func drawAxes(into document: inout MarkupDocument) {
        let n = MarkupDocument.number
        let tick = FigureLayout.tickLength
        let axisStroke: [(String, String)] = [
            ("stroke", Palette.axis.hex), ("stroke-width", "0.7"), ("stroke-linecap", "square"),
        ]
        let bottom = frame.y + frame.height
        document.leaf(
            "line",
            axisStroke + [("x1", n(frame.x)), ("y1", n(bottom)), ("x2", n(frame.x + frame.width)), ("y2", n(bottom))])
        document.leaf(
            "line", axisStroke + [("x1", n(frame.x)), ("y1", n(frame.y)), ("x2", n(frame.x)), ("y2", n(bottom))])
        for mark in panel.x.ticks {
            document.leaf(
                "line",
                axisStroke + [
                    ("x1", n(x(mark.value))), ("y1", n(bottom)), ("x2", n(x(mark.value))), ("y2", n(bottom + tick)),
                ])
            if panel.showsXTickLabels {
                document.element(
                    "text",
                    [
                        ("x", n(x(mark.value))), ("y", n(bottom + tick + 2 + TextMetrics.textSize * 0.8)),
                        ("text-anchor", "middle"),
                    ], content: mark.label)
            }
        }
        var widestLabel = 0.0
        for mark in panel.y.ticks {
            if mark.style != .heading {
                document.leaf(
                    "line",
                    axisStroke + [
                        ("x1", n(frame.x - tick)), ("y1", n(y(mark.value))), ("x2", n(frame.x)),
                        ("y2", n(y(mark.value))),
                    ])
            }
            guard panel.showsYTickLabels else { continue }
            var attributes: [(String, String)] = [
                ("x", n(frame.x - tick - 2)), ("y", n(y(mark.value) + TextMetrics.textSize * 0.35)),
                ("text-anchor", "end"),
            ]
            switch mark.style {
            case .plain: break
            case .heading: attributes += [("font-weight", "bold")]
            case .highlighted: attributes += [("font-weight", "bold"), ("fill", Palette.vermillion.hex)]
            }
            document.element("text", attributes, content: mark.label)
            widestLabel = max(widestLabel, TextMetrics.width(mark.label, bold: mark.isBold))
        }
        if panel.showsXTickLabels, !panel.x.title.isEmpty {
            let baseline = bottom + tick + 2 + TextMetrics.textSize * 0.8 + 4 + TextMetrics.textSize
            document.element(
                "text", [("x", n(frame.x + frame.width / 2)), ("y", n(baseline)), ("text-anchor", "middle")],
                content: panel.x.title)
        }
        if panel.showsYTickLabels, !panel.y.title.isEmpty {
            let centreX = frame.x - tick - 2 - widestLabel - 4 - TextMetrics.textSize * 0.3
            let centreY = frame.y + frame.height / 2
            document.element(
                "text",
                [
                    ("x", n(centreX)), ("y", n(centreY)), ("text-anchor", "middle"),
                    ("transform", "rotate(-90 \(n(centreX)) \(n(centreY)))"),
                ], content: panel.y.title)
        }
    }
}
