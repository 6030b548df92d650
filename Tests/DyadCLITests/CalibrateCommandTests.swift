import CommandLineTestSupport
import DyadCLI
import DyadCore
import DyadExperiment
import DyadIO
import DyadInference
import Foundation
import TestSupport
import Testing

/// `dyadsim calibrate`: the bad-input table of calibration files, parameter recovery at a small
/// size, determinism across thread counts, and resume after an interruption or a kill.
@Suite("dyadsim calibrate")
struct CalibrateCommandTests {
    /// The CSV files compared between calibrations (generations.csv without wall_seconds).
    static let compared = ["posterior.csv", "posterior-summary.csv", "predictive.csv", "simulations.csv"]

    /// A two-arm base scenario, small enough for a calibration of a few seconds.
    static let scenario = """
        scenario: { seed: 5, couples: 200, days: 40, burn_in_days: 20,
          arms: [{ name: "control" }, { name: "cv", interventions: [{ type: "consistent_validation" }] }] }
        """

    /// A calibration of params.lambda0 against the mean number of episodes and the distressed share.
    static func calibration(episodes: Double, distressed: Double, particles: Int = 40, generations: Int = 3) -> String {
        """
        { name: "recovery", \(scenario),
          parameters: { "params.lambda0": { prior: "uniform", low: 0.05, high: 0.5 } },
          targets: [
            { statistic: "mean", column: "episodes", value: \(episodes), sd: 0.4 },
            { statistic: "share", column: "distressed", value: \(distressed), sd: 0.05 },
          ],
          abc: { particles: \(particles), max_generations: \(generations), seed: 11 } }
        """
    }

    private func run(_ arguments: [String]) -> CommandLineHarness.Outcome {
        CommandLineHarness.run(["calibrate"] + arguments)
    }

    /// The compared files' text, and generations.csv without its last column.
    private func outputs(_ directory: String) throws -> [String: String] {
        var result: [String: String] = [:]
        for name in Self.compared {
            result[name] = try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
        }
        let generations = try String(contentsOfFile: directory + "/generations.csv", encoding: .utf8)
        result["generations.csv"] = generations.split(separator: "\n")
            .map { $0.split(separator: ",").dropLast().joined(separator: ",") }.joined(separator: "\n")
        return result
    }

