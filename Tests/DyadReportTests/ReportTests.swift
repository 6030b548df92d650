import DyadCore
import DyadExperiment
import DyadIO
import DyadReport
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `dyadsim report`: nice ticks on hand-computed cases, every figure of three small simulated
/// outputs (a three-arm trial, a sweep with replicates, a styles-mode pairing study) parsed as
/// XML, and the error messages word for word.
@Suite("Report")
struct ReportTests {
    // MARK: Nice ticks

    /// Data range, target tick count, looseness and the ticks worked out by hand with Heckbert's
    /// rules: range = nice(max − min), step = nice(range / (count − 1), rounded).
    struct TickCase: Sendable, CustomTestStringConvertible {
        let minimum: Double
        let maximum: Double
        let count: Int
        let loose: Bool
        let values: [Double]
        let labels: [String]
        let lower: Double
        let upper: Double
        var testDescription: String { "\(minimum)...\(maximum), \(count) ticks\(loose ? "" : ", tight")" }
    }

    static let tickCases: [TickCase] = [
        // range nice(1) = 1, step nice(0.25) = 0.2
        TickCase(
            minimum: 0, maximum: 1, count: 5, loose: true, values: [0, 0.2, 0.4, 0.6, 0.8, 1],
            labels: ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"], lower: 0, upper: 1),
        // range nice(0.18) = 0.2, step nice(0.05) = 0.05; floor(0.73/0.05) = 14, ceil(0.91/0.05) = 19
        TickCase(
            minimum: 0.73, maximum: 0.91, count: 5, loose: true, values: [0.7, 0.75, 0.8, 0.85, 0.9, 0.95],
            labels: ["0.70", "0.75", "0.80", "0.85", "0.90", "0.95"], lower: 0.7, upper: 0.95),
        // range nice(364) = 500, step nice(100) = 100; tight: ticks inside 0...364 only
        TickCase(
            minimum: 0, maximum: 364, count: 6, loose: false, values: [0, 100, 200, 300],
            labels: ["0", "100", "200", "300"], lower: 0, upper: 364),
        // range nice(2.7) = 5, step nice(1.25) = 1; true minus signs
        TickCase(
            minimum: -2.3, maximum: 0.4, count: 5, loose: true, values: [-3, -2, -1, 0, 1],
            labels: ["\u{2212}3", "\u{2212}2", "\u{2212}1", "0", "1"], lower: -3, upper: 1),
        // range nice(3600) = 5000, step nice(1250) = 1000
        TickCase(
            minimum: 1200, maximum: 4800, count: 5, loose: true, values: [1000, 2000, 3000, 4000, 5000],
            labels: ["1000", "2000", "3000", "4000", "5000"], lower: 1000, upper: 5000),
        // range nice(0.022) = 0.05, step nice(0.0125) = 0.01
        TickCase(
            minimum: 0.003, maximum: 0.025, count: 5, loose: true, values: [0, 0.01, 0.02, 0.03],
            labels: ["0.00", "0.01", "0.02", "0.03"], lower: 0, upper: 0.03),
        // a single value is widened by 10 %: 0.45...0.55, range nice(0.1) = 0.1, step nice(0.025) = 0.02
        TickCase(
            minimum: 0.5, maximum: 0.5, count: 5, loose: true, values: [0.44, 0.46, 0.48, 0.5, 0.52, 0.54, 0.56],
            labels: ["0.44", "0.46", "0.48", "0.50", "0.52", "0.54", "0.56"], lower: 0.44, upper: 0.56),
    ]

    @Test("nice ticks on hand-computed cases", arguments: tickCases)
    func niceTicks(_ tickCase: TickCase) {
        let ticks = NiceTicks(
            minimum: tickCase.minimum, maximum: tickCase.maximum, count: tickCase.count, loose: tickCase.loose)
        #expect(ticks.values.count == tickCase.values.count)
        for (value, expected) in zip(ticks.values, tickCase.values) { #expect(abs(value - expected) < 1e-12) }
        #expect(ticks.labels == tickCase.labels)
        #expect(abs(ticks.lower - tickCase.lower) < 1e-12)
        #expect(abs(ticks.upper - tickCase.upper) < 1e-12)
    }

    @Test("nice numbers: 1, 2, 5 or 10 times a power of ten")
    func niceNumbers() {
        let rounded: [(Double, Double)] = [
            (1.4, 1), (1.6, 2), (2.9, 2), (3.1, 5), (6.9, 5), (7.1, 10), (0.031, 0.05), (140, 100),
        ]
        for (value, expected) in rounded {
            #expect(abs(NiceTicks.niceNumber(value, rounded: true) - expected) < 1e-12, "\(value)")
        }
        let ceilings: [(Double, Double)] = [(1, 1), (1.01, 2), (2, 2), (2.5, 5), (5.5, 10), (0.18, 0.2), (364, 500)]
        for (value, expected) in ceilings {
            #expect(abs(NiceTicks.niceNumber(value, rounded: false) - expected) < 1e-9, "\(value)")
        }
        #expect(NiceTicks.label(-0.25, fractionDigits: 2) == "\u{2212}0.25")
        #expect(NiceTicks.label(-0.0000001, fractionDigits: 1) == "0.0")
    }

    // MARK: Figures from simulated outputs

    static let trialScenario = """
        {
          name: "report-trial",
          description: "Tom & Jerry <trial> \\"quoted\\" 'single'",
          seed: 5, couples: 60, days: 40, burn_in_days: 10,
          population: { mode: "styles", pairings: [{ a: "anxious", b: "avoidant", share: 1 }, { a: "avoidant", b: "anxious", share: 1 }] },
          arms: [
            { name: "control" },
            { name: "validation", interventions: [{ type: "consistent_validation", target: "partner_of_more_anxious", strength: 1 }] },
            { name: "withhold", interventions: [{ type: "withhold_validation", target: "partner_of_more_anxious", strength: 1 }] },
          ],
        }
        """

    static let sweepScenario = """
        {
          name: "report-sweep", seed: 7, couples: 60, days: 40, burn_in_days: 10, replicates: 2,
          arms: [
            { name: "control" },
            { name: "soft_startup", interventions: [{ type: "soft_startup", target: "more_anxious", strength: 1 }] },
          ],
          sweep: { grid: { "arms.soft_startup.soft_startup.strength": [0.5, 1] } },
        }
        """

    static let pairingScenario = """
        { name: "report-pairings", seed: 3, couples: 400, days: 30, burn_in_days: 10, population: { mode: "styles" } }
        """

    /// Runs `scenario` through the public API into `directory`/results and returns that path.
    static func simulate(_ scenario: String, in directory: String) throws -> String {
        let file = directory + "/scenario.json5"
        try scenario.write(toFile: file, atomically: false, encoding: .utf8)
        let loaded = try ScenarioLoader.load(path: file)
        let results = directory + "/results"
        let request = RunRequest(plan: RunPlan(scenario: loaded), scenarioFile: file, directory: results, threads: 2)
        guard case .completed = try SweepRunner.execute(request, cancellation: CancellationFlag()) else {
            throw OutputError("the run was interrupted")
        }
        return results
    }

    /// A fresh temporary directory for one test.
    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "dyadsim-report-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Parses `path` as XML; returns the root element name, its attributes and all text.
    static func parseXML(_ path: String) throws -> (root: String, attributes: [String: String], text: String) {
        let data = try #require(FileManager.default.contents(atPath: path))
        let parser = XMLParser(data: data)
        let collector = XMLCollector()
        parser.delegate = collector
        let parsed = parser.parse()
        #expect(parsed, "\(path) is not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "")")
        return (collector.root ?? "", collector.rootAttributes, collector.text)
    }

    /// Checks every SVG: well-formed, an `svg` root with a viewBox and point sizes, a title, no
    /// non-finite numbers; returns the text of each file by name.
    static func checkFigures(in report: String, expected: [String]) throws -> [String: String] {
        let files = try FileManager.default.contentsOfDirectory(atPath: report).sorted()
        #expect(files == (expected + ["index.html"]).sorted(), "no temporary files left, exactly the expected figures")
        var texts: [String: String] = [:]
        for name in expected {
            let path = report + "/" + name
            let (root, attributes, text) = try parseXML(path)
            #expect(root == "svg")
            #expect(attributes["viewBox"]?.hasPrefix("0 0 ") == true)
            #expect(attributes["width"]?.hasSuffix("pt") == true)
            let source = try String(contentsOfFile: path, encoding: .utf8)
            #expect(!source.contains("nan") && !source.contains("inf"), "\(name) has a non-finite coordinate")
            #expect(source.contains("<title>"))
            texts[name] = text
        }
        let page = try parseXML(report + "/index.html")
        #expect(page.root == "html")
        texts["index.html"] = page.text
        return texts
    }

    @Test("three-arm trial: trajectories, pairings and effects with the more anxious partner")
    func trialReport() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let results = try Self.simulate(Self.trialScenario, in: directory)
        let summary = try ReportWriter.write(results: results)
        #expect(summary.directory == results + "/report")
        #expect(summary.files == ["trajectories.svg", "pairings.svg", "effects.svg", "index.html"])
        let texts = try Self.checkFigures(
            in: summary.directory, expected: ["trajectories.svg", "pairings.svg", "effects.svg"])
        let effects = try #require(texts["effects.svg"])
        #expect(effects.contains("More anxious partner (day 0)"))
        #expect(effects.contains("validation") && effects.contains("withhold"))
        #expect(effects.contains("satisfaction \u{2191}"))
        let trajectories = try #require(texts["trajectories.svg"])
        #expect(trajectories.contains("One replicate"))
        let page = try String(contentsOfFile: summary.directory + "/index.html", encoding: .utf8)
        #expect(page.contains("Tom &amp; Jerry &lt;trial&gt; &quot;quoted&quot; &apos;single&apos;"))
        #expect(page.contains("<img src=\"effects.svg\""))
        #expect(texts["index.html"]?.contains("improves") == true)
    }

    @Test("sweep with replicates: every figure, --point 1 named in the titles")
    func sweepReport() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let results = try Self.simulate(Self.sweepScenario, in: directory)
        let summary = try ReportWriter.write(results: results, to: directory + "/figures", point: 1)
        #expect(summary.files == ["trajectories.svg", "pairings.svg", "effects.svg", "sweep.svg", "index.html"])
        let texts = try Self.checkFigures(
            in: directory + "/figures", expected: ["trajectories.svg", "pairings.svg", "effects.svg", "sweep.svg"])
        for name in ["trajectories.svg", "effects.svg", "pairings.svg"] {
            #expect(texts[name]?.contains("sweep point\u{00A0}1: soft_startup strength = 1") == true, "\(name)")
        }
        #expect(texts["trajectories.svg"]?.contains("mean over 2 replicates") == true)
        let sweep = try #require(texts["sweep.svg"])
        #expect(sweep.contains("soft_startup strength (0\u{2013}1)"))
        #expect(sweep.contains("Pursue\u{2013}withdraw cycles \u{2193}"))
        // 60 traits-mode couples: most day-0 style pairings have fewer than 20 couples.
        #expect(texts["pairings.svg"]?.contains("Not shown (fewer than 20 couples)") == true)
    }

