import CommandLineTestSupport
import DyadCLI
import DyadCore
import DyadExperiment
import DyadIO
import Foundation
import TestSupport
import Testing

/// `--resume` keeps every finished run that is still valid (runs are matched by content: seed
/// and replicate) and ends byte-identical to a fresh run of the new scenario.
@Suite("dyadsim run --resume")
struct ResumeTests {
    static let files = ["couples.csv", "daily.csv", "runs.csv", "effects.csv", "summary.csv", "points.csv"]

    /// A two-arm sweep with `replicates` and the grid values `values` of params.lambda0.
    private static func scenario(replicates: Int, values: [String], couples: Int = 120) -> String {
        """
        { name: "resume", couples: \(couples), days: 25, burn_in_days: 5, replicates: \(replicates),
          arms: [{ name: "control" }, { name: "cv", interventions: [{ type: "consistent_validation" }] }],
          sweep: { grid: { "params.lambda0": [\(values.joined(separator: ", "))] } } }
        """
    }

    private func run(_ scenario: String, _ out: String, _ extra: [String] = []) -> CommandLineHarness.Outcome {
        CommandLineHarness.run(["run", scenario, "--out", out, "--threads", "1"] + extra)
    }

    /// Every output file, and the manifest without its execution section (and without the
    /// scenario file's name, which differs between the two scenario files of a test).
    private func outputs(_ directory: String) throws -> [String: String] {
        var result: [String: String] = [:]
        for name in Self.files {
            result[name] = try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
        }
        let manifest = try String(contentsOfFile: directory + "/manifest.json", encoding: .utf8)
        let head = try #require(manifest.range(of: "\"execution\"")).lowerBound
        result["manifest.json"] = String(manifest[..<head]).split(separator: "\n")
            .filter { !$0.contains("\"scenario_file\"") }.joined(separator: "\n")
        return result
    }

    private func expectSame(_ resumed: String, _ fresh: String) throws {
        let left = try outputs(resumed), right = try outputs(fresh)
        for name in right.keys.sorted() { #expect(left[name] == right[name], "\(name) differs from a fresh run") }
    }

    @Test("3 → 4 replicates: the 6 finished runs are kept, 2 simulated, the output equals a fresh run")
    func addedReplicates() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let three = directory.write("three.json5", Self.scenario(replicates: 3, values: ["0.1", "0.3"]))
        let four = directory.write("four.json5", Self.scenario(replicates: 4, values: ["0.1", "0.3"]))
        #expect(run(three, directory.file("out"), ["--quiet"]).code == 0)
        let resumed = run(four, directory.file("out"), ["--resume"])
        #expect(resumed.code == 0, "\(resumed.error)")
        let lines = resumed.output.split(separator: "\n").map(String.init)
        #expect(lines.first == "dyadsim: reusing 6 finished runs, 2 to do")
        #expect(lines.contains("  resumed: 6 runs were already finished and kept"))
        // 2 runs × 120 couples × 25 days × 2 arms.
        #expect(lines.contains { $0.hasSuffix("(12000 couple-days simulated)") }, "\(lines)")
        #expect(run(four, directory.file("fresh"), ["--quiet"]).code == 0)
        try expectSame(directory.file("out"), directory.file("fresh"))
        // Back to 3 replicates: nothing to simulate, the fourth replicate is dropped.
        let fewer = run(three, directory.file("out"), ["--resume"])
        #expect(fewer.output.hasPrefix("dyadsim: reusing 6 finished runs, 0 to do\n"))
        #expect(run(three, directory.file("fresh3"), ["--quiet"]).code == 0)
        try expectSame(directory.file("out"), directory.file("fresh3"))
    }

