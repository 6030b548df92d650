import DyadIO
import DyadReport
import Foundation
import TestSupport
import Testing

/// `dyadsim report` of a calibration folder (the committed Results/calibration example): SVG
/// figures and index.html naming the parameters; a damaged folder is one clean error, exit 65.
@Suite("Report of a calibration folder")
struct CalibrationReportTests {
    static let example = Repository.path("Results/calibration")
    static let parameters = ["params.lambda0", "params.theta_pn", "params.eft_decouple"]

    @Test("the example calibration gives marginals, generations, predictive and pairs figures")
    func example() throws {
        let directory = try ReportTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let summary = try ReportWriter.write(results: Self.example, to: directory + "/report")
        #expect(summary.files == ["marginals.svg", "generations.svg", "predictive.svg", "pairs.svg", "index.html"])
        for name in ["marginals.svg", "pairs.svg", "index.html"] {
            let text = try String(contentsOfFile: directory + "/report/" + name, encoding: .utf8)
            for parameter in Self.parameters { #expect(text.contains(parameter), "\(name) lacks \(parameter)") }
        }
        for name in summary.files where name.hasSuffix(".svg") {
            let parsed = try ReportTests.parseXML(directory + "/report/" + name)
            #expect(parsed.root == "svg", "\(name)")
            let source = try String(contentsOfFile: directory + "/report/" + name, encoding: .utf8)
            #expect(!source.contains("nan") && !source.contains("inf"), "\(name)")
        }
        let predictive = try String(contentsOfFile: directory + "/report/predictive.svg", encoding: .utf8)
        for statistic in ["distress_prevalence", "eft_effect_d", "pw_satisfaction_r"] {
            #expect(predictive.contains(statistic), "\(statistic)")
        }
        let page = try String(contentsOfFile: directory + "/report/index.html", encoding: .utf8)
        #expect(page.contains("Posterior summary") && page.contains("Provenance") && page.contains("max_generations"))
    }

    @Test("weighted density histograms integrate to 1 and put the mass in the right bins")
    func density() {
        let sample: [(value: Double, weight: Double)] = [(0.02, 1), (0.97, 3), (2, 5)]
        let heights = CalibrationMarginalsFigure.density(sample, lower: 0, upper: 1)
        let width = 1.0 / Double(CalibrationMarginalsFigure.binCount)
        #expect(abs(heights.reduce(0, +) * width - 4.0 / 9.0) < 1e-12)
        #expect(abs(heights[0] * width - 1.0 / 9.0) < 1e-12)
        #expect(abs(heights[heights.count - 1] * width - 3.0 / 9.0) < 1e-12)
    }

    @Test(
        "a missing or malformed file is one error line, exit 65, and no report",
        arguments: ["generations.csv", "posterior.csv", "manifest.json"])
    func damaged(file: String) throws {
        let directory = try ReportTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let copy = directory + "/calibration"
        try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: true)
        for name in ["posterior.csv", "generations.csv", "posterior-summary.csv", "predictive.csv", "manifest.json"] {
            try FileManager.default.copyItem(atPath: Self.example + "/" + name, toPath: copy + "/" + name)
        }
        for damage in ["remove", "garble"] {
            if damage == "remove" {
                try FileManager.default.removeItem(atPath: copy + "/" + file)
            } else {
                try "generation,weight\n0,x,1\n".write(toFile: copy + "/" + file, atomically: true, encoding: .utf8)
            }
            do {
                _ = try ReportWriter.write(results: copy, to: directory + "/report")
                Issue.record("\(damage) \(file): no error")
            } catch {
                #expect(error.exitCode == 65, "\(damage) \(file): \(error.lines)")
                #expect(error.lines.count == 1 && error.lines[0].contains(file), "\(error.lines)")
            }
            #expect(!FileManager.default.fileExists(atPath: directory + "/report"))
        }
    }
}
