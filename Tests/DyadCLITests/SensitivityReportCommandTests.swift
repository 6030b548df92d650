import CommandLineTestSupport
import DyadCLI
import Foundation
import TestSupport
import Testing

/// `dyadsim report` of `dyadsim analyze` output, end to end in-process: a tiny sampled sweep is
/// run and analysed, then reported.
@Suite("dyadsim report of an analysis")
struct SensitivityReportCommandTests {
    /// Runs `sample` as the tiny two-arm sweep of ``AnalyzeCommandTests`` and analyses it, in
    /// the run's folder or (`separately`) into a folder of its own; returns the analysis's folder.
    private func analysed(
        _ directory: TemporaryDirectory, _ name: String, sample: String, separately: Bool = false
    ) throws -> String {
        let scenario = directory.write(name + ".json5", AnalyzeCommandTests.scenario(sample: sample))
        let folder = directory.file(name)
        let run = CommandLineHarness.run(["run", scenario, "--out", folder, "--quiet"])
        try #require(run.code == 0, "\(run.error)")
        let target = separately ? [folder + "-analysis"] : []
        let analysis = CommandLineHarness.run(
            ["analyze", folder, "--bootstrap", "20", "--quiet"] + (separately ? ["--out"] + target : []))
        try #require(analysis.code == 0, "\(analysis.error)")
        return separately ? folder + "-analysis" : folder
    }

    @Test(
        "a Sobol analysis in the run's folder: the run's report, and the analysis's in report/sensitivity/ with a figure per headline outcome"
    )
    func sobol() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let folder = try analysed(directory, "sobol", sample: AnalyzeCommandTests.sobol)
        let outcome = CommandLineHarness.run(["report", folder])
        #expect(outcome.code == 0, "\(outcome.error)")
        #expect(outcome.output.contains("sensitivity/sobol-satisfaction.svg"), "\(outcome.output)")
        let svg = try String(contentsOfFile: folder + "/report/sensitivity/sobol-satisfaction.svg", encoding: .utf8)
        #expect(svg.contains("u_w_val") && svg.contains("validation.strength") && svg.contains("ST (total)"))
        let page = try String(contentsOfFile: folder + "/report/sensitivity/index.html", encoding: .utf8)
        for text in ["params.u_w_val", AnalyzeCommandTests.strength, "uniform [0, 2]", "base samples N", "S1 95% CI"] {
            #expect(page.contains(text), "\(text)")
        }
        // The run's own report is still there, and its page points to the analysis.
        #expect(FileManager.default.fileExists(atPath: folder + "/report/effects.svg"))
        let runPage = try String(contentsOfFile: folder + "/report/index.html", encoding: .utf8)
        #expect(runPage.contains("sensitivity/index.html"))

        let chosen = CommandLineHarness.run([
            "report", folder, "--out", directory.file("chosen"), "--outcomes", "satisfaction",
        ])
        #expect(chosen.code == 0, "\(chosen.error)")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.file("chosen/sensitivity")).sorted()
        #expect(files == ["index.html", "sobol-satisfaction.svg"])

        let unknown = CommandLineHarness.run(["report", folder, "--out", directory.file("x"), "--outcomes", "satisfy"])
        #expect(unknown.code == 64 && unknown.error.contains("--outcomes"), "\(unknown.error)")
        #expect(!FileManager.default.fileExists(atPath: directory.file("x")))
    }

    @Test("a Morris analysis: the μ*–σ plane per outcome with a labelled point per parameter")
    func morris() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let folder = try analysed(directory, "morris", sample: AnalyzeCommandTests.morris, separately: true)
        let outcome = CommandLineHarness.run(["report", folder, "--out", directory.file("report")])
        #expect(outcome.code == 0, "\(outcome.error)")
        #expect(!FileManager.default.fileExists(atPath: directory.file("report/sensitivity")))
        let svg = try String(contentsOfFile: directory.file("report") + "/morris-satisfaction.svg", encoding: .utf8)
        #expect(svg.contains(">u_w_val</text>") && svg.contains(">validation.strength</text>"))
        let page = try String(contentsOfFile: directory.file("report") + "/index.html", encoding: .utf8)
        #expect(page.contains("trajectories r") && page.contains("μ*_conf"))
    }

    @Test("--outcomes on a folder without sensitivity.csv is a usage error")
    func outcomesWithoutAnalysis() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let scenario = directory.write(
            "plain.json5", AnalyzeCommandTests.scenario(sample: AnalyzeCommandTests.morris))
        let folder = directory.file("plain")
        let run = CommandLineHarness.run(["run", scenario, "--out", folder, "--quiet"])
        try #require(run.code == 0, "\(run.error)")
        let outcome = CommandLineHarness.run(["report", folder, "--outcomes", "satisfaction"])
        #expect(outcome.code == 64 && outcome.error.contains("no sensitivity.csv"), "\(outcome.error)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/report"))
    }
}
