import DyadExperiment
import DyadIO
import DyadReport
import Foundation
import Testing

/// The report of a sweep answers sweep questions: the paired effect of each arm against each
/// swept value, zipped paths as one axis, every point (or a chosen list) in the trajectories and
/// effects, and each point's actual values on the page.
@Suite("Sweep report")
struct SweepReportTests {
    /// Two zipped soft start-up fields crossed with a grid of imp_harsh: 6 points.
    static let zippedScenario = """
        {
          name: "report-zip", seed: 9, couples: 50, days: 30, burn_in_days: 10, replicates: 1,
          arms: [
            { name: "control" },
            { name: "soft_startup", interventions: [{ type: "soft_startup", target: "more_anxious", strength: 1 }] },
          ],
          sweep: {
            grid: { "params.imp_harsh": [0.05, 0.15] },
            zip: {
              "arms.soft_startup.soft_startup.strength": [0.25, 0.5, 1],
              "arms.soft_startup.soft_startup.start_day": [0, 5, 10],
            },
          },
        }
        """

    private static func occurrences(of needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    /// The text of every figure with wrapped lines joined by one space (titles and notes wrap at
    /// spaces into separate text elements).
    private static func flattened(_ texts: [String: String]) -> [String: String] {
        texts.mapValues { $0.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ") }
    }

    @Test("default: every point of a small sweep; sweep.svg draws paired effects; the page shows each point's values")
    func everyPoint() throws {
        let directory = try ReportTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let results = try ReportTests.simulate(ReportTests.sweepScenario, in: directory)
        let summary = try ReportWriter.write(results: results)
        #expect(summary.files == ["trajectories.svg", "pairings.svg", "effects.svg", "sweep.svg", "index.html"])
        #expect(summary.notes.isEmpty)
        let texts = Self.flattened(
            try ReportTests.checkFigures(
                in: summary.directory, expected: ["trajectories.svg", "pairings.svg", "effects.svg", "sweep.svg"]))
        for name in ["trajectories.svg", "effects.svg"] {
            let text = try #require(texts[name])
            #expect(text.contains("sweep point\u{00A0}0: soft_startup strength = 0.5"), "\(name)")
            #expect(text.contains("sweep point\u{00A0}1: soft_startup strength = 1"), "\(name)")
        }
        let sweep = try #require(texts["sweep.svg"])
        #expect(sweep.contains("Paired effects across the sweep (2 points)"))
        #expect(sweep.contains("paired difference \u{0394} = arm \u{2212} control"))
        #expect(sweep.contains("\u{0394} share of action pairs"))
        #expect(sweep.contains("Against soft_startup strength: 2 values, joined by one line per arm."))
        let page = try String(contentsOfFile: summary.directory + "/index.html", encoding: .utf8)
        #expect(page.contains("soft_startup for more_anxious, strength swept (see the sweep points), from day 0"))
        #expect(!page.contains("strength 1,"), "the base strength 1 is used by no point")
        #expect(page.contains("<th class=\"code\">arms.soft_startup.soft_startup.strength</th>"))
        #expect(page.contains("<td class=\"number\">0.5</td>"))
        #expect(page.contains("Effects vs control (sweep point\u{00A0}0: soft_startup strength = 0.5)"))
        #expect(page.contains("Effects vs control (sweep point\u{00A0}1: soft_startup strength = 1)"))
    }

    @Test("zipped paths are one axis labelled with both; the footnote counts values and combinations")
    func zippedAxis() throws {
        let directory = try ReportTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let results = try ReportTests.simulate(Self.zippedScenario, in: directory)
        let summary = try ReportWriter.write(results: results)
        // 50 traits-mode couples: no pairing reaches 20 couples, so there is no pairing figure.
        let texts = Self.flattened(
            try ReportTests.checkFigures(
                in: summary.directory, expected: ["trajectories.svg", "effects.svg", "sweep.svg"]))
        let sweep = try #require(texts["sweep.svg"])
        let zipped = "soft_startup strength (0\u{2013}1) / soft_startup start day (day) (zipped)"
        // Four outcome rows × two axes (imp_harsh and the zip): the zip's paths never get an axis of their own.
        #expect(Self.occurrences(of: zipped, in: sweep) == 4)
        #expect(Self.occurrences(of: "soft_startup start day (day)", in: sweep) == 4)
        #expect(Self.occurrences(of: "imp_harsh (range 0\u{2013}1)", in: sweep) == 4)
        #expect(sweep.contains("0.25 / 0") && sweep.contains("0.5 / 5") && sweep.contains("1 / 10"))
        #expect(sweep.contains("Paired effects across the sweep (6 points)"))
        #expect(
            sweep.contains(
                "Against soft_startup strength / soft_startup start day: 3 values (the zipped paths "
                    + "vary together) \u{00D7} 2 combinations of the other swept values: solid line imp_harsh = 0.05; dashed "
                    + "line imp_harsh = 0.15."))
        #expect(
            sweep.contains(
                "Against imp_harsh: 2 values \u{00D7} 3 combinations of the other swept values: solid "
                    + "line soft_startup strength = 0.25, soft_startup start day = 0; dashed line soft_startup strength = 0.5, "
                    + "soft_startup start day = 5; dotted line soft_startup strength = 1, soft_startup start day = 10.")
        )
        // Six points: four are shown by default, spread from the first to the last, and the page says so.
        #expect(
            summary.notes.last == "Trajectories and effects show sweep points 0, 2, 3, 5 of 6; choose others "
                + "with --point LIST (e.g. --point 0,5,9) or --point all.")
        let effects = try #require(texts["effects.svg"])
        for point in [0, 2, 3, 5] { #expect(effects.contains("sweep point\u{00A0}\(point):"), "point \(point)") }
        for point in [1, 4] { #expect(!effects.contains("sweep point\u{00A0}\(point):"), "point \(point)") }
        let all = try ReportWriter.write(results: results, to: directory + "/all", points: .all)
        #expect(!all.notes.contains { $0.hasPrefix("Trajectories and effects show") })
        let trajectories = try String(contentsOfFile: directory + "/all/trajectories.svg", encoding: .utf8)
        for point in 0..<6 { #expect(trajectories.contains("sweep point\u{00A0}\(point):"), "point \(point)") }
    }

    @Test("point selections: all of a small sweep, an even spread of a large one, a list sorted and checked")
    func selections() throws {
        #expect(try ReportWriter.selectedPoints(.automatic, count: 1, path: "d") == [0])
        #expect(try ReportWriter.selectedPoints(.automatic, count: 4, path: "d") == [0, 1, 2, 3])
        #expect(try ReportWriter.selectedPoints(.automatic, count: 10, path: "d") == [0, 3, 6, 9])
        #expect(try ReportWriter.selectedPoints(.automatic, count: 5, path: "d") == [0, 1, 3, 4])
        #expect(try ReportWriter.selectedPoints(.all, count: 6, path: "d") == [0, 1, 2, 3, 4, 5])
        #expect(try ReportWriter.selectedPoints(.list([4, 1, 4]), count: 6, path: "d") == [1, 4])
        #expect(throws: ReportError(.invalidRequest, "--point 6: d has sweep points 0...5")) {
            try ReportWriter.selectedPoints(.list([1, 6]), count: 6, path: "d")
        }
        #expect(throws: ReportError(.invalidRequest, "--point 1: d has no sweep (only point 0)")) {
            try ReportWriter.selectedPoints(.list([1]), count: 1, path: "d")
        }
    }

    @Test("a one-arm sweep has no paired effects: no sweep figure, and a note says why")
    func oneArmSweep() throws {
        let directory = try ReportTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let results = try ReportTests.simulate(
            """
            { name: "one-arm", seed: 2, couples: 40, days: 20, burn_in_days: 5,
              sweep: { grid: { "params.imp_harsh": [0.05, 0.15] } } }
            """, in: directory)
        let summary = try ReportWriter.write(results: results)
        #expect(
            summary.files == ["trajectories.svg", "pairings.svg", "index.html"]
                || summary.files == ["trajectories.svg", "index.html"])
        #expect(
            summary.notes.contains(
                "No sweep figure: with one arm there are no paired effects (summary.csv has each point's levels)."))
    }
}
