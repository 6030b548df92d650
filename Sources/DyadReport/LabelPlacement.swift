import Foundation

/// Greedy placement of point labels in a plot so that they stay inside it and avoid each other,
/// the points and other marks: each label tries twelve directions around its point (right, left,
/// above, below, then the diagonals) at four distances (the outer three with a leader line) and
/// takes the first free place, else the one with the least weighted overlap. Labels are placed in
/// the given order, so the first points get the best places. O(n² · 48) for n labels.
package struct LabelPlacement {
    /// A placed label: offset from its point (points, y down) and SVG text anchor, and whether it
    /// needs a leader line back to the point.
    package struct Placement: Equatable {
        /// Horizontal offset of the label's anchor from its point, in points.
        package var dx: Double
        /// Vertical offset (y down), in points.
        package var dy: Double
        /// SVG `text-anchor`: start, middle or end.
        package var anchor: String
        /// True when the label sits away from its point and needs a leader line.
        package var leader: Bool
    }

    /// An axis-aligned box in plot coordinates (origin top left, y down); `weight` scales the cost
    /// of covering it (labels and points 1, lines less).
    package struct Box {
        /// Left edge (x of the smaller side).
        package var left: Double
        /// Top edge (y of the smaller side, y down).
        package var top: Double
        /// Right edge.
        package var right: Double
        /// Bottom edge.
        package var bottom: Double
        /// Cost factor of covering the box (labels and points 1, lines less).
        package var weight = 1.0

        /// A box from its edges.
        package init(left: Double, top: Double, right: Double, bottom: Double, weight: Double = 1) {
            (self.left, self.top, self.right, self.bottom, self.weight) = (left, top, right, bottom, weight)
        }

        /// The overlap area with `other` (square points); 0 when they do not intersect.
        package func overlap(_ other: Box) -> Double {
            let width = min(right, other.right) - max(left, other.left)
            let height = min(bottom, other.bottom) - max(top, other.top)
            return width > 0 && height > 0 ? width * height : 0
        }
    }

    /// Text height above and below the baseline (points) for ``TextMetrics/textSize``.
    static let ascent = TextMetrics.textSize * 0.75
    static let descent = TextMetrics.textSize * 0.25
    /// Half the side of the box kept free around each point.
    static let pointRadius = 3.5
    /// Gap between a point and its label at the three distances (points).
    static let distances = [4.0, 14.0, 26.0, 40.0]

    /// Places `labels` at `points` (plot coordinates: 0...width from the left, 0...height from
    /// the top), keeping clear of `obstacles`.
    package static func place(
        labels: [String], at points: [(x: Double, y: Double)], width: Double, height: Double,
        obstacles: [Box] = []
    ) -> [Placement] {
        var taken =
            obstacles
            + points.map {
                Box(
                    left: $0.x - pointRadius, top: $0.y - pointRadius, right: $0.x + pointRadius,
                    bottom: $0.y + pointRadius)
            }
        var result: [Placement] = []
        for (label, point) in zip(labels, points) {
            let textWidth = TextMetrics.width(label)
            var best: (placement: Placement, box: Box, cost: Double)?
            search: for (ring, distance) in distances.enumerated() {
                for degrees in directions {
                    let placement = self.placement(degrees: degrees, distance: distance, leader: ring > 0)
                    let box = self.box(textWidth, point, placement)
                    let outside =
                        max(0, -box.left) + max(0, box.right - width) + max(0, -box.top) + max(0, box.bottom - height)
                    let covered = taken.reduce(0) { $0 + $1.overlap(box) * $1.weight }
                    let cost = outside * 1000 + covered + Double(ring) * 3
                    if cost < best?.cost ?? .infinity { best = (placement, box, cost) }
                    if outside == 0 && covered == 0 { break search }
                }
            }
            guard let chosen = best else { continue }
            taken.append(chosen.box)
            result.append(chosen.placement)
        }
        return result
    }

    /// Directions in degrees (0 right, 90 up), nearest-looking first.
    private static let directions: [Double] = [0, 180, 90, 270, 30, -30, 150, -150, 60, -60, 120, -120]

    /// The offset and anchor of a label `distance` points beyond the point's edge towards `degrees`.
    package static func placement(degrees: Double, distance: Double, leader: Bool) -> Placement {
        let angle = degrees * Double.pi / 180
        let reach = pointRadius + distance
        let cosine = cos(angle), sine = sin(angle)
        let anchor = cosine > 0.3 ? "start" : cosine < -0.3 ? "end" : "middle"
        var dy = -reach * sine + (ascent - descent) / 2
        if anchor == "middle" { dy += sine > 0 ? -(ascent - descent) / 2 - descent : ascent - (ascent - descent) / 2 }
        return Placement(dx: reach * cosine, dy: dy, anchor: anchor, leader: leader)
    }

    /// The box of `label` text of width `textWidth` placed at `placement` from `point`.
    package static func box(_ textWidth: Double, _ point: (x: Double, y: Double), _ placement: Placement) -> Box {
        let x = point.x + placement.dx, baseline = point.y + placement.dy
        let left =
            switch placement.anchor {
            case "end": x - textWidth
            case "middle": x - textWidth / 2
            default: x
            }
        return Box(left: left, top: baseline - ascent, right: left + textWidth, bottom: baseline + descent)
    }
}