    private func expectSame(_ first: String, _ second: String) throws {
        let left = try outputs(first), right = try outputs(second)
        for name in right.keys.sorted() { #expect(left[name] == right[name], "\(name) differs") }
    }

    // MARK: - Bad input

    /// A bad calibration file and the exact lines it must produce (FILE is the file's path).
    struct BadInput: Sendable, CustomStringConvertible {
        let name: String
        let body: String
        let lines: [String]
        var description: String { name }
    }

    static let parameter = #""parameters": { "params.lambda0": { prior: "uniform", low: 0.1, high: 0.3 } }"#
    static let target = #"targets: [{ statistic: "mean", column: "episodes", value: 10, sd: 1 }]"#

    static let badInputs: [BadInput] = [
        BadInput(
            name: "unknown top-level key", body: "{ \(scenario), \(parameter), \(target), abcd: {} }",
            lines: [
                #"error: FILE: abcd: unknown key "abcd"; did you mean "abc"? (allowed $schema, name, description, scenario, parameters, targets, predictions, abc)"#
            ]),
        BadInput(
            name: "missing targets", body: "{ \(scenario), \(parameter) }",
            lines: [#"error: FILE: targets: missing required key "targets""#]),
        BadInput(
            name: "unknown parameter path",
            body:
                #"{ \#(scenario), parameters: { "params.lambda00": { prior: "uniform", low: 0.1, high: 0.3 } }, \#(target) }"#,
            lines: [
                #"error: FILE: parameters["params.lambda00"]: unknown parameter "lambda00"; did you mean "lambda0"?"#
            ]),
        BadInput(
            name: "whole-number path",
            body: #"{ \#(scenario), parameters: { days: { prior: "uniform", low: 1, high: 9 } }, \#(target) }"#,
            lines: [
                "error: FILE: parameters.days: days takes whole numbers; a calibrated path takes a continuous number (allowed parameters, population values, intervention strengths and set values)"
            ]),
        BadInput(
            name: "misspelt prior",
            body:
                #"{ \#(scenario), parameters: { "params.lambda0": { prior: "unifrom", low: 0.1, high: 0.3 } }, \#(target) }"#,
            lines: [
                #"error: FILE: parameters["params.lambda0"].prior: "unifrom" is not a prior; did you mean "uniform"? (allowed uniform, loguniform, normal, lognormal, triangular)"#
            ]),
        BadInput(
            name: "high below low",
            body:
                #"{ \#(scenario), parameters: { "params.lambda0": { prior: "uniform", low: 0.3, high: 0.1 } }, \#(target) }"#,
            lines: [
                #"error: FILE: parameters["params.lambda0"].high: 0.1 is out of range (allowed a finite number more than 0.3 (low))"#
            ]),
        BadInput(
            name: "prior outside the parameter's range",
            body:
                #"{ \#(scenario), parameters: { "params.lambda0": { prior: "uniform", low: 0.1, high: 30 } }, \#(target) }"#,
            lines: [
                #"error: FILE: parameters["params.lambda0"]: the prior's support [0.1, 30] leaves the range of params.lambda0 (truncate it with low and high) (allowed 0...10)"#
            ]),
        BadInput(
            name: "misspelt column",
            body:
                #"{ \#(scenario), \#(parameter), targets: [{ statistic: "mean", column: "episode", value: 1, sd: 1 }] }"#,
            lines: [
                #"error: FILE: targets[0].column: "episode" is not a couples.csv column; did you mean "episodes"? (allowed a0_a, v0_a, a0_b, v0_b, style0_a, style0_b, proto_a, proto_b, a_a, v_a, a_b, v_b, style_a, style_b, treated, episodes, initiated_a, resolved_frac, repair_time, repair_rmst, …)"#
            ]),
        BadInput(
            name: "sd zero",
            body:
                #"{ \#(scenario), \#(parameter), targets: [{ statistic: "mean", column: "episodes", value: 1, sd: 0 }] }"#,
            lines: ["error: FILE: targets[0].sd: 0 is out of range (allowed more than 0)"]),
        BadInput(
            name: "label column for a mean",
            body:
                #"{ \#(scenario), \#(parameter), targets: [{ statistic: "mean", column: "style0_a", value: 1, sd: 1 }] }"#,
            lines: [
                #"error: FILE: targets[0].column: "style0_a" is a label column; this statistic needs numbers (allowed a numeric couples.csv column; labels work with share and where)"#
            ]),
        BadInput(
            name: "share of a label without equals",
            body:
                #"{ \#(scenario), \#(parameter), targets: [{ statistic: "share", column: "style0_a", value: 0.2, sd: 0.1 }] }"#,
            lines: [
                #"error: FILE: targets[0].equals: missing required key "equals" (the label counted) (allowed secure, anxious, avoidant, fearful)"#
            ]),
        BadInput(
            name: "misspelt where value",
            body:
                #"{ \#(scenario), \#(parameter), targets: [{ statistic: "mean", column: "episodes", where: { style0_a: "anxius" }, value: 1, sd: 1 }] }"#,
            lines: [
                #"error: FILE: targets[0].where.style0_a: "anxius" is not a value of style0_a; did you mean "anxious"? (allowed secure, anxious, avoidant, fearful)"#
            ]),
        BadInput(
            name: "key of another statistic",
            body:
                #"{ \#(scenario), \#(parameter), targets: [{ statistic: "mean", column: "episodes", q: 0.5, value: 1, sd: 1 }] }"#,
            lines: [
                #"error: FILE: targets[0].q: unknown key "q"; did you mean "sd"? (allowed name, statistic, value, sd, arm, column, where)"#
            ]),
        BadInput(
            name: "quantile probability",
            body:
                #"{ \#(scenario), \#(parameter), targets: [{ statistic: "quantile", column: "episodes", q: 2, value: 1, sd: 1 }] }"#,
            lines: ["error: FILE: targets[0].q: 2 is out of range (allowed 0...1)"]),
        BadInput(
            name: "effect without arm",
            body:
                #"{ \#(scenario), \#(parameter), targets: [{ statistic: "effect_d", outcome: "satisfaction", value: 1, sd: 1 }] }"#,
            lines: [
                #"error: FILE: targets[0].arm: missing required key "arm" (the arm compared with the control arm) (allowed cv)"#
            ]),
        BadInput(
            name: "effect of the control arm",
            body:
                #"{ \#(scenario), \#(parameter), targets: [{ statistic: "effect_d", arm: "control", outcome: "satisfaction", value: 1, sd: 1 }] }"#,
            lines: [
                #"error: FILE: targets[0].arm: "control" is the control arm; an effect compares another arm with it (allowed cv)"#
            ]),
        BadInput(
            name: "daily day beyond the run",
            body:
                #"{ \#(scenario), \#(parameter), targets: [{ statistic: "daily", column: "distressed", day: 40, value: 1, sd: 1 }] }"#,
            lines: ["error: FILE: targets[0].day: 40 is out of range (allowed 0...39)"]),
        BadInput(
            name: "duplicate target names",
            body:
                #"{ \#(scenario), \#(parameter), targets: [{ statistic: "mean", column: "episodes", value: 1, sd: 1 }, { statistic: "mean", column: "episodes", value: 2, sd: 1 }] }"#,
            lines: [
                #"error: FILE: targets[1].name: the name "mean_episodes" is already used by targets[0] (allowed a distinct name for each target, given with name)"#
            ]),
        BadInput(
            name: "abc settings out of range",
            body: "{ \(scenario), \(parameter), \(target), abc: { particles: 1, epsilon_quantile: 1 } }",
            lines: [
                "error: FILE: abc.particles: 1 is out of range (allowed 2...1000000)",
                "error: FILE: abc.epsilon_quantile: 1 is out of range (allowed more than 0, less than 1)",
            ]),
        BadInput(
            name: "inline scenario problem", body: "{ scenario: { params: { lambda: 2 } }, \(parameter), \(target) }",
            lines: [
                #"error: FILE: scenario.params.lambda: unknown parameter "lambda"; did you mean "lambda0"? (allowed the names listed by dyadsim params)"#
            ]),
        BadInput(
            name: "prediction with a value",
            body:
                #"{ \#(scenario), \#(parameter), \#(target), predictions: [{ statistic: "mean", column: "satisfaction", value: 1 }] }"#,
            lines: [
                #"error: FILE: predictions[0].value: unknown key "value" (allowed name, statistic, arm, column, where)"#
            ]),
        BadInput(
            name: "scenario with a sweep",
            body: #"{ scenario: { sweep: { grid: { "params.g0": [0.1, 0.2] } } }, \#(parameter), \#(target) }"#,
            lines: [
                "error: FILE: scenario: the scenario has a sweep; a calibration chooses the parameter values itself (allowed a scenario without sweep)"
            ]),
        BadInput(
            name: "measured score without a measurement section",
            body:
                #"{ \#(scenario), \#(parameter), targets: [{ statistic: "mean", column: "csi_a", value: 60, sd: 2 }] }"#,
            lines: [
                "error: FILE: targets[0].column: \"csi_a\" is a measured score, written only with a measurement section (allowed add measurement: {} to the scenario (docs/dyadic-data.md), or a couples.csv column)"
            ]),
    ]

    @Test("targets on measured scores: means, paired effects and correlations of the instruments' scores")
    func measuredTargets() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let scenario = """
            scenario: { seed: 5, couples: 200, days: 40, burn_in_days: 20, measurement: {},
              arms: [{ name: "control" }, { name: "cv", interventions: [{ type: "consistent_validation" }] }] }
            """
        let file = directory.write(
            "cal.json5",
            """
            { name: "measured", \(scenario),
              parameters: { "params.lambda0": { prior: "uniform", low: 0.05, high: 0.5 } },
              targets: [
                { statistic: "mean", column: "csi_a", value: 60, sd: 3 },
                { statistic: "effect_difference", arm: "cv", outcome: "csi_distressed_a", value: -0.1, sd: 0.05 },
                { statistic: "correlation", x: "ecr_anx0_a", y: "csi_a", value: -0.3, sd: 0.1 },
              ],
              abc: { particles: 20, max_generations: 1, seed: 3 } }
            """)
        let out = directory.file("out")
        let outcome = run([file, "--out", out, "--quiet"])
        try #require(outcome.code == 0, "\(outcome.error)")
        let simulations = try #require(CSVTable(path: out + "/simulations.csv"))
        for name in ["mean_csi_a", "effect_difference_csi_distressed_a_cv", "correlation_ecr_anx0_a_csi_a"] {
            #expect(simulations.header.contains(name), "\(simulations.header)")
        }
        try #require(!simulations.rows.isEmpty)
        for row in simulations.rows {
            let mean = simulations.number(row, "mean_csi_a")
            #expect(mean > 20 && mean < 81, "mean CSI-16 \(mean)")
            let correlation = simulations.number(row, "correlation_ecr_anx0_a_csi_a")
            #expect(correlation > -1 && correlation < 0, "corr \(correlation)")
            let effect = simulations.number(row, "effect_difference_csi_distressed_a_cv")
            #expect(effect.isFinite && effect <= 0.05, "effect \(effect)")
        }
    }

    @Test("a bad calibration file: exactly its lines, exit 65, nothing written", arguments: badInputs)
    func badInput(_ input: BadInput) throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.write("bad.json5", input.body)
        let outcome = run([file, "--out", directory.file("out"), "--quiet"])
        #expect(outcome.code == 65)
        #expect(outcome.errorLines == input.lines.map { $0.replacingOccurrences(of: "FILE", with: file) })
        #expect(!FileManager.default.fileExists(atPath: directory.file("out")))
    }

    @Test("a scenario file that does not exist is named with its path next to the calibration file")
    func missingScenarioFile() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.write("cal.json5", #"{ scenario: "base.json5", \#(Self.parameter), \#(Self.target) }"#)
        let outcome = run([file, "--out", directory.file("out")])
        #expect(outcome.code == 65)
        #expect(outcome.errorLines.count == 1)
        #expect(outcome.errorLines.first?.hasPrefix("error: " + directory.file("base.json5") + ": ") == true)
    }

    @Test("target statistics are the numbers dyadsim run writes for the same scenario and seed")
    func statisticsMatchRunOutputs() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let base = """
            { seed: 5, couples: 150, days: 30, burn_in_days: 10, params: { lambda0: 0.2 },
              arms: [{ name: "control" }, { name: "cv", interventions: [{ type: "consistent_validation" }] }] }
            """
        let scenario = directory.write("base.json5", base)
        let run = CommandLineHarness.run(["run", scenario, "--out", directory.file("run"), "--threads", "1", "--quiet"])
        #expect(run.code == 0, "\(run.error)")
        func rows(_ name: String) throws -> [[String: String]] {
            let lines = try String(contentsOfFile: directory.file("run/" + name), encoding: .utf8)
                .split(separator: "\n").map {
                    $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                }
            let header = try #require(lines.first)
            return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
        }
        let runs = try rows("runs.csv"), effects = try rows("effects.csv"), daily = try rows("daily.csv")
        let control = try #require(runs.first { $0["arm"] == "control" })
        let seed = try #require(UInt64(control["seed"] ?? ""))
        let satisfaction = try #require(effects.first { $0["arm"] == "cv" && $0["outcome"] == "satisfaction" })
        let day = try #require(daily.first { $0["arm"] == "cv" && $0["day"] == "12" })
        let calibration = directory.write(
            "cal.json5",
            """
            { scenario: "base.json5",
              parameters: { "params.lambda0": { prior: "uniform", low: 0.1, high: 0.3 } },
              targets: [
                { statistic: "mean", column: "episodes", value: 1, sd: 1 },
                { statistic: "effect_d", arm: "cv", outcome: "satisfaction", value: 1, sd: 1 },
                { statistic: "effect_difference", arm: "cv", outcome: "satisfaction", value: 1, sd: 1 },
                { statistic: "daily", arm: "cv", column: "distressed", day: 12, value: 1, sd: 1 },
                { statistic: "share", column: "dissolved", value: 1, sd: 1 },
              ] }
            """)
        let file = try CalibrationLoader.load(path: calibration)
        let values = try #require(file.model.statistics(parameters: [0.2], seed: seed, threads: 2))
        let written = values.map { NumberText.shortest($0) }
        #expect(written[0] == control["episodes_mean"])
        #expect(written[1] == satisfaction["d"])
        #expect(written[2] == satisfaction["difference"])
        #expect(written[3] == day["distressed"])
        #expect(written[4] == control["dissolved_mean"])
    }