    @Test("styles-mode pairings with one arm: no effects figure, all 16 pairings")
    func pairingReport() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let results = try Self.simulate(Self.pairingScenario, in: directory)
        let summary = try ReportWriter.write(results: results)
        #expect(summary.files == ["trajectories.svg", "pairings.svg", "index.html"])
        #expect(summary.notes == ["No effects figure: the scenario has one arm (control)."])
        let texts = try Self.checkFigures(in: summary.directory, expected: ["trajectories.svg", "pairings.svg"])
        let pairings = try #require(texts["pairings.svg"])
        #expect(pairings.contains("25 couples per pairing"))
        for label in [
            "secure\u{2013}secure", "anxious\u{2013}avoidant", "avoidant\u{2013}anxious", "fearful\u{2013}fearful",
        ] {
            #expect(pairings.contains(label), "\(label)")
        }
        let secureSecure = try #require(pairings.range(of: "secure\u{2013}secure"))
        let fearfulFearful = try #require(pairings.range(of: "fearful\u{2013}fearful"))
        #expect(secureSecure.lowerBound < fearfulFearful.lowerBound, "secure–secure comes first")
    }

    // MARK: Errors

    /// A damage done to a copy of a valid output, and the message it must produce.
    struct ErrorCase: Sendable, CustomTestStringConvertible {
        let name: String
        /// Relative file and its new content (nil: delete it).
        let file: String?
        let content: String?
        let point: Int?
        let kind: ReportError.Kind
        /// The message with `<dir>` for the results directory.
        let message: String
        var testDescription: String { name }
    }

    static let dailyHeader =
        "sweep_point,replicate,arm,day,alive,arousal,conflict_arousal,security,satisfaction,in_conflict,pw_cycle_frac,distressed,dissolved_cum,a_mean,v_mean\n"

    static let errorCases: [ErrorCase] = [
        ErrorCase(
            name: "no manifest", file: "manifest.json", content: nil, point: nil, kind: .invalidData,
            message: "<dir>: not a DyadSim output directory (no manifest.json; run dyadsim run first)"),
        ErrorCase(
            name: "manifest not JSON", file: "manifest.json", content: "{ nope", point: nil, kind: .invalidData,
            message: "<dir>/manifest.json: not a valid JSON object"),
        ErrorCase(
            name: "manifest without scenario", file: "manifest.json", content: "{\"dyadsim_version\": \"0.1.0\"}",
            point: nil,
            kind: .invalidData, message: "<dir>/manifest.json: no \"scenario\" object (not a DyadSim manifest?)"),
        ErrorCase(
            name: "empty daily.csv", file: "daily.csv", content: "", point: nil, kind: .invalidData,
            message: "<dir>/daily.csv: the file is empty (no header line)"),
        ErrorCase(
            name: "short row", file: "daily.csv", content: dailyHeader + "0,0,control\n", point: nil,
            kind: .invalidData,
            message: "<dir>/daily.csv: line 2 has 3 fields, the header has 15"),
        ErrorCase(
            name: "not a number", file: "daily.csv",
            content: dailyHeader + "0,0,control,0,60,high,NA,0.6,0.7,0.2,0.1,0.1,0,0.4,0.3\n",
            point: nil, kind: .invalidData, message: "<dir>/daily.csv: line 2, column arousal: \"high\" is not a number"
        ),
        ErrorCase(
            name: "missing column", file: "effects.csv",
            content: "sweep_point,arm,control_arm,outcome,n,control_mean,arm_mean,difference,se,ci_low,ci_high\n",
            point: nil, kind: .invalidData,
            message: "<dir>/effects.csv: no column \"d\" in the header (not a DyadSim output file?)"),
        ErrorCase(
            name: "missing effects.csv", file: "effects.csv", content: nil, point: nil, kind: .invalidData,
            message: "<dir>: effects.csv is missing (an incomplete or partial DyadSim output?)"),
        ErrorCase(
            name: "missing daily.csv", file: "daily.csv", content: nil, point: nil, kind: .invalidData,
            message: "<dir>: daily.csv is missing (an incomplete or partial DyadSim output?)"),
        ErrorCase(
            name: "no rows for the point", file: "daily.csv", content: dailyHeader, point: nil, kind: .invalidData,
            message: "<dir>/daily.csv: no rows for sweep point 0"),
        ErrorCase(
            name: "point without a sweep", file: nil, content: nil, point: 1, kind: .invalidRequest,
            message: "--point 1: <dir> has no sweep (only point 0)"),
    ]

    @Test("bad input: one clear message, word for word", arguments: errorCases)
    func errorMessages(_ errorCase: ErrorCase) throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let results = try Self.simulate(Self.trialScenario, in: directory)
        if let file = errorCase.file {
            let path = results + "/" + file
            if let content = errorCase.content {
                try content.write(toFile: path, atomically: false, encoding: .utf8)
            } else {
                try FileManager.default.removeItem(atPath: path)
            }
        }
        let error = #expect(throws: ReportError.self) {
            try ReportWriter.write(results: results, point: errorCase.point)
        }
        #expect(error?.message == errorCase.message.replacingOccurrences(of: "<dir>", with: results))
        #expect(error?.kind == errorCase.kind)
    }

    @Test("bad directories and sweep points: messages word for word")
    func directoryErrors() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let missing = directory + "/nope"
        var error = #expect(throws: ReportError.self) { try ReportWriter.write(results: missing) }
        #expect(error == ReportError(.inputOutput, "cannot read \(missing): no such directory"))
        let file = directory + "/file.csv"
        try "x".write(toFile: file, atomically: false, encoding: .utf8)
        error = #expect(throws: ReportError.self) { try ReportWriter.write(results: file) }
        #expect(error == ReportError(.invalidData, "\(file) is a file, not a DyadSim output directory"))

        let results = try Self.simulate(Self.sweepScenario, in: directory)
        error = #expect(throws: ReportError.self) { try ReportWriter.write(results: results, point: 2) }
        #expect(error == ReportError(.invalidRequest, "--point 2: \(results) has sweep points 0...1"))
        error = #expect(throws: ReportError.self) { try ReportWriter.write(results: results, to: file + "/report") }
        #expect(error?.kind == .inputOutput)
        #expect(error?.message == "cannot create \(file)/report: \(file) is a file, not a directory")
    }
}

/// Collects the root element and all character data of an XML document.
private final class XMLCollector: NSObject, XMLParserDelegate {
    var root: String?
    var rootAttributes: [String: String] = [:]
    var text = ""

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if root == nil {
            root = elementName
            rootAttributes = attributes
        }
        text += " "
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }
}
