import DyadIO
import DyadReport
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `dyadsim report` of a `dyadsim analyze` folder, on hand-written sensitivity.csv files with known
/// indices: one bar per parameter and index whose length and whiskers match the file's value and
/// interval, Morris points at (μ*, σ) with their labels, and malformed files refused with one line.
@Suite("Report of a sensitivity analysis")
struct SensitivityReportTests {
    static let header = "outcome,arm,kind,parameter,method,index,value,ci_low,ci_high"
    /// (parameter, S1, S1 low, S1 high, ST, ST low, ST high); ST order: p.b, p.c, p.a.
    static let sobol: [(String, Double, Double, Double, Double, Double, Double)] = [
        ("params.alpha", 0.1, -0.05, 0.25, 0.15, 0.05, 0.3),
        ("params.beta", 0.5, 0.3, 0.7, 0.6, 0.45, 0.8),
        ("params.gamma", 0.2, 0.1, 0.35, 0.4, 0.2, 0.55),
    ]
    /// (parameter, μ*, μ* low, μ* high, σ).
    static let morris: [(String, Double, Double, Double, Double)] = [
        ("params.alpha", 0.2, 0.1, 0.3, 0.05),
        ("params.beta", 0.8, 0.6, 1.0, 0.9),
        ("params.gamma", 0.5, 0.4, 0.6, 0.3),
        ("arms.validation.consistent_validation.strength", 0.05, 0.0, 0.1, 0.4),
    ]

    /// A folder holding `csv` as sensitivity.csv.
    static func folder(_ directory: String, _ csv: String, noise: String? = nil) throws -> String {
        let folder = directory + "/analysis"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try csv.write(toFile: folder + "/sensitivity.csv", atomically: true, encoding: .utf8)
        if let noise { try noise.write(toFile: folder + "/sensitivity_noise.csv", atomically: true, encoding: .utf8) }
        return folder
    }

