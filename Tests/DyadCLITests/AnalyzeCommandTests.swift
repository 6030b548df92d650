import CommandLineTestSupport
import DyadCLI
import DyadExperiment
import DyadInference
import Foundation
import TestSupport
import Testing

/// `dyadsim analyze` end to end, in-process: tiny sampled sweeps run, then analysed.
@Suite("dyadsim analyze")
struct AnalyzeCommandTests {
    static let header = "outcome,arm,kind,parameter,method,index,value,ci_low,ci_high"
    static let strength = "arms.validation.consistent_validation.strength"

    /// A two-arm scenario (control, validation) of 60 couples × 20 days with `sample` as its
    /// sweep.sample and `extra` further top-level members.
    static func scenario(sample: String, replicates: Int = 2, extra: String = "") -> String {
        """
        { name: "tiny", seed: 5, couples: 60, days: 20, burn_in_days: 5, replicates: \(replicates),
          outputs: { couples: false, daily: false },
          arms: [{ name: "control" }, { name: "validation", interventions: [
            { type: "consistent_validation", target: "partner_of_more_anxious", strength: 1 }] }],
          \(extra)
          sweep: { sample: \(sample) } }
        """
    }

    static let morris = """
        { method: "morris", trajectories: 4, levels: 4, ranges: { "params.u_w_val": [0, 2], "\(strength)": [0.2, 1] } }
        """
    static let sobol = """
        { method: "sobol", n: 4, ranges: { "params.u_w_val": [0, 2], "\(strength)": [0.2, 1] } }
        """

    /// Runs `text` into `directory/name` and returns the results folder.
    private func results(_ directory: TemporaryDirectory, _ name: String, _ text: String) throws -> String {
        let scenario = directory.write(name + ".json5", text)
        let out = directory.file(name)
        let outcome = CommandLineHarness.run(["run", scenario, "--out", out, "--quiet"])
        try #require(outcome.code == 0, "\(outcome.error)")
        return out
    }