    @Test("a grid value added before and between the old ones renumbers the kept runs' rows")
    func insertedGridValues() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let before = directory.write("before.json5", Self.scenario(replicates: 2, values: ["0.2", "0.4"]))
        let after = directory.write("after.json5", Self.scenario(replicates: 2, values: ["0.1", "0.2", "0.3", "0.4"]))
        #expect(run(before, directory.file("out"), ["--quiet"]).code == 0)
        let resumed = run(after, directory.file("out"), ["--resume"])
        #expect(resumed.code == 0, "\(resumed.error)")
        #expect(resumed.output.hasPrefix("dyadsim: reusing 4 finished runs, 4 to do\n"))
        #expect(run(after, directory.file("fresh"), ["--quiet"]).code == 0)
        try expectSame(directory.file("out"), directory.file("fresh"))
        // The kept folder holds exactly the new plan's runs under their new identifiers.
        let records = try FileManager.default.contentsOfDirectory(atPath: directory.file("out/.dyadsim/runs"))
            .filter { $0.hasSuffix(".record") }.sorted()
        #expect(records == (0..<4).flatMap { point in (0..<2).map { "p00000\(point)-r000\($0).record" } })
    }

    @Test("an interrupted sweep resumed after a value was added before the others ends byte-identical")
    func interruptedThenShifted() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let before = directory.write("before.json5", Self.scenario(replicates: 2, values: ["0.2", "0.4"]))
        let after = directory.write("after.json5", Self.scenario(replicates: 2, values: ["0.1", "0.2", "0.4"]))
        let plan = RunPlan(scenario: try ScenarioLoader.load(path: before))
        let request = RunRequest(plan: plan, scenarioFile: before, directory: directory.file("out"), threads: 1)
        let cancellation = CancellationFlag()
        let stopper = StopAfter(runs: 3, cancellation: cancellation)
        let first = try SweepRunner.execute(request, cancellation: cancellation, progress: stopper)
        guard case .interrupted(let finished, _) = first else {
            Issue.record("expected an interruption")
            return
        }
        let resumed = run(after, directory.file("out"), ["--resume"])
        #expect(resumed.code == 0, "\(resumed.error)")
        #expect(resumed.output.hasPrefix("dyadsim: reusing \(finished) finished runs, \(6 - finished) to do\n"))
        #expect(run(after, directory.file("fresh"), ["--quiet"]).code == 0)
        try expectSame(directory.file("out"), directory.file("fresh"))
    }

    @Test("a merged output resumed with more replicates recovers the kept rows from its final files")
    func mergedThenGrown() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let two = directory.write("two.json5", Self.scenario(replicates: 2, values: ["0.1", "0.3"]))
        let three = directory.write("three.json5", Self.scenario(replicates: 3, values: ["0.1", "0.2", "0.3"]))
        for shard in 0..<2 {
            #expect(run(two, directory.file("shard\(shard)"), ["--quiet", "--shard", "\(shard)/2"]).code == 0)
        }
        let merged = CommandLineHarness.run(
            ["merge", directory.file("shard0"), directory.file("shard1"), "--out", directory.file("out"), "--quiet"])
        #expect(merged.code == 0, "\(merged.error)")
        let resumed = run(three, directory.file("out"), ["--resume"])
        #expect(resumed.output.hasPrefix("dyadsim: reusing 4 finished runs, 5 to do\n"), "\(resumed.error)")
        #expect(run(three, directory.file("fresh"), ["--quiet"]).code == 0)
        try expectSame(directory.file("out"), directory.file("fresh"))
    }

    @Test("a finished folder says nothing to do and is left as it is")
    func nothingToDo() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.write("sweep.json5", Self.scenario(replicates: 2, values: ["0.1", "0.3"]))
        let out = directory.file("out")
        #expect(run(file, out, ["--quiet"]).code == 0)
        let manifest = try String(contentsOfFile: out + "/manifest.json", encoding: .utf8)
        let again = run(file, out, ["--resume"])
        #expect(again.code == 0)
        #expect(
            again.output
                == "dyadsim: resume: nothing to do; all 4 runs in \(out) are finished (--force starts over)\n")
        #expect(again.error.isEmpty)
        #expect(try String(contentsOfFile: out + "/manifest.json", encoding: .utf8) == manifest)
    }

    @Test("a crash between the two renames of the runs folder is recovered")
    func swapRecovery() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.write("sweep.json5", Self.scenario(replicates: 2, values: ["0.1", "0.3"]))
        let out = directory.file("out")
        #expect(run(file, out, ["--quiet"]).code == 0)
        #expect(run(file, directory.file("fresh"), ["--quiet"]).code == 0)
        // As after a crash between renaming runs → runs.old and runs.next → runs.
        try FileManager.default.moveItem(atPath: out + "/.dyadsim/runs", toPath: out + "/.dyadsim/runs.next")
        let resumed = run(file, out, ["--resume"])
        #expect(resumed.code == 0, "\(resumed.error)")
        // The swap is undone first; the assembled files are then intact: nothing to simulate.
        #expect(resumed.output.hasPrefix("dyadsim: resume: nothing to do; all 4 runs"), "\(resumed.output)")
        #expect(!FileManager.default.fileExists(atPath: out + "/.dyadsim/runs.next"))
        try expectSame(out, directory.file("fresh"))
    }

    @Test("a scenario that differs in more than replicates and sweep values is refused")
    func incompatible() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.write("a.json5", Self.scenario(replicates: 2, values: ["0.1"]))
        let other = directory.write("b.json5", Self.scenario(replicates: 2, values: ["0.1"], couples: 100))
        #expect(run(file, directory.file("out"), ["--quiet"]).code == 0)
        let refused = run(other, directory.file("out"), ["--resume"])
        #expect(refused.code == 74)
        #expect(refused.errorLines.count == 1)
        #expect(
            refused.errorLines.first?.hasPrefix(
                "error: cannot resume in \(directory.file("out")): it holds a run of a scenario that differs in more than "
                    + "replicates and sweep values") == true)
    }

    @Test("progress after a resume counts the kept runs")
    func progressCountsKeptRuns() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let three = directory.write("three.json5", Self.scenario(replicates: 3, values: ["0.1", "0.3"]))
        let four = directory.write("four.json5", Self.scenario(replicates: 4, values: ["0.1", "0.3"]))
        #expect(run(three, directory.file("out"), ["--quiet"]).code == 0)
        let resumed = run(four, directory.file("out"), ["--resume", "--progress"])
        let progress = resumed.errorLines.filter { $0.hasPrefix("progress: ") }
        #expect(!progress.isEmpty)
        for line in progress {
            let runs = line.dropFirst("progress: ".count).prefix { $0 != " " }.split(separator: "/")
            #expect(runs.count == 2 && (Int(runs[0]) ?? 0) >= 6 && runs[1] == "8", "\(line)")
        }
        #expect(progress.last?.hasPrefix("progress: 8/8 runs, 100%") == true)
    }
}
