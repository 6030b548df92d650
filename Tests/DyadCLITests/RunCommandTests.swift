import CommandLineTestSupport
import DyadCLI
import DyadCore
import DyadExperiment
import DyadIO
import Foundation
import TestSupport
import Testing

/// `dyadsim run` end to end, in-process.
@Suite("dyadsim run")
struct RunCommandTests {
    static let resultFiles = ["couples.csv", "daily.csv", "runs.csv", "effects.csv", "summary.csv"]

    private func run(_ scenario: String, _ directory: String, _ extra: [String] = []) -> CommandLineHarness.Outcome {
        CommandLineHarness.run(["run", scenario, "--out", directory, "--quiet"] + extra)
    }

    private func contents(_ directory: String, _ files: [String] = resultFiles) -> [String: Data] {
        Dictionary(
            uniqueKeysWithValues: files.compactMap { name in Repository.bytes(directory + "/" + name).map { (name, $0) }
            })
    }

    @Test("writes every file with the documented header, one row per couple × arm, and a summary")
    func outputs() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let out = directory.file("out")
        let outcome = CommandLineHarness.run([
            "run", Repository.path("Scenarios/quickstart.json5"), "--out", out, "--couples", "300", "--days", "40",
        ])
        #expect(outcome.code == 0)
        #expect(
            outcome.output.hasPrefix(
                "dyadsim: quickstart: 1 run (1 point x 1 replicate), 2 arms, 300 couples x 40 days\n"))
        #expect(
            outcome.output.contains(
                "files in \(out)/: couples.csv (600 rows), daily.csv (80 rows), runs.csv (2 rows), effects.csv (\(EffectOutcomes.columns.count) rows)"
            ))
        for file in OutputFile.allCases where ![.points, .partners, .traces].contains(file) {
            let data = try #require(Repository.bytes(out + "/" + file.rawValue))
            let text = try #require(String(data: data, encoding: .utf8))
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.first.map(String.init) == String(file.header(swept: []).dropLast()), "\(file.rawValue)")
            let width = lines[0].split(separator: ",").count
            for line in lines.dropFirst() where !line.isEmpty {
                #expect(line.split(separator: ",", omittingEmptySubsequences: false).count == width)
                #expect(!line.contains("nan") && !line.contains("inf"))
            }
            #expect(text.hasSuffix("\n"))
        }
        let manifest =
            try JSONSerialization.jsonObject(with: try #require(Repository.bytes(out + "/manifest.json")))
            as? [String: Any]
        #expect(manifest?["dyadsim_version"] as? String == "0.1.0")
        #expect((manifest?["files"] as? [[String: Any]])?.count == 5)
        #expect(!FileManager.default.fileExists(atPath: out + "/points.csv"))
    }

    @Test("1 and 2 threads give byte-identical files; the same seed twice too; another seed differs")
    func determinism() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let scenario = Repository.path("Scenarios/consistent-validation.json5")
        let small = ["--couples", "400", "--days", "60"]
        #expect(run(scenario, directory.file("one"), small + ["--threads", "1"]).code == 0)
        #expect(run(scenario, directory.file("two"), small + ["--threads", "2"]).code == 0)
        #expect(run(scenario, directory.file("again"), small + ["--threads", "2"]).code == 0)
        #expect(run(scenario, directory.file("seed"), small + ["--seed", "8"]).code == 0)
        let one = contents(directory.file("one"))
        #expect(one.count == 5)
        #expect(one == contents(directory.file("two")))
        #expect(one == contents(directory.file("again")))
        #expect(one["couples.csv"] != contents(directory.file("seed"))["couples.csv"])
    }

    @Test("shards 0/3, 1/3, 2/3 merged are byte-identical to the unsharded sweep")
    func shardsAndMerge() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let scenario = directory.write(
            "sweep.json5",
            """
            { name: "s", couples: 150, days: 30, burn_in_days: 10, replicates: 2,
              arms: [{ name: "control" }, { name: "cv", interventions: [{ type: "consistent_validation", target: "partner_of_more_anxious" }] }],
              sweep: { grid: { "params.imp_harsh": [0.05, 0.1], "arms.cv.consistent_validation.strength": [0.5, 1] } } }
            """)
        #expect(run(scenario, directory.file("full")).code == 0)
        for shard in 0..<3 {
            #expect(
                run(scenario, directory.file("shard\(shard)"), ["--shard", "\(shard)/3", "--threads", "1"]).code == 0)
        }
        let merge = CommandLineHarness.run([
            "merge", directory.file("shard0"), directory.file("shard1"), directory.file("shard2"),
            "--out", directory.file("merged"), "--quiet",
        ])
        #expect(merge.code == 0)
        let files = Self.resultFiles + ["points.csv"]
        #expect(contents(directory.file("full"), files) == contents(directory.file("merged"), files))
        #expect(contents(directory.file("full"), files).count == 6)
        let missing = CommandLineHarness.run([
            "merge", directory.file("shard0"), directory.file("shard2"), "--out", directory.file("m2"),
        ])
        #expect(missing.code == 65)
        #expect(
            missing.errorLines == [
                "error: 3 of 8 runs are missing from the shards: p000000-r0001 (point 0, replicate 1), p000002-r0000 (point 2, replicate 0), p000003-r0001 (point 3, replicate 1)"
            ])
        let twice = CommandLineHarness.run([
            "merge", directory.file("shard0"), directory.file("shard0"), "--out", directory.file("m3"),
        ])
        #expect(twice.code == 65)
        #expect(twice.errorLines.first?.contains("appears in both") == true)
        let other = directory.write("other.json5", "{ name: \"s\", couples: 151, days: 30 }")
        #expect(run(other, directory.file("other")).code == 0)
        let mixed = CommandLineHarness.run([
            "merge", directory.file("shard0"), directory.file("other"), "--out", directory.file("m4"),
        ])
        #expect(mixed.code == 65)
        #expect(mixed.errorLines.first?.hasPrefix("error: the shards come from different scenarios") == true)
    }

    @Test("an interrupted sweep resumes without redoing finished runs and ends byte-identical")
    func resume() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.write(
            "sweep.json5",
            """
            { name: "r", couples: 120, days: 25, burn_in_days: 5, replicates: 3,
              sweep: { grid: { "params.lambda0": [0.1, 0.2] } } }
            """)
        #expect(run(file, directory.file("full"), ["--threads", "1"]).code == 0)
        let scenario = try ScenarioLoader.load(path: file)
        var request = RunRequest(
            plan: RunPlan(scenario: scenario), scenarioFile: file, directory: directory.file("cut"), threads: 1)
        let cancellation = CancellationFlag()
        let stopper = StopAfter(runs: 2, cancellation: cancellation)
        let first = try SweepRunner.execute(request, cancellation: cancellation, progress: stopper)
        guard case .interrupted(let finished, let total) = first else {
            Issue.record("expected an interruption")
            return
        }
        #expect(finished == 2 && total == 6)
        #expect(!FileManager.default.fileExists(atPath: directory.file("cut/couples.csv")))
        #expect(run(file, directory.file("cut")).code == 74)
        request.resume = true
        let second = try SweepRunner.execute(request, cancellation: CancellationFlag())
        guard case .completed(let report) = second else {
            Issue.record("expected completion")
            return
        }
        #expect(report.reused == 2)
        #expect(
            contents(directory.file("full"), Self.resultFiles + ["points.csv"])
                == contents(directory.file("cut"), Self.resultFiles + ["points.csv"]))
        let again = CommandLineHarness.run(["run", file, "--out", directory.file("cut"), "--resume"])
        #expect(again.code == 0)
    }

    @Test("adding a grid value leaves every other point's rows unchanged")
    func stableSeeds() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let small = directory.write(
            "a.json5",
            "{ couples: 80, days: 20, burn_in_days: 5, sweep: { grid: { \"params.imp_harsh\": [0.05, 0.15] } } }")
        let large = directory.write(
            "b.json5",
            "{ couples: 80, days: 20, burn_in_days: 5, sweep: { grid: { \"params.imp_harsh\": [0.05, 0.1, 0.15] } } }")
        #expect(run(small, directory.file("a")).code == 0)
        #expect(run(large, directory.file("b")).code == 0)
        func rows(_ folder: String) throws -> [String: String] {
            let text = try String(contentsOfFile: folder + "/runs.csv", encoding: .utf8)
            var result: [String: String] = [:]
            for line in text.split(separator: "\n").dropFirst() {
                let fields = line.split(separator: ",", omittingEmptySubsequences: false)
                result[String(fields[4])] = fields.dropFirst().joined(separator: ",")
            }
            return result
        }
        let before = try rows(directory.file("a")), after = try rows(directory.file("b"))
        #expect(before.count == 2 && after.count == 3)
        for (value, row) in before { #expect(after[value] == row, "imp_harsh \(value)") }
    }

    @Test("an invalid scenario exits 65 and leaves no output directory behind")
    func invalidScenario() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let bad = directory.write("bad.json5", "{ couples: 100, params: { g0: 3, imp_hrash: 0.1 } }")
        let outcome = run(bad, directory.file("never"))
        #expect(outcome.code == 65)
        #expect(
            outcome.errorLines == [
                "error: \(bad): params.g0: 3 is out of range (allowed 0...1)",
                "error: \(bad): params.imp_hrash: unknown parameter \"imp_hrash\"; did you mean \"imp_harsh\"? (allowed the names listed by dyadsim params)",
            ])
        #expect(!FileManager.default.fileExists(atPath: directory.file("never")))
        let override = run(Repository.path("Scenarios/eft-trial.json5"), directory.file("never"), ["--days", "30"])
        #expect(override.code == 65)
        #expect(
            override.errorLines.first?.hasSuffix(
                "baseline_day: 60 is not before days 30 (allowed 0...29) (after command-line overrides)") == true)
    }

    @Test("I/O problems exit 74 with one clear line: a file in the way, a non-empty directory, an impossible place")
    func inputOutputErrors() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let quick = Repository.path("Scenarios/quickstart.json5")
        let file = directory.write("plain", "x")
        let onFile = run(quick, file, ["--couples", "10", "--days", "5"])
        #expect(onFile.code == 74)
        #expect(onFile.errorLines == ["error: cannot use \(file) as the output directory: it is a file"])
        let below = run(quick, file + "/sub", ["--couples", "10", "--days", "5"])
        #expect(below.code == 74)
        #expect(below.errorLines == ["error: cannot create \(file)/sub: \(file) is a file, not a directory"])
        let occupied = directory.file("occupied")
        directory.write("occupied/notes.txt", "mine")
        let refused = run(quick, occupied, ["--couples", "10", "--days", "5"])
        #expect(refused.code == 74)
        #expect(
            refused.errorLines.first?.hasPrefix("error: the output directory \(occupied) is not empty; use --force")
                == true)
        #expect(run(quick, occupied, ["--couples", "10", "--days", "5", "--force"]).code == 0)
        #expect(FileManager.default.fileExists(atPath: occupied + "/notes.txt"))
        let proc = run(quick, "/proc/dyadsim-out", ["--couples", "10", "--days", "5"])
        #expect(proc.code == 74)
        #expect(proc.errorLines.first?.hasPrefix("error: cannot create /proc/dyadsim-out") == true)
    }

    @Test("--progress on a non-terminal writes plain progress lines, ending at 100 %; --quiet writes nothing")
    func progressLines() {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let quick = Repository.path("Scenarios/quickstart.json5")
        let outcome = CommandLineHarness.run([
            "run", quick, "--out", directory.file("p"), "--couples", "200", "--days", "30", "--progress",
        ])
        #expect(outcome.code == 0)
        #expect(outcome.errorLines.last?.hasPrefix("progress: 1/1 runs, 100%") == true)
        #expect(!outcome.error.contains("\r"))
        let quiet = run(quick, directory.file("q"), ["--couples", "200", "--days", "30"])
        #expect(quiet.error.isEmpty && quiet.output.isEmpty)
    }

    @Test("a plan above the memory limit is refused before anything is allocated")
    func memoryLimit() {
        let outcome = run(
            Repository.path("Scenarios/population.json5"), "/nonexistent/x",
            ["--couples", "100000000", "--max-memory", "20M"])
        #expect(outcome.code == 65)
        #expect(outcome.errorLines.first?.contains("the plan needs an estimated") == true)
        #expect(outcome.errorLines.first?.contains("more than the limit of 21.0 MB") == true)
    }

    @Test(
        "every shipped scenario runs a few days",
        arguments: try! FileManager.default.subpathsOfDirectory(atPath: Repository.path("Scenarios")).filter {
            $0.hasSuffix(".json5") && !$0.hasSuffix(".calibration.json5")
        }.sorted())
    func shippedScenario(name: String) throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = Repository.path("Scenarios/" + name)
        let scenario = try ScenarioLoader.load(path: path)
        let latestStart = scenario.arms.flatMap(\.interventions).map(\.startDay).max() ?? 0
        let days = max(15, scenario.baselineDay + 2, latestStart + 8)
        let outcome = run(path, directory.file("out"), ["--couples", "48", "--days", String(days)])
        #expect(outcome.code == 0, "\(name): \(outcome.error)")
        #expect(FileManager.default.fileExists(atPath: directory.file("out/manifest.json")))
    }

    @Test("a second process cannot write into a directory that is in use")
    func lock() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let scenario = try ScenarioLoader.load(path: Repository.path("Scenarios/population.json5"))
        let request = RunRequest(
            plan: RunPlan(scenario: scenario), scenarioFile: "population.json5", directory: directory.file("busy"),
            threads: 1)
        let cancellation = CancellationFlag()
        let started = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            _ = try? SweepRunner.execute(request, cancellation: cancellation, progress: Signal(started))
            finished.signal()
        }
        // The state file is written right after the first run takes the lock.
        for _ in 0..<400 where !FileManager.default.fileExists(atPath: directory.file("busy/.dyadsim/state.json")) {
            Thread.sleep(forTimeInterval: 0.025)
        }
        let second = CommandLineHarness.run([
            "run", Repository.path("Scenarios/quickstart.json5"), "--out", directory.file("busy"), "--resume",
            "--quiet",
        ])
        cancellation.cancel()
        finished.wait()
        #expect(second.code == 74)
        #expect(
            second.errorLines == [
                "error: another dyadsim process (pid \(ProcessInfo.processInfo.processIdentifier)) is writing to \(directory.file("busy")); wait for it to finish or choose another --out"
            ])
    }
}

/// Cancels after a number of finished runs (an in-process stand-in for Ctrl-C).
final class StopAfter: ProgressSink, @unchecked Sendable {
    let runs: Int
    let cancellation: CancellationFlag

    init(runs: Int, cancellation: CancellationFlag) {
        self.runs = runs
        self.cancellation = cancellation
    }

    func update(finished: Int, total: Int, coupleDays: Int) {
        if finished >= runs { cancellation.cancel() }
    }
}

/// Ignores progress (used to hold a run open).
final class Signal: ProgressSink, @unchecked Sendable {
    let semaphore: DispatchSemaphore
    init(_ semaphore: DispatchSemaphore) { self.semaphore = semaphore }
    func update(finished: Int, total: Int, coupleDays: Int) { semaphore.signal() }
}
