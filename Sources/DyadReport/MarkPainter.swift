/// Draws ``Series`` marks of one panel in data coordinates.
struct MarkPainter {
    let panel: PanelPainter

    init(panel: PanelPainter) { self.panel = panel }

    func draw(_ series: Series, into document: inout MarkupDocument) {
        let n = MarkupDocument.number
        let clip: [(String, String)] = [("clip-path", "url(#\(panel.clipIdentifier))")]
        switch series {
        case .line(let points, let stroke):
            for run in Self.finiteRuns(points.map { ($0.x, $0.y, $0.y) }) where run.count > 1 {
                document.leaf(
                    "polyline",
                    Self.strokeAttributes(stroke) + clip + [
                        ("fill", "none"), ("stroke-linejoin", "round"),
                        ("points", MarkupDocument.points(run.map { (panel.x($0.0), panel.y($0.1)) })),
                    ])
            }
        case .band(let xs, let lows, let highs, let colour, let opacity):
            let triples = xs.indices.map { (xs[$0], lows[$0], highs[$0]) }
            for run in Self.finiteRuns(triples) where run.count > 1 {
                let outline =
                    run.map { (panel.x($0.0), panel.y($0.2)) } + run.reversed().map { (panel.x($0.0), panel.y($0.1)) }
                document.leaf(
                    "polygon",
                    clip + [
                        ("points", MarkupDocument.points(outline)), ("fill", colour.hex), ("fill-opacity", n(opacity)),
                        ("stroke", "none"),
                    ])
            }
        case .markers(let points, let colour, let shape, let size):
            for point in points where point.x.isFinite && point.y.isFinite {
                Self.marker(
                    shape, x: panel.x(point.x), y: panel.y(point.y), size: size, colour: colour, into: &document)
            }
        case .intervals(let intervals, let orientation, let stroke, let capLength):
            for interval in intervals
            where interval.low.isFinite && interval.high.isFinite && interval.position.isFinite {
                let ends =
                    orientation == .horizontal
                    ? (
                        from: (panel.x(interval.low), panel.y(interval.position)),
                        to: (panel.x(interval.high), panel.y(interval.position))
                    )
                    : (
                        from: (panel.x(interval.position), panel.y(interval.low)),
                        to: (panel.x(interval.position), panel.y(interval.high))
                    )
                segment(ends.from, ends.to, stroke, into: &document)
                guard capLength > 0 else { continue }
                for end in [ends.from, ends.to] {
                    if orientation == .horizontal {
                        segment((end.0, end.1 - capLength / 2), (end.0, end.1 + capLength / 2), stroke, into: &document)
                    } else {
                        segment((end.0 - capLength / 2, end.1), (end.0 + capLength / 2, end.1), stroke, into: &document)
                    }
                }
            }
        case .boxes(let boxes, let orientation, let colour, let fill, let thickness):
            for box in boxes {
                drawBox(
                    box, orientation: orientation, colour: colour, fill: fill, thickness: thickness, into: &document)
            }
        case .rule(let value, let vertical, let stroke):
            let frame = panel.frame
            if vertical {
                segment((panel.x(value), frame.y), (panel.x(value), frame.y + frame.height), stroke, into: &document)
            } else {
                segment((frame.x, panel.y(value)), (frame.x + frame.width, panel.y(value)), stroke, into: &document)
            }
        case .region(let xs, let ys, let colour):
            let left = panel.x(xs.lowerBound), right = panel.x(xs.upperBound)
            let top = min(panel.y(ys.lowerBound), panel.y(ys.upperBound)),
                bottom = max(panel.y(ys.lowerBound), panel.y(ys.upperBound))
            document.leaf(
                "rect",
                clip + [
                    ("x", n(min(left, right))), ("y", n(top)), ("width", n(abs(right - left))),
                    ("height", n(bottom - top)), ("fill", colour.hex),
                ])
        case .shade(let from, let to, let orientation, let colour, let opacity):
            let frame = panel.frame
            let rectangle: (Double, Double, Double, Double) =
                orientation == .horizontal
                ? (frame.x, min(panel.y(from), panel.y(to)), frame.width, abs(panel.y(to) - panel.y(from)))
                : (min(panel.x(from), panel.x(to)), frame.y, abs(panel.x(to) - panel.x(from)), frame.height)
            document.leaf(
                "rect",
                clip + [
                    ("x", n(rectangle.0)), ("y", n(rectangle.1)), ("width", n(rectangle.2)), ("height", n(rectangle.3)),
                    ("fill", colour.hex), ("fill-opacity", n(opacity)),
                ])
        case .labels(let marks):
            for mark in marks where mark.x.isFinite && mark.y.isFinite {
                document.element(
                    "text",
                    [
                        ("x", n(panel.x(mark.x) + mark.dx)), ("y", n(panel.y(mark.y) + mark.dy)),
                        ("text-anchor", mark.anchor), ("fill", mark.colour.hex),
                    ], content: mark.text)
            }
        }
    }

