/// Where everything of a ``Figure`` goes: the figure size, the wrapped header and notes, legend
/// item positions and each panel's plotting rectangle. Sizes come from estimated text widths
/// (``TextMetrics``), so tick labels and titles never overlap their neighbours.
struct FigureLayout {
    /// A rectangle in points, origin at the top left.
    struct Frame {
        var x: Double
        var y: Double
        var width: Double
        var height: Double
    }

    static let margin = 10.0
    static let tickLength = 3.0
    static let titleLineHeight = 14.0
    static let textLineHeight = 11.5
    static let legendSymbolWidth = 20.0

    let width: Double
    let height: Double
    let titleLines: [String]
    let subtitleLines: [String]
    /// Top of the first title line's box.
    let headerTop: Double
    /// Legend entries with the top-left corner of their symbol.
    let legendItems: [(entry: LegendEntry, x: Double, y: Double)]
    /// Plotting rectangle of each panel.
    let plots: [Frame]
    /// Wrapped panel titles, one list per panel.
    let panelTitles: [[String]]
    let noteLines: [String]
    let notesTop: Double

    init(_ figure: Figure) {
        let panels = figure.panels
        let columns = max(1, min(figure.columns, panels.count))
        let rows = (panels.count + columns - 1) / columns
        let text = TextMetrics.textSize
        func column(_ index: Int) -> Int { index % columns }
        func row(_ index: Int) -> Int { index / columns }

        var leftGutters = Array(repeating: 0.0, count: columns)
        var rightPads = Array(repeating: 8.0, count: columns)
        for (index, panel) in panels.enumerated() {
            var gutter = Self.tickLength + 2
            if panel.showsYTickLabels {
                let widest = panel.y.ticks.map { TextMetrics.width($0.label, bold: $0.isBold) }.max() ?? 0
                gutter += widest + 2
                if !panel.y.title.isEmpty { gutter += text + 5 }
            }
            let span = max(1e-300, panel.x.upper - panel.x.lower)
            if panel.showsXTickLabels, let first = panel.x.ticks.first {
                let overhang =
                    TextMetrics.width(first.label) / 2 - figure.plotWidth * (first.value - panel.x.lower) / span
                gutter = max(gutter, overhang + 4)
            }
            // An x title wider than the plot overhangs both sides equally.
            let titleOverhang = panel.showsXTickLabels ? (TextMetrics.width(panel.x.title) - figure.plotWidth) / 2 : 0
            gutter = max(gutter, titleOverhang + 2)
            rightPads[column(index)] = max(rightPads[column(index)], titleOverhang + 2)
            leftGutters[column(index)] = max(leftGutters[column(index)], gutter)
            if panel.showsXTickLabels, let last = panel.x.ticks.last {
                let overhang =
                    TextMetrics.width(last.label) / 2 - figure.plotWidth * (panel.x.upper - last.value) / span
                rightPads[column(index)] = max(rightPads[column(index)], overhang + 4)
            }
        }
        let columnWidths = (0..<columns).map { leftGutters[$0] + figure.plotWidth + rightPads[$0] }
        width = 2 * Self.margin + columnWidths.reduce(0, +)
        let innerWidth = width - 2 * Self.margin

        titleLines = TextMetrics.wrap(figure.title, width: innerWidth, size: TextMetrics.titleSize, bold: true)
        subtitleLines = figure.subtitle.isEmpty ? [] : TextMetrics.wrap(figure.subtitle, width: innerWidth)
        headerTop = Self.margin
        var cursor =
            headerTop + Double(titleLines.count) * Self.titleLineHeight + Double(subtitleLines.count)
            * Self.textLineHeight + 4

        var items: [(LegendEntry, Double, Double)] = []
        var legendX = Self.margin
        if !figure.legend.isEmpty {
            for entry in figure.legend {
                let itemWidth = Self.legendSymbolWidth + 4 + TextMetrics.width(entry.label) + 12
                if legendX > Self.margin, legendX + itemWidth - 12 > width - Self.margin {
                    legendX = Self.margin
                    cursor += Self.textLineHeight + 2
                }
                items.append((entry, legendX, cursor))
                legendX += itemWidth
            }
            cursor += Self.textLineHeight + 8
        }
        legendItems = items

        let titles = panels.enumerated().map { index, panel in
            panel.title.isEmpty
                ? [] : TextMetrics.wrap(panel.title, width: figure.plotWidth + rightPads[column(index)], bold: true)
        }
        panelTitles = titles
        var plots: [Frame] = []
        var rowTop = cursor
        for rowIndex in 0..<rows {
            let members = panels.indices.filter { row($0) == rowIndex }
            let titleLineCount = members.map { titles[$0].count }.max() ?? 0
            let top = titleLineCount > 0 ? Double(titleLineCount) * Self.textLineHeight + 3 : 2
            let showsTicks = members.contains { panels[$0].showsXTickLabels }
            let showsTitle = members.contains { panels[$0].showsXTickLabels && !panels[$0].x.title.isEmpty }
            let bottom = Self.tickLength + (showsTicks ? text + 4 : 2) + (showsTitle ? text + 5 : 0) + 8
            for index in members {
                let x = Self.margin + columnWidths[0..<column(index)].reduce(0, +) + leftGutters[column(index)]
                plots.append(Frame(x: x, y: rowTop + top, width: figure.plotWidth, height: figure.plotHeight))
            }
            rowTop += top + figure.plotHeight + bottom
        }
        self.plots = plots
        notesTop = rowTop
        noteLines = figure.notes.flatMap { TextMetrics.wrap($0, width: innerWidth) }
        height = rowTop + Double(noteLines.count) * Self.textLineHeight + Self.margin
    }
}
