import DyadCore
import DyadReport
import Foundation
import Testing

/// `episodes.svg`: one traced conflict episode per arm, drawn from traces.csv.
@Suite("Report episode traces")
struct EpisodeTraceReportTests {
    /// A two-arm trial with traces; `parameters` goes into the scenario as is.
    static func scenario(traces: Bool, parameters: String = "params: { theta_flood: 0.55 }") -> String {
        """
        { name: "episodes", seed: 11, couples: 80, days: 20, burn_in_days: 10, \(parameters),
          arms: [{ name: "control" },
                 { name: "validation", interventions: [{ type: "consistent_validation", target: "both", start_day: 3 }] }],
          outputs: { \(traces ? "traces: { couples: 6 }" : "") } }
        """
    }

    /// The rows of a CSV file as dictionaries by column name.
    static func table(_ path: String) throws -> [[String: String]] {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        let header = try #require(lines.first)
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    /// Attributes of every element named `name` in `text`.
    static func elements(_ name: String, in text: String) -> [[String: String]] {
        let pattern = try? NSRegularExpression(pattern: "<\(name)\\b([^>]*)/?>")
        let attribute = try? NSRegularExpression(pattern: "([a-z0-9-]+)=\"([^\"]*)\"")
        let range = NSRange(text.startIndex..., in: text)
        return (pattern?.matches(in: text, range: range) ?? []).map { match in
            let body = (text as NSString).substring(with: match.range(at: 1))
            var attributes: [String: String] = [:]
            for pair in attribute?.matches(in: body, range: NSRange(body.startIndex..., in: body)) ?? [] {
                attributes[(body as NSString).substring(with: pair.range(at: 1))] =
                    (body as NSString).substring(with: pair.range(at: 2))
            }
            return attributes
        }
    }

    /// The text of each `<g class="panel">` group of an SVG.
    static func panels(_ svg: String) -> [String] {
        svg.components(separatedBy: "<g class=\"panel\">").dropFirst().map {
            $0.components(separatedBy: "</g>").first ?? ""
        }
    }

    /// The plotting rectangle (x, y, width, height) of panel `index` from its clip path.
    static func plot(_ svg: String, _ index: Int) throws -> (x: Double, y: Double, width: Double, height: Double) {
        let after = try #require(svg.components(separatedBy: "<clipPath id=\"plot-\(index)\">").dropFirst().first)
        let rect = try #require(elements("rect", in: after).first)
        return try (
            #require(Double(rect["x"] ?? "")), #require(Double(rect["y"] ?? "")),
            #require(Double(rect["width"] ?? "")), #require(Double(rect["height"] ?? ""))
        )
    }

    /// Arousal value of SVG y coordinate `y` in a plot.
    static func value(_ y: Double, _ plot: (x: Double, y: Double, width: Double, height: Double)) -> Double {
        let range = EpisodeTraceFigure.yRange
        return range.lowerBound + (plot.y + plot.height - y) / plot.height * (range.upperBound - range.lowerBound)
    }

    @Test("one panel per arm; lines, threshold and action marks are traces.csv's values")
    func figureMatchesTraces() throws {
        let directory = try ReportTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let results = try ReportTests.simulate(Self.scenario(traces: true), in: directory)
        let summary = try ReportWriter.write(results: results)
        #expect(summary.files == ["trajectories.svg", "pairings.svg", "effects.svg", "episodes.svg", "index.html"])
        _ = try ReportTests.checkFigures(
            in: summary.directory, expected: ["trajectories.svg", "pairings.svg", "effects.svg", "episodes.svg"])
        let page = try String(contentsOfFile: summary.directory + "/index.html", encoding: .utf8)
        #expect(page.contains("<img src=\"episodes.svg\""))
        #expect(page.contains("How to read it"))

        // The episodes picked: the same couple and day in both arms, the longest control episode.
        let rows = try Self.table(results + "/traces.csv").filter { $0["replicate"] == "0" }
        let traced = try #require(
            try TracedEpisodes.read(
                results + "/traces.csv", point: 0, arms: ["control", "validation"], fromDay: 3))
        #expect(traced.episodes.map(\.arm) == ["control", "validation"])
        #expect(traced.day >= 3 && traced.fromPreferredDay)
        func firstEpisodes(_ arm: String) -> [String: (episode: Int, actions: Int)] {
            var result: [String: (episode: Int, actions: Int)] = [:]
            for row in rows where row["arm"] == arm {
                let key = "\(row["couple"] ?? "") \(row["day"] ?? "")"
                let episode = Int(row["episode"] ?? "") ?? -1
                if let known = result[key] {
                    if episode < known.episode { result[key] = (episode, 1) }
                    if episode == known.episode { result[key] = (episode, known.actions + 1) }
                } else {
                    result[key] = (episode, 1)
                }
            }
            return result
        }
        let control = firstEpisodes("control"), validation = firstEpisodes("validation")
        let chosen = try #require(control["\(traced.couple) \(traced.day)"])
        #expect(validation["\(traced.couple) \(traced.day)"] != nil)
        for (key, episode) in control where validation[key] != nil && (Int(key.split(separator: " ")[1]) ?? 0) >= 3 {
            #expect(episode.actions <= chosen.actions, "\(key) has a longer control episode")
        }

        let svg = try String(contentsOfFile: summary.directory + "/episodes.svg", encoding: .utf8)
        let panels = Self.panels(svg)
        #expect(panels.count == 2)
        for (index, episode) in traced.episodes.enumerated() {
            let expected = rows.filter {
                $0["arm"] == episode.arm && $0["couple"] == String(traced.couple) && $0["day"] == String(traced.day)
                    && $0["episode"] == String(episode.episode)
            }
            #expect(!expected.isEmpty)
            #expect(episode.steps.count == expected.count)
            let plot = try Self.plot(svg, index)
            let panel = try #require(panels.dropFirst(index).first)
            // Lines: a (black) then b, one point per action, at the arousal traces.csv holds.
            let lines = Self.elements("polyline", in: panel)
            for (stroke, column) in [("#000000", "arousal_a"), ("#CC79A7", "arousal_b")] {
                let line = try #require(lines.first { $0["stroke"] == stroke }, "\(episode.arm) \(column)")
                let ys = (line["points"] ?? "").split(separator: " ").compactMap {
                    $0.split(separator: ",").last.flatMap { Double($0) }
                }
                let values = expected.compactMap { Double($0[column] ?? "") }
                #expect(ys.count == values.count, "\(episode.arm) \(column)")
                for (y, value) in zip(ys, values) {
                    #expect(abs(Self.value(y, plot) - value) < 1e-3, "\(episode.arm) \(column): \(value)")
                }
            }
            // The threshold: one dashed rule at theta_flood = 0.55.
            let rules = Self.elements("line", in: panel).filter { $0["stroke-dasharray"] != nil }
            #expect(rules.count == 1)
            let ruleY = try #require(Double(rules.first?["y1"] ?? ""))
            #expect(abs(Self.value(ruleY, plot) - 0.55) < 1e-3)
            // One mark per traced action (marks have a white outline).
            let marks = panel.components(separatedBy: "\n").filter { $0.contains("stroke=\"#FFFFFF\"") }
            #expect(marks.count == expected.count, "\(episode.arm)")
        }
        #expect(svg.contains("flooding threshold theta_flood = 0.55"))
    }