    private func drawBox(
        _ box: BoxSummary, orientation: Orientation, colour: Colour, fill: Colour, thickness: Double,
        into document: inout MarkupDocument
    ) {
        let n = MarkupDocument.number
        let thin = Stroke(colour: colour, width: 0.8)
        // Work in (value, position) screen space, swapping for vertical boxes.
        let horizontal = orientation == .horizontal
        func point(_ value: Double, _ offset: Double) -> (Double, Double) {
            horizontal
                ? (panel.x(value), panel.y(box.position + offset)) : (panel.x(box.position + offset), panel.y(value))
        }
        let half = thickness / 2
        segment(point(box.whiskerLow, 0), point(box.lowerQuartile, 0), thin, into: &document)
        segment(point(box.upperQuartile, 0), point(box.whiskerHigh, 0), thin, into: &document)
        for end in [box.whiskerLow, box.whiskerHigh] {
            segment(point(end, -half * 0.5), point(end, half * 0.5), thin, into: &document)
        }
        let corner1 = point(box.lowerQuartile, -half), corner2 = point(box.upperQuartile, half)
        document.leaf(
            "rect",
            [
                ("x", n(min(corner1.0, corner2.0))), ("y", n(min(corner1.1, corner2.1))),
                ("width", n(abs(corner2.0 - corner1.0))), ("height", n(abs(corner2.1 - corner1.1))),
                ("fill", fill.hex), ("stroke", colour.hex), ("stroke-width", "0.8"),
            ])
        segment(point(box.median, -half), point(box.median, half), Stroke(colour: colour, width: 1.8), into: &document)
        if box.mean.isFinite {
            let centre = point(box.mean, 0)
            document.leaf(
                "circle",
                [
                    ("cx", n(centre.0)), ("cy", n(centre.1)), ("r", "1.9"), ("fill", "#FFFFFF"), ("stroke", colour.hex),
                    ("stroke-width", "0.8"),
                ])
        }
    }

    private func segment(
        _ from: (Double, Double), _ to: (Double, Double), _ stroke: Stroke, into document: inout MarkupDocument
    ) {
        let n = MarkupDocument.number
        document.leaf(
            "line",
            Self.strokeAttributes(stroke) + [("x1", n(from.0)), ("y1", n(from.1)), ("x2", n(to.0)), ("y2", n(to.1))])
    }

    /// Stroke colour, width and dash pattern as attributes.
    static func strokeAttributes(_ stroke: Stroke) -> [(String, String)] {
        var attributes = [("stroke", stroke.colour.hex), ("stroke-width", MarkupDocument.number(stroke.width))]
        if !stroke.dash.isEmpty {
            attributes.append(("stroke-dasharray", stroke.dash.map(MarkupDocument.number).joined(separator: " ")))
        }
        return attributes
    }

    /// A filled marker centred at (`x`, `y`) with a thin white outline (keeps overlaps readable).
    static func marker(
        _ shape: MarkerShape, x: Double, y: Double, size: Double, colour: Colour, into document: inout MarkupDocument
    ) {
        let n = MarkupDocument.number
        let r = size / 2
        let paint: [(String, String)] = [("fill", colour.hex), ("stroke", "#FFFFFF"), ("stroke-width", "0.5")]
        switch shape {
        case .circle:
            document.leaf("circle", paint + [("cx", n(x)), ("cy", n(y)), ("r", n(r))])
        case .square:
            let side = size * 0.9
            document.leaf(
                "rect",
                paint + [("x", n(x - side / 2)), ("y", n(y - side / 2)), ("width", n(side)), ("height", n(side))])
        case .diamond:
            let d = r * 1.25
            document.leaf(
                "polygon",
                paint + [("points", MarkupDocument.points([(x, y - d), (x + d, y), (x, y + d), (x - d, y)]))])
        case .triangle:
            let d = r * 1.2
            document.leaf(
                "polygon",
                paint + [("points", MarkupDocument.points([(x, y - d), (x + d, y + d * 0.75), (x - d, y + d * 0.75)]))])
        }
    }

    /// Splits a sequence at non-finite values into runs of finite ones.
    static func finiteRuns(_ values: [(Double, Double, Double)]) -> [[(Double, Double, Double)]] {
        var runs: [[(Double, Double, Double)]] = [[]]
        for value in values {
            if value.0.isFinite && value.1.isFinite && value.2.isFinite {
                runs[runs.count - 1].append(value)
            } else if !runs[runs.count - 1].isEmpty {
                runs.append([])
            }
        }
        return runs.filter { !$0.isEmpty }
    }
}