    private func lines(_ path: String) throws -> [[String]] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return text.split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
    }

    /// Run means of `outcome` in `arm` from runs.csv, [point][replicate].
    private func runMeans(_ folder: String, outcome: String, arm: String, points: Int, replicates: Int) throws
        -> [[Double]]
    {
        let table = try lines(folder + "/runs.csv")
        let header = table[0]
        let point = try #require(header.firstIndex(of: "sweep_point")),
            replicate = try #require(header.firstIndex(of: "replicate"))
        let armColumn = try #require(header.firstIndex(of: "arm")),
            column = try #require(header.firstIndex(of: outcome + "_mean"))
        var values = [[Double]](repeating: [Double](repeating: .nan, count: replicates), count: points)
        for row in table.dropFirst() where row[armColumn] == arm {
            values[try #require(Int(row[point]))][try #require(Int(row[replicate]))] = try #require(Double(row[column]))
        }
        return values
    }

    @Test("a Morris sweep: every outcome of every arm and every paired effect, equal to the estimator on runs.csv")
    func morrisSweep() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let folder = try results(directory, "morris", Self.scenario(sample: Self.morris))
        let outcome = CommandLineHarness.run(["analyze", folder, "--bootstrap", "50"])
        #expect(outcome.code == 0, "\(outcome.error)")
        #expect(outcome.output.contains("top parameters by mu_star"))
        #expect(outcome.output.contains("satisfaction"))
        let table = try lines(folder + "/sensitivity.csv")
        #expect(table[0].joined(separator: ",") == Self.header)
        let rows = table.dropFirst()
        #expect(Set(rows.map { $0[2] }) == ["level", "effect"])
        #expect(Set(rows.map { $0[4] }) == ["morris"])
        #expect(Set(rows.map { $0[5] }) == ["mu", "mu_star", "sigma"])
        #expect(Set(rows.filter { $0[2] == "effect" }.map { $0[1] }) == ["validation"])
        #expect(Set(rows.filter { $0[2] == "level" }.map { $0[1] }) == ["control", "validation"])

        // The satisfaction level of the validation arm: the estimator on the replicate means of
        // runs.csv, with the points of points.csv.
        let points = try lines(folder + "/points.csv").dropFirst().map { row in row.dropFirst().compactMap(Double.init)
        }
        let means = try runMeans(
            folder, outcome: "satisfaction", arm: "validation", points: points.count, replicates: 2)
        let expected = try MorrisAnalysis.analyze(
            inputs: Array(points), outputs: ReplicatedOutputs(rows: means), levels: 4,
            bootstrap: BootstrapOptions(resamples: 50, seed: 1))
        for (index, estimates) in [("mu", expected.mu), ("mu_star", expected.muStar), ("sigma", expected.sigma)] {
            for (parameter, estimate) in zip(["params.u_w_val", Self.strength], estimates) {
                let row = try #require(
                    rows.first {
                        $0[0] == "satisfaction" && $0[1] == "validation" && $0[2] == "level" && $0[3] == parameter
                            && $0[5] == index
                    })
                #expect(Double(row[6]) == estimate.value, "\(index) \(parameter)")
            }
        }
        // Replicates: the noise file flags indices and gives shares.
        let noise = try lines(folder + "/sensitivity_noise.csv")
        #expect(noise.count == table.count)
        #expect(noise[0].suffix(3) == ["replicates", "noise_share", "noise_share_of_means"])
        #expect(Set(noise.dropFirst().map { $0[8] }).isSubset(of: ["0", "1"]))
    }

    @Test("a Sobol sweep: S1, ST and S2 per output; the same bytes for any thread count and on a second run")
    func sobolSweepDeterministic() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let folder = try results(directory, "sobol", Self.scenario(sample: Self.sobol, replicates: 1))
        let first = CommandLineHarness.run([
            "analyze", folder, "--bootstrap", "40", "--threads", "1", "--out", directory.file("one"),
        ])
        let second = CommandLineHarness.run([
            "analyze", folder, "--bootstrap", "40", "--threads", "3", "--out", directory.file("two"),
        ])
        #expect(first.code == 0 && second.code == 0, "\(first.error)\(second.error)")
        let one = try #require(Repository.bytes(directory.file("one/sensitivity.csv")))
        #expect(one == Repository.bytes(directory.file("two/sensitivity.csv")))
        #expect(!FileManager.default.fileExists(atPath: directory.file("one/sensitivity_noise.csv")))
        #expect(first.output.contains("note: one replicate"))
        let rows = try lines(directory.file("one/sensitivity.csv")).dropFirst()
        #expect(Set(rows.map { $0[5] }) == ["S1", "ST", "S2"])
        #expect(rows.contains { $0[3] == "params.u_w_val×\(Self.strength)" && $0[5] == "S2" })
        for row in rows {
            let value = try #require(Double(row[6])), low = try #require(Double(row[7])),
                high = try #require(Double(row[8]))
            #expect(low <= value && value <= high)
        }
        // The point estimate does not depend on the resamples; the interval does.
        let more = CommandLineHarness.run([
            "analyze", folder, "--bootstrap", "80", "--out", directory.file("more"), "--quiet",
        ])
        #expect(more.code == 0)
        let moreRows = try lines(directory.file("more/sensitivity.csv")).dropFirst()
        #expect(moreRows.map { $0[6] } == rows.map { $0[6] })
        #expect(moreRows.map { $0[7] } != rows.map { $0[7] })
    }

    @Test("--outcomes limits the outputs; an unknown one is refused with a suggestion")
    func outcomes() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let folder = try results(directory, "morris", Self.scenario(sample: Self.morris, replicates: 1))
        let chosen = CommandLineHarness.run(["analyze", folder, "--outcomes", "satisfaction,dissolved", "--quiet"])
        #expect(chosen.code == 0, "\(chosen.error)")
        let rows = try lines(folder + "/sensitivity.csv").dropFirst()
        #expect(Set(rows.map { $0[0] }) == ["satisfaction", "dissolved"])
        #expect(rows.count == 2 * 3 * 2 * 3)  // outcomes × (2 levels + 1 effect) × parameters × indices
        let unknown = CommandLineHarness.run(["analyze", folder, "--outcomes", "satisfaction,satisfacton"])
        #expect(unknown.code == 65)
        #expect(unknown.errorLines.count == 1)
        #expect(unknown.error.contains("unknown outcome \"satisfacton\"; did you mean \"satisfaction\"?"))
    }

    @Test("bad folders, designs and flags: one line, exit 65 (64 for usage)")
    func badInputs() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let plain = try results(
            directory, "plain",
            """
            { name: "plain", couples: 20, days: 5, burn_in_days: 0, outputs: { couples: false, daily: false } }
            """)
        let grid = try results(
            directory, "grid",
            """
            { name: "grid", couples: 20, days: 5, burn_in_days: 0, outputs: { couples: false, daily: false },
              sweep: { grid: { "params.u_w_val": [0, 1] } } }
            """)
        let lhs = try results(
            directory, "lhs",
            Self.scenario(
                sample: "{ method: \"lhs\", n: 4, ranges: { \"params.u_w_val\": [0, 2] } }", replicates: 1))
        let morris = try results(directory, "morris", Self.scenario(sample: Self.morris, replicates: 1))
        // A damaged copy: one point fewer in points.csv.
        let damaged = directory.file("damaged")
        try FileManager.default.copyItem(atPath: morris, toPath: damaged)
        let points = try String(contentsOfFile: damaged + "/points.csv", encoding: .utf8)
        try (points.split(separator: "\n").dropLast().joined(separator: "\n") + "\n")
            .write(toFile: damaged + "/points.csv", atomically: true, encoding: .utf8)
        // Another damaged copy: a changed design value.
        let edited = directory.file("edited")
        try FileManager.default.copyItem(atPath: morris, toPath: edited)
        var lines = points.split(separator: "\n").map(String.init)
        lines[1] = lines[1].split(separator: ",").enumerated().map { $0.offset == 1 ? "0.123" : String($0.element) }
            .joined(separator: ",")
        try (lines.joined(separator: "\n") + "\n").write(
            toFile: edited + "/points.csv", atomically: true, encoding: .utf8)

        let cases: [([String], Int32, String)] = [
            (["analyze", plain], 65, "the sweep has no sampled design"),
            (["analyze", grid], 65, "the sweep has no sampled design"),
            (["analyze", lhs], 65, "sweep.sample.method \"lhs\" has no sensitivity estimator (allowed sobol, morris)"),
            (
                ["analyze", damaged], 65,
                "points.csv: 11 points, but a morris design of 4 trajectories over 2 paths has 12"
            ),
            (["analyze", edited], 65, "points.csv: line 2: params.u_w_val is 0.123, but the manifest's design gives"),
            (["analyze", directory.file("nothing")], 65, "no such results folder"),
            (["analyze", directory.path], 65, "not a finished DyadSim output directory"),
            (["analyze", morris, "--method", "sobol"], 65, "--method sobol, but the sweep's design is morris"),
            (
                ["analyze", morris, "--method", "moris"], 64,
                "--method: \"moris\" is not a sensitivity method; did you mean \"morris\"?"
            ),
            (["analyze", morris, "--bootstrap", "1"], 64, "--bootstrap: \"1\" is not a whole number in 2...1000000"),
            (
                ["analyze", morris, "--outcomes", "satisfaction,"], 64,
                "--outcomes: \"satisfaction,\" has an empty name"
            ),
        ]
        for (arguments, code, message) in cases {
            let outcome = CommandLineHarness.run(arguments)
            #expect(outcome.code == code, "\(arguments): \(outcome.error)")
            #expect(outcome.errorLines.first?.hasPrefix("error: ") == true, "\(arguments)")
            #expect(outcome.errorLines.filter { !$0.hasPrefix("usage: ") }.count == 1, "\(arguments): \(outcome.error)")
            #expect(outcome.error.contains(message), "\(arguments): \(outcome.error)")
        }
        for folder in [plain, grid, lhs, damaged, edited] {
            #expect(!FileManager.default.fileExists(atPath: folder + "/sensitivity.csv"), "\(folder)")
        }
        #expect(!FileManager.default.fileExists(atPath: morris + "/sensitivity.csv"))
    }
}
