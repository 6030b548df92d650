import DyadCore
import DyadExperiment
import DyadIO
import Foundation
import TestSupport
import Testing

/// `dyadsim check`'s file estimates (``PlanEstimate/files``) against the files a small run writes.
@Suite("PlanEstimate output files")
struct PlanEstimateFileTests {
    /// Small runs of each population mode, with and without measured scores, a sweep and a trace
    /// window.
    static let scenarios = [
        """
        { name: "traits", seed: 3, couples: 150, days: 60, burn_in_days: 30, replicates: 2,
          arms: [{ name: "control" },
                 { name: "v", interventions: [{ type: "consistent_validation", target: "partner_of_more_anxious" }] }],
          outputs: { partners: true, traces: { couples: 40 } } }
        """,
        """
        { name: "styles", seed: 4, couples: 160, days: 50, burn_in_days: 30, population: { mode: "styles" },
          outputs: { partners: true, traces: { couples: 30, days: [10, 39] } }, measurement: {},
          sweep: { grid: { "params.imp_harsh": [0.05, 0.1] } } }
        """,
    ]

    @Test("partners.csv and traces.csv rows and bytes are within a factor of 2 of a real run", arguments: [0, 1])
    func filesMatchEstimate(index: Int) throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.write("scenario.json5", Self.scenarios[index])
        let plan = RunPlan(scenario: try ScenarioLoader.load(path: file))
        let request = RunRequest(plan: plan, scenarioFile: file, directory: directory.file("out"), threads: 2)
        guard case .completed = try SweepRunner.execute(request, cancellation: CancellationFlag()) else {
            Issue.record("the run did not complete")
            return
        }
        let estimate = PlanEstimate(plan: plan, runs: plan.runs, threads: 2)
        let names = estimate.files.map(\.name)
        #expect(names.firstIndex(of: "partners.csv") == 1 && names.firstIndex(of: "traces.csv") == 3, "\(names)")
        for name in ["partners.csv", "traces.csv"] {
            let entry = try #require(estimate.files.first { $0.name == name })
            let text = try String(contentsOfFile: directory.file("out/" + name), encoding: .utf8)
            let rows = Double(text.utf8.filter { $0 == UInt8(ascii: "\n") }.count - 1)
            let bytes = Double(text.utf8.count)
            #expect(rows > 0)
            if name == "partners.csv" { #expect(entry.rows == rows) }
            #expect((0.5...2).contains(entry.rows / rows), "\(name): \(entry.rows) rows estimated, \(rows) written")
            #expect(
                (0.5...2).contains(entry.bytes / bytes), "\(name): \(entry.bytes) bytes estimated, \(bytes) written")
        }
    }

    @Test("scenarios without partners or traces list neither file")
    func absentFiles() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.write("plain.json5", #"{ name: "plain", couples: 10, days: 5, burn_in_days: 2 }"#)
        let plan = RunPlan(scenario: try ScenarioLoader.load(path: file))
        let names = PlanEstimate(plan: plan, runs: plan.runs, threads: 1).files.map(\.name)
        #expect(!names.contains("partners.csv") && !names.contains("traces.csv"), "\(names)")
    }
}