    @Test("targets that no simulation can measure stop the calibration with exit 65 and no output file")
    func unmeasurableTargets() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        // Traits mode has no prototypes: proto_a is NA for every couple, so the mean is undefined.
        let file = directory.write(
            "cal.json5",
            """
            { scenario: { couples: 20, days: 5, burn_in_days: 0 }, \(Self.parameter),
              targets: [{ statistic: "mean", column: "episodes", where: { proto_a: "secure" }, value: 1, sd: 1 }],
              abc: { particles: 2, min_acceptance: 0.5 } }
            """)
        let outcome = run([file, "--out", directory.file("out"), "--quiet"])
        #expect(outcome.code == 65)
        #expect(outcome.errorLines.count == 1)
        #expect(outcome.error.contains("stopped before generation 0 was complete"))
        for name in CalibrationRunner.outputFiles {
            #expect(!FileManager.default.fileExists(atPath: directory.file("out/" + name)), "\(name)")
        }
    }

    /// Calibration files in Scenarios/ (named `*.calibration.json5`).
    static let shipped = (FileManager.default.subpaths(atPath: Repository.path("Scenarios")) ?? [])
        .filter { $0.hasSuffix(".calibration.json5") }.sorted()

    @Test("every shipped calibration file loads and calibrates at a tiny size", arguments: shipped)
    func shippedCalibration(name: String) throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        var file = try CalibrationLoader.load(path: Repository.path("Scenarios/" + name))
        #expect(!file.targets.isEmpty)
        file.settings.particles = 4
        file.settings.maxGenerations = 1
        file.scenario.couples = 60
        let request = CalibrationRequest(
            file: file, path: name, directory: directory.file("out"), threads: 2)
        guard case .completed(let summary) = try CalibrationRunner.execute(request) else {
            Issue.record("\(name) did not complete")
            return
        }
        #expect(summary.generations == 1)
        #expect(FileManager.default.fileExists(atPath: directory.file("out/manifest.json")))
    }

    // MARK: - Recovery, determinism, resume

    @Test("parameter recovery: params.lambda0 from targets simulated at 0.2")
    func recovery() throws {
        let truth = 0.2
        // The targets: one simulation of the base scenario at the true value, with a seed the
        // calibration never uses (its seeds derive from abc.seed).
        let placeholder = try CalibrationLoader.decode(
            bytes: Array(Self.calibration(episodes: 0, distressed: 0).utf8),
            file: "placeholder")
        let observed = try #require(placeholder.model.statistics(parameters: [truth], seed: 987_654_321, threads: 2))
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.write(
            "recovery.json5",
            Self.calibration(
                episodes: observed[0], distressed: observed[1], particles: 60,
                generations: 4))
        let outcome = run([file, "--out", directory.file("out"), "--threads", "2", "--quiet"])
        #expect(outcome.code == 0, "\(outcome.error)")
        let summary = try String(contentsOfFile: directory.file("out/posterior-summary.csv"), encoding: .utf8)
        let row = try #require(summary.split(separator: "\n").last?.split(separator: ",").map(String.init))
        #expect(row.first == "params.lambda0")
        let lower = try #require(Double(row[3])), upper = try #require(Double(row[5]))
        #expect(lower <= truth && truth <= upper, "95% interval \(lower)...\(upper)")
        #expect(upper - lower < (0.5 - 0.05) / 2, "95% interval \(lower)...\(upper) not narrower than half the prior")
    }

    @Test("1 and 2 threads give byte-identical CSV files")
    func threads() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.write("cal.json5", Self.calibration(episodes: 8, distressed: 0.2))
        #expect(run([file, "--out", directory.file("one"), "--threads", "1", "--quiet"]).code == 0)
        #expect(run([file, "--out", directory.file("two"), "--threads", "2", "--quiet"]).code == 0)
        try expectSame(directory.file("one"), directory.file("two"))
        let posterior = try String(contentsOfFile: directory.file("one/posterior.csv"), encoding: .utf8)
        #expect(posterior.split(separator: "\n").count == 1 + 3 * 40)
    }

    @Test("cancelled after generation 1, then resumed: the same files as without the interruption")
    func resumeAfterCancellation() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.write("cal.json5", Self.calibration(episodes: 8, distressed: 0.2, generations: 4))
        let file = try CalibrationLoader.load(path: path)
        let uninterrupted = CalibrationRequest(file: file, path: path, directory: directory.file("full"), threads: 2)
        guard case .completed = try CalibrationRunner.execute(uninterrupted) else {
            Issue.record("the uninterrupted calibration did not complete")
            return
        }
        var request = CalibrationRequest(file: file, path: path, directory: directory.file("cut"), threads: 2)
        let flag = CancellationFlag()
        let first = try CalibrationRunner.execute(
            request, cancellation: flag, onGeneration: { report in if report.index == 1 { flag.cancel() } })
        guard case .interrupted(let generations) = first else {
            Issue.record("the calibration was not interrupted")
            return
        }
        #expect(generations == 2)
        #expect(!FileManager.default.fileExists(atPath: directory.file("cut/posterior.csv")))
        // Without --resume the directory is refused.
        #expect(throws: OutputError.self) { try CalibrationRunner.execute(request) }
        request.resume = true
        request.threads = 1
        guard case .completed(let summary) = try CalibrationRunner.execute(request) else {
            Issue.record("the resumed calibration did not complete")
            return
        }
        #expect(summary.resumedGenerations == 2)
        try expectSame(directory.file("cut"), directory.file("full"))
    }

    @Test("resuming with another calibration file is refused")
    func mismatchedResume() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let first = directory.write("a.json5", Self.calibration(episodes: 8, distressed: 0.2, generations: 1))
        let second = directory.write("b.json5", Self.calibration(episodes: 9, distressed: 0.2, generations: 1))
        #expect(run([first, "--out", directory.file("out"), "--quiet"]).code == 0)
        let outcome = run([second, "--out", directory.file("out"), "--resume"])
        #expect(outcome.code == 74)
        #expect(outcome.errorLines.count == 1)
        #expect(outcome.error.contains("the saved state belongs to another calibration"))
        #expect(outcome.error.contains("use --force to start over"))
    }

    @Test("kill -9 of a dyadsim process after a finished generation, then --resume: the same files")
    func resumeAfterKill() throws {
        let executable = try #require(
            ChildProcess.executable, "no dyadsim executable next to the test bundle (swift build first)")
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.write("cal.json5", Self.calibration(episodes: 8, distressed: 0.2, generations: 5))
        let killed = directory.file("killed")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["calibrate", file, "--out", killed, "--threads", "1", "--quiet"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Kill it once generation 1 is recorded (or let it finish, then resume a finished state).
        let marker = killed + "/.dyadsim/generation-0001.seconds"
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning && !FileManager.default.fileExists(atPath: marker) && Date() < deadline {
            usleep(2_000)
        }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        let resumed = run([file, "--out", killed, "--resume", "--threads", "2", "--quiet"])
        #expect(resumed.code == 0, "\(resumed.error)")
        #expect(run([file, "--out", directory.file("full"), "--threads", "2", "--quiet"]).code == 0)
        try expectSame(killed, directory.file("full"))
    }
}