    @Test("partners with different flooding thresholds get one dashed rule each")
    func roleThresholds() throws {
        let directory = try ReportTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let scenario = Self.scenario(
            traces: true, parameters: "params_a: { theta_flood: 0.5 }, params_b: { theta_flood: 0.7 }")
        let results = try ReportTests.simulate(scenario, in: directory)
        let summary = try ReportWriter.write(results: results)
        let svg = try String(contentsOfFile: summary.directory + "/episodes.svg", encoding: .utf8)
        let plot = try Self.plot(svg, 0)
        let panel = try #require(Self.panels(svg).first)
        let rules = Self.elements("line", in: panel).filter { $0["stroke-dasharray"] != nil }
        let values = rules.compactMap { Double($0["y1"] ?? "") }.map { Self.value($0, plot) }.sorted()
        #expect(values.count == 2)
        #expect(abs((values.first ?? 0) - 0.5) < 1e-3 && abs((values.last ?? 0) - 0.7) < 1e-3)
        #expect(svg.contains("theta_flood of a = 0.5") && svg.contains("theta_flood of b = 0.7"))
    }

    @Test("without traces.csv the report is the same as with it, minus the episode figure")
    func withoutTraces() throws {
        let directory = try ReportTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory + "/t", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: directory + "/p", withIntermediateDirectories: true)
        let traced = try ReportTests.simulate(Self.scenario(traces: true), in: directory + "/t")
        let plain = try ReportTests.simulate(Self.scenario(traces: false), in: directory + "/p")
        let withTraces = try ReportWriter.write(results: traced)
        let without = try ReportWriter.write(results: plain)
        #expect(without.files == ["trajectories.svg", "pairings.svg", "effects.svg", "index.html"])
        #expect(without.notes == withTraces.notes)
        for name in ["trajectories.svg", "pairings.svg", "effects.svg"] {
            #expect(
                FileManager.default.contents(atPath: without.directory + "/" + name)
                    == FileManager.default.contents(atPath: withTraces.directory + "/" + name), "\(name)")
        }
        let page = try String(contentsOfFile: without.directory + "/index.html", encoding: .utf8)
        #expect(!page.contains("episodes.svg") && !page.contains("turn by turn"))
    }

    @Test(
        "a damaged traces.csv gives one line and exit 65",
        arguments: [
            ("arousal_a", "high", "column arousal_a: \"high\" is not a number"),
            ("turn", "-1", "column turn: \"-1\" is not a whole number of 0 or more"),
            (
                "action", "sulk",
                "column action: \"sulk\" is not an action (allowed break_announced, "
                    + "break_unannounced, neutral, pursue_harsh, pursue_soft, validate, withdraw)"
            ),
            ("arm", "placebo", "column arm: \"placebo\" is not an arm of the scenario"),
            (
                "ending", "NA",
                "column ending: \"NA\" is not an ending (allowed resolved, withdrawal, "
                    + "unannounced_break, timeout)"
            ),
        ])
    func damagedTraces(column: String, value: String, message: String) throws {
        let directory = try ReportTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let results = try ReportTests.simulate(Self.scenario(traces: true), in: directory)
        let path = results + "/traces.csv"
        var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        let index = try #require(lines[0].split(separator: ",").map(String.init).firstIndex(of: column))
        var fields = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[index] = value
        lines[1] = fields.joined(separator: ",")
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let error = #expect(throws: ReportError.self) { try ReportWriter.write(results: results) }
        #expect(error?.message == "\(path): line 2, \(message)")
        #expect(error?.exitCode == 65 && error?.lines.count == 1)
    }

    @Test("a scenario with traces whose traces.csv is missing is an incomplete output")
    func missingTraces() throws {
        let directory = try ReportTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let results = try ReportTests.simulate(Self.scenario(traces: true), in: directory)
        try FileManager.default.removeItem(atPath: results + "/traces.csv")
        let error = #expect(throws: ReportError.self) { try ReportWriter.write(results: results) }
        #expect(error?.message == "\(results): traces.csv is missing (an incomplete or partial DyadSim output?)")
    }
}