    static func sobolCSV(outputs: [(String, String)] = [("control", "level"), ("validation", "effect")]) -> String {
        var lines = [header]
        for (arm, kind) in outputs {
            for row in sobol {
                lines.append("satisfaction,\(arm),\(kind),\(row.0),sobol,S1,\(row.1),\(row.2),\(row.3)")
                lines.append("satisfaction,\(arm),\(kind),\(row.0),sobol,ST,\(row.4),\(row.5),\(row.6)")
            }
            lines.append("satisfaction,\(arm),\(kind),params.alpha×params.beta,sobol,S2,0.01,-0.1,0.1")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func morrisCSV() -> String {
        var lines = [header]
        for row in morris {
            lines.append("dissolved,validation,effect,\(row.0),morris,mu,\(row.1),\(row.2),\(row.3)")
            lines.append("dissolved,validation,effect,\(row.0),morris,mu_star,\(row.1),\(row.2),\(row.3)")
            lines.append("dissolved,validation,effect,\(row.0),morris,sigma,\(row.4),\(row.4 / 2),\(row.4 * 1.5)")
        }
        for index in ["mu", "mu_star", "sigma"] {
            lines.append("dissolved,validation,effect,params.delta,morris,\(index),0,0,0")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test("Sobol: one S1 and one ST bar per parameter, whiskers at the interval, sorted by ST, a line at 0")
    func sobolBars() throws {
        let directory = try ReportTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let noise =
            ([
                "outcome,arm,kind,parameter,method,index,value,noise_threshold,below_noise,replicates,"
                    + "noise_share,noise_share_of_means"
            ]
            + Self.sobol.flatMap { row in
                ["S1", "ST"].map { "satisfaction,control,level,\(row.0),sobol,\($0),0.1,0.02,0,2,0.01,0.005" }
            }).joined(separator: "\n")
        let folder = try Self.folder(directory, Self.sobolCSV(), noise: noise)
        let summary = try ReportWriter.write(results: folder, to: directory + "/report")
        #expect(summary.files == ["sobol-satisfaction.svg", "index.html"])
        let elements = try SVGElements.read(directory + "/report/sobol-satisfaction.svg")
        #expect(Set(elements.map(\.panel)) == [-1, 0, 1])
        for panel in 0..<2 {
            let marks = elements.filter { $0.panel == panel }
            let zero = try #require(marks.first { $0.name == "line" && $0["stroke-dasharray"] == "3 2" })
            let x0 = try #require(zero.number("x1"))
            let bars = marks.filter { $0.name == "rect" && $0["clip-path"] != nil }
            let whiskers = marks.filter {
                $0.name == "line" && $0["stroke"] == "#000000" && $0["y1"] == $0["y2"] && $0["x1"] != $0["x2"]
            }
            #expect(bars.count == 2 * Self.sobol.count && whiskers.count == 2 * Self.sobol.count)
            for (index, colour, value, low, high) in [
                ("S1", "#56B4E9", 1, 2, 3), ("ST", "#0072B2", 4, 5, 6),
            ] {
                let coloured = bars.filter { $0["fill"] == colour }
                #expect(coloured.count == Self.sobol.count, "\(index)")
                // Bars top to bottom follow ST from the largest.
                let order = coloured.sorted { ($0.number("y") ?? 0) < ($1.number("y") ?? 0) }
                let expected = Self.sobol.sorted { $0.4 > $1.4 }
                for (bar, row) in zip(order, expected) {
                    let numbers = [row.1, row.2, row.3, row.4, row.5, row.6]
                    let left = try #require(bar.number("x")), width = try #require(bar.number("width"))
                    #expect(abs(left - x0) < 0.02)
                    let scale = width / numbers[value - 1]
                    let centre = try #require(bar.number("y")) + (try #require(bar.number("height"))) / 2
                    let whisker = try #require(whiskers.first { abs(($0.number("y1") ?? 0) - centre) < 0.02 })
                    let ends = [try #require(whisker.number("x1")), try #require(whisker.number("x2"))].sorted()
                    #expect(abs((ends[0] - x0) / scale - numbers[low - 1]) < 1e-3, "\(row.0) \(index) low")
                    #expect(abs((ends[1] - x0) / scale - numbers[high - 1]) < 1e-3, "\(row.0) \(index) high")
                }
            }
            let labels = marks.filter { $0.name == "text" && $0["text-anchor"] == "end" }.map(\.text)
            #expect(labels == ["beta", "gamma", "alpha"])
            // The noise thresholds are ticks only where sensitivity_noise.csv has them (control, level).
            let ticks = marks.filter { $0.name == "line" && $0["stroke"] == "#D55E00" }
            #expect(ticks.count == (panel == 0 ? 2 * Self.sobol.count : 0))
        }
        let page = try String(contentsOfFile: directory + "/report/index.html", encoding: .utf8)
        for row in Self.sobol { #expect(page.contains(row.0)) }
        #expect(page.contains("[0.450, 0.800]") && page.contains("Sobol indices S1"))
    }

    @Test("Sobol notes: S1 summing above 1 and wide intervals are pointed out")
    func sobolNotes() throws {
        let directory = try ReportTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let csv = [
            Self.header, "distressed,control,level,params.alpha,sobol,S1,0.7,0.6,0.8",
            "distressed,control,level,params.alpha,sobol,ST,0.8,0.7,0.9",
            "distressed,control,level,params.beta,sobol,S1,0.5,0.1,0.9",
            "distressed,control,level,params.beta,sobol,ST,0.6,0.2,1.0",
        ].joined(separator: "\n")
        let folder = try Self.folder(directory, csv)
        _ = try ReportWriter.write(results: folder, to: directory + "/report")
        let text = try SVGElements.read(directory + "/report/sobol-distressed.svg").map(\.text).joined(separator: " ")
        #expect(text.contains("S1 indices sum to 1.20 > 1"))
        #expect(text.contains("95% intervals up to 0.80 wide"))
    }

    @Test("Morris: a point per parameter at (μ*, σ), its label, the rays σ/μ* = 0.1 and 1, and a table")
    func morrisPlane() throws {
        let directory = try ReportTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let folder = try Self.folder(directory, Self.morrisCSV())
        let summary = try ReportWriter.write(results: folder, to: directory + "/report")
        #expect(summary.files == ["morris-dissolved.svg", "index.html"])
        let elements = try SVGElements.read(directory + "/report/morris-dissolved.svg")
        let frame = try #require(elements.first { $0.name == "rect" && $0.inClipPath })
        let left = try #require(frame.number("x"))
        let bottom = try #require(frame.number("y")) + (try #require(frame.number("height")))
        let circles = elements.filter { $0.panel == 0 && $0.name == "circle" && $0["fill"] == "#0072B2" }
        #expect(circles.count == Self.morris.count)
        // Positions are linear in (μ*, σ) from the origin at the plot's bottom-left corner: left to
        // right in μ* order, and distances in the ratios of the values.
        let points = try circles.map {
            (x: try #require($0.number("cx")) - left, y: bottom - (try #require($0.number("cy"))))
        }
        .sorted { $0.x < $1.x }
        let rows = Self.morris.sorted { $0.1 < $1.1 }
        let reference = try #require(points.last), largest = try #require(rows.last)
        for (row, point) in zip(rows, points) {
            #expect(abs(point.x / reference.x - row.1 / largest.1) < 0.005, "\(row.0) μ*")
            #expect(abs(point.y / reference.y - row.4 / largest.4) < 0.005, "\(row.0) σ")
        }
        let texts = elements.filter { $0.name == "text" }
        for label in ["σ/μ* = 0.1", "σ/μ* = 1"] { #expect(texts.contains { $0.text == label }, "\(label)") }
        // Each parameter's label sits near its point (within 40 points of it).
        for (label, row) in zip(["alpha", "beta", "gamma", "validation.strength"], Self.morris) {
            let text = try #require(texts.first { $0.text == label }, "\(label)")
            let point = try #require(
                points.first { abs($0.x / reference.x - row.1 / largest.1) < 0.005 }, "\(label)")
            let x = try #require(text.number("x")) - left, y = bottom - (try #require(text.number("y")))
            // A centred label's anchor is half its width (under 3.5 points a character) from its edge.
            let slack = text["text-anchor"] == "middle" ? 3.5 * Double(label.count) : 0
            #expect(abs(x - point.x) < 40 + slack && abs(y - point.y) < 40, "\(label)")
        }
        // A parameter with μ* = σ = 0 does not reach the output: a note, no point.
        #expect(texts.contains { $0.text.contains("μ* = σ = 0 for delta") })
        #expect(!texts.contains { $0.text == "delta" })
        let rays = elements.filter { $0.name == "polyline" && $0["stroke-dasharray"] == "4 3" }
        #expect(rays.count == 2)
        let page = try String(contentsOfFile: directory + "/report/index.html", encoding: .utf8)
        // μ*_conf is the half-width of the interval (0.8: [0.6, 1.0]).
        #expect(page.contains("μ*_conf") && page.contains("<td class=\"number\">0.200</td>"))
    }

    @Test(
        "a malformed sensitivity.csv is one line naming file, line, column and value; exit 65; no report",
        arguments: [
            ("params.alpha,sobol,S1,0.1,0,0.2", "sensitivity.csv: no column \"ci_high\"", false),
            ("params.alpha,sobol,S1,abc,0,0.2", "line 3, column value: \"abc\" is not a number", true),
            ("params.alpha,sobl,S1,0.1,0,0.2", "line 3, column method: \"sobl\"", true),
            ("params.alpha,sobol,mu_star,0.1,0,0.2", "line 3, column index: \"mu_star\"", true),
        ])
    func malformed(row: String, message: String, keepHeader: Bool) throws {
        let directory = try ReportTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let header = keepHeader ? Self.header : "outcome,arm,kind,parameter,method,index,value,ci_low"
        let first = "satisfaction,control,level,params.beta,sobol,S1,0.1,0,0.2"
        let csv = [header, keepHeader ? first : String(first.dropLast(4)), "satisfaction,control,level," + row]
            .joined(separator: "\n")
        let folder = try Self.folder(directory, csv)
        do {
            _ = try ReportWriter.write(results: folder, to: directory + "/report")
            Issue.record("no error for \(row)")
        } catch {
            #expect(error.exitCode == 65, "\(error.lines)")
            #expect(error.lines.count == 1, "\(error.lines)")
            #expect(error.lines[0].contains("sensitivity.csv") && error.lines[0].contains(message), "\(error.lines)")
        }
        #expect(!FileManager.default.fileExists(atPath: directory + "/report"))
    }

    @Test("--outcomes chooses the figures; an unknown outcome is a request error with a suggestion")
    func outcomes() throws {
        let directory = try ReportTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let folder = try Self.folder(directory, Self.sobolCSV())
        do {
            _ = try ReportWriter.write(results: folder, to: directory + "/report", outcomes: ["satisfactoin"])
            Issue.record("no error")
        } catch {
            #expect(error.exitCode == 64 && error.lines[0].contains("did you mean \"satisfaction\""), "\(error.lines)")
        }
        #expect(!FileManager.default.fileExists(atPath: directory + "/report"))
        do {
            _ = try ReportWriter.write(results: folder, to: directory + "/report", points: .all)
            Issue.record("no error")
        } catch {
            #expect(error.exitCode == 64 && error.lines[0].contains("--point"), "\(error.lines)")
        }
    }
}

/// Label placement on a crowded plot: every label inside the plot and no two labels overlapping
/// while there is room for them.
@Suite("Label placement")
struct LabelPlacementTests {
    @Test("clustered points get labels inside the plot that overlap neither each other nor the points")
    func clustered() {
        var points: [(x: Double, y: Double)] = []
        for index in 0..<8 { points.append((x: 100 + Double(index % 3) * 4, y: 100 + Double(index / 3) * 4)) }
        let labels = (0..<8).map { "parameter_\($0)" }
        let placements = LabelPlacement.place(labels: labels, at: points, width: 230, height: 230)
        #expect(placements.count == labels.count)
        // Boxes with 5.4 points a character, within the layout's estimate for these labels (5.44).
        var exact: [LabelPlacement.Box] = []
        for index in placements.indices {
            exact.append(LabelPlacement.box(Double(labels[index].count) * 5.4, points[index], placements[index]))
        }
        for box in exact { #expect(box.left >= 0 && box.top >= 0 && box.right <= 230 && box.bottom <= 230) }
        for i in exact.indices {
            for j in exact.indices where j > i {
                #expect(exact[i].overlap(exact[j]) < 1, "\(labels[i]) and \(labels[j])")
            }
            for point in points {
                let marker = LabelPlacement.Box(
                    left: point.x - 3, top: point.y - 3, right: point.x + 3, bottom: point.y + 3)
                #expect(exact[i].overlap(marker) == 0, "\(labels[i])")
            }
        }
    }
}

/// The elements of an SVG file in document order, with the panel (`<g class="panel">`, 0-based;
/// -1 outside panels) each belongs to.
struct SVGElements {
    struct Element {
        let name: String
        let attributes: [String: String]
        var text: String
        let panel: Int
        let inClipPath: Bool

        subscript(_ attribute: String) -> String? { attributes[attribute] }
        func number(_ attribute: String) -> Double? { attributes[attribute].flatMap(Double.init) }
    }

    static func read(_ path: String) throws -> [Element] {
        let data = try #require(FileManager.default.contents(atPath: path))
        let parser = XMLParser(data: data)
        let collector = Collector()
        parser.delegate = collector
        #expect(parser.parse(), "\(path) is not well-formed XML")
        return collector.elements
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        var panel = -1
        var panelCount = 0
        var stack: [(name: String, index: Int, isPanel: Bool)] = []
        var clipDepth = 0

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            let isPanel = name == "g" && attributes["class"] == "panel"
            if isPanel {
                panel = panelCount
                panelCount += 1
            }
            if name == "clipPath" { clipDepth += 1 }
            elements.append(
                Element(name: name, attributes: attributes, text: "", panel: panel, inClipPath: clipDepth > 0))
            stack.append((name, elements.count - 1, isPanel))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard let top = stack.last else { return }
            elements[top.index].text += string
        }

        func parser(
            _ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?
        ) {
            if let top = stack.popLast(), top.isPanel { panel = -1 }
            if name == "clipPath" { clipDepth -= 1 }
        }
    }
}
