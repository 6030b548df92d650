import CommandLineTestSupport
import DyadCore
import DyadExperiment
import DyadIO
import Foundation
import TestSupport
import Testing

/// `dyadsim merge` and `dyadsim run --resume` check content, not only fingerprints: a shard or
/// an output whose files or run records differ from what its manifest records is never accepted.
@Suite("Merge and resume verify content")
struct MergeVerificationTests {
    static let scenario = """
        { name: "m", couples: 60, days: 12, burn_in_days: 3, replicates: 2,
          arms: [{ name: "control" }, { name: "cv", interventions: [{ type: "consistent_validation" }] }],
          sweep: { grid: { "params.imp_harsh": [0.05, 0.1, 0.15] } } }
        """
    static let files = ["couples.csv", "daily.csv", "runs.csv", "effects.csv", "summary.csv", "points.csv"]

    /// A scenario, its unsharded output `full` and three shards `s0`, `s1`, `s2`.
    private func shards(_ directory: TemporaryDirectory) throws -> String {
        let file = directory.write("m.json5", Self.scenario)
        try #require(CommandLineHarness.run(["run", file, "--out", directory.file("full"), "--quiet"]).code == 0)
        for shard in 0..<3 {
            let outcome = CommandLineHarness.run([
                "run", file, "--out", directory.file("s\(shard)"), "--shard", "\(shard)/3", "--quiet",
            ])
            try #require(outcome.code == 0, "\(outcome.error)")
        }
        return file
    }

    private func bytes(_ path: String) -> [UInt8] { Repository.bytes(path).map { [UInt8]($0) } ?? [] }

    private func write(_ path: String, _ bytes: [UInt8]) {
        let written = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        #expect(written, "could not write \(path)")
    }

    private func lines(_ path: String) -> [String] {
        ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(
            separator: "\n", omittingEmptySubsequences: false
        ).map(String.init)
    }

    /// Damages of shard s1, the file the error must name, and a phrase of the reason.
    static let damages: [(name: String, file: String, reason: String)] = [
        ("truncated", "couples.csv", "bytes, the manifest records"),
        ("row_deleted", "couples.csv", "bytes, the manifest records"),
        ("digit_flipped", "couples.csv", "differs from the manifest's checksum"),
        ("rows_swapped", "daily.csv", "differs from the manifest's checksum"),
        ("file_missing", "daily.csv", "the file is missing"),
        ("foreign_fragment", "couples.csv", "bytes, the manifest records"),
        ("record_edited", "", "run records in .dyadsim/runs differ from the manifest's checksum"),
        ("record_missing", "", "runs are missing from the shards"),
    ]

    @Test(
        "a damaged shard is refused (65), naming the shard and file, and nothing is written",
        arguments: damages.map(\.name))
    func damagedShard(name: String) throws {
        let damage = try #require(Self.damages.first { $0.name == name })
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        _ = try shards(directory)
        let shard = directory.file("s1")
        switch name {
        case "truncated":
            let original = bytes(shard + "/couples.csv")
            write(shard + "/couples.csv", Array(original.dropLast(37)))
        case "row_deleted":
            var rows = lines(shard + "/couples.csv")
            rows.remove(at: 5)
            write(shard + "/couples.csv", Array(rows.joined(separator: "\n").utf8))
        case "digit_flipped":
            var original = bytes(shard + "/couples.csv")
            let header = try #require(original.firstIndex(of: 10))
            let digit = try #require(original[(header + 200)...].firstIndex { $0 >= 48 && $0 <= 56 })
            original[digit] += 1
            write(shard + "/couples.csv", original)
        case "rows_swapped":
            var rows = lines(shard + "/daily.csv")
            rows.swapAt(2, 3)
            write(shard + "/daily.csv", Array(rows.joined(separator: "\n").utf8))
        case "file_missing":
            try FileManager.default.removeItem(atPath: shard + "/daily.csv")
        case "foreign_fragment":
            let foreign = lines(directory.file("s0/couples.csv"))[1...3].joined(separator: "\n") + "\n"
            write(shard + "/couples.csv", bytes(shard + "/couples.csv") + Array(foreign.utf8))
        case "record_edited":
            let runs = shard + "/.dyadsim/runs"
            let record = try #require(
                try FileManager.default.contentsOfDirectory(atPath: runs).sorted().first { $0.hasSuffix(".record") })
            var text = lines(runs + "/" + record)
            let arm = try #require(text.firstIndex { $0.hasPrefix("arm ") })
            var fields = text[arm].split(separator: " ").map(String.init)
            fields[4] = String(fields[4].dropLast()) + (fields[4].last == "0" ? "1" : "0")
            text[arm] = fields.joined(separator: " ")
            write(runs + "/" + record, Array(text.joined(separator: "\n").utf8))
        default:
            let runs = shard + "/.dyadsim/runs"
            let record = try #require(
                try FileManager.default.contentsOfDirectory(atPath: runs).sorted().first { $0.hasSuffix(".record") })
            try FileManager.default.removeItem(atPath: runs + "/" + record)
        }
        let out = directory.file("merged")
        let outcome = CommandLineHarness.run(["merge", directory.file("s0"), shard, directory.file("s2"), "--out", out])
        #expect(outcome.code == 65, "\(name): \(outcome.error)")
        #expect(outcome.errorLines.count == 1)
        let line = outcome.errorLines.first ?? ""
        if !damage.file.isEmpty { #expect(line.hasPrefix("error: \(shard)/\(damage.file): "), "\(line)") }
        #expect(line.contains(damage.reason), "\(line)")
        #expect(!FileManager.default.fileExists(atPath: out), "\(name): the refused merge created \(out)")
        #expect(outcome.output.isEmpty)
    }

    @Test("the same shard twice is refused, and intact shards merge byte-identical to the unsharded run")
    func duplicatedAndIntact() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        _ = try shards(directory)
        let twice = CommandLineHarness.run([
            "merge", directory.file("s0"), directory.file("s1"), directory.file("s0"), "--out", directory.file("twice"),
        ])
        #expect(twice.code == 65)
        #expect(twice.errorLines.first?.contains("appears in both") == true)
        let merged = CommandLineHarness.run([
            "merge", directory.file("s0"), directory.file("s1"), directory.file("s2"), "--out",
            directory.file("merged"), "--quiet",
        ])
        #expect(merged.code == 0)
        for name in Self.files {
            #expect(
                Repository.bytes(directory.file("full/" + name)) == Repository.bytes(directory.file("merged/" + name)),
                "\(name)")
        }
    }

    @Test("--out may not be one of the shards: not by the same path, a ./ path, a trailing slash or a symbolic link")
    func outputIsInput() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        _ = try shards(directory)
        let shard = directory.file("s0")
        let before = Self.files.map { bytes(shard + "/" + $0) }
        try FileManager.default.createSymbolicLink(atPath: directory.file("link"), withDestinationPath: shard)
        for out in [shard, directory.path + "/./s0", shard + "/", directory.file("link")] {
            for force in [false, true] {
                let outcome = CommandLineHarness.run(
                    ["merge", shard, directory.file("s1"), directory.file("s2"), "--out", out]
                        + (force ? ["--force"] : []))
                #expect(outcome.code == 65, "\(out)")
                #expect(
                    outcome.errorLines == [
                        "error: --out \(out) is the shard directory \(shard); the merged output needs a directory of its own"
                    ])
            }
        }
        #expect(Self.files.map { bytes(shard + "/" + $0) } == before)
    }

    @Test("a merge into a non-empty directory suggests --force, never --resume (which merge does not take)")
    func nonEmptyOutputHint() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        _ = try shards(directory)
        directory.write("busy/notes.txt", "mine")
        let outcome = CommandLineHarness.run([
            "merge", directory.file("s0"), directory.file("s1"), directory.file("s2"), "--out", directory.file("busy"),
        ])
        #expect(outcome.code == 74)
        #expect(
            outcome.errorLines == [
                "error: the output directory \(directory.file("busy")) is not empty; use --force to replace its DyadSim outputs, or --out to choose another directory"
            ])
        let forced = CommandLineHarness.run([
            "merge", directory.file("s0"), directory.file("s1"), directory.file("s2"), "--out", directory.file("busy"),
            "--force", "--quiet",
        ])
        #expect(forced.code == 0)
        #expect(FileManager.default.fileExists(atPath: directory.file("busy/notes.txt")))
    }

    @Test("an interrupted merge leaves no output directory and no temporary file, so the same command works again")
    func interruptedMerge() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        _ = try shards(directory)
        let inputs = (0..<3).map { directory.file("s\($0)") }
        let cancelled = CancellationFlag()
        cancelled.cancel()
        #expect(throws: MergeError.self) {
            try ShardMerger.merge(
                inputs: inputs, output: directory.file("merged"), force: false, command: [], cancellation: cancelled)
        }
        do {
            _ = try ShardMerger.merge(
                inputs: inputs, output: directory.file("merged"), force: false, command: [], cancellation: cancelled)
        } catch {
            guard case .interrupted = error else {
                Issue.record("expected an interruption, got \(error)")
                return
            }
            #expect(error.exitCode == 130)
        }
        #expect(!FileManager.default.fileExists(atPath: directory.file("merged")))
        let leftovers = (FileManager.default.subpaths(atPath: directory.path) ?? []).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty, "\(leftovers)")
        let again = CommandLineHarness.run(["merge"] + inputs + ["--out", directory.file("merged"), "--quiet"])
        #expect(again.code == 0)
    }

    @Test("--resume after an interruption redoes a finished run whose row fragment was damaged since")
    func resumeRechecksFragments() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let file = try shards(directory)
        let scenario = try ScenarioLoader.load(path: file)
        let request = RunRequest(
            plan: RunPlan(scenario: scenario), scenarioFile: file, directory: directory.file("cut"), threads: 1)
        let cancellation = CancellationFlag()
        guard
            case .interrupted(let finished, _) = try SweepRunner.execute(
                request, cancellation: cancellation,
                progress: StopAfter(runs: 2, cancellation: cancellation))
        else {
            Issue.record("expected an interruption")
            return
        }
        #expect(finished >= 2)
        let runs = directory.file("cut/.dyadsim/runs")
        let fragment = try #require(
            try FileManager.default.contentsOfDirectory(atPath: runs).sorted().first { $0.hasSuffix(".couples.csv") })
        var damaged = bytes(runs + "/" + fragment)
        let digit = try #require(damaged.indices.reversed().first { damaged[$0] >= 48 && damaged[$0] <= 56 })
        damaged[digit] += 1
        write(runs + "/" + fragment, damaged)
        let resumed = CommandLineHarness.run(["run", file, "--out", directory.file("cut"), "--resume"])
        #expect(resumed.code == 0)
        let kept = finished - 1 == 1 ? "1 run was" : "\(finished - 1) runs were"
        #expect(resumed.output.contains("resumed: \(kept) already finished and kept"), "\(resumed.output)")
        for name in Self.files {
            #expect(bytes(directory.file("full/" + name)) == bytes(directory.file("cut/" + name)), "\(name)")
        }
    }

    @Test(
        "--resume on a finished directory re-checks it: a deleted couples.csv is simulated again, damaged summaries are rebuilt from the records"
    )
    func resumeRechecks() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let file = try shards(directory)
        let out = directory.file("full")
        let full = Self.files.map { bytes(out + "/" + $0) }
        let intact = CommandLineHarness.run(["run", file, "--out", out, "--resume"])
        #expect(intact.code == 0)
        #expect(intact.output.contains("nothing to do; all 6 runs in \(out) are finished"), "\(intact.output)")
        #expect(!intact.output.contains("re-checked"))

        try FileManager.default.removeItem(atPath: out + "/couples.csv")
        let rebuilt = CommandLineHarness.run(["run", file, "--out", out, "--resume"])
        #expect(rebuilt.code == 0)
        #expect(rebuilt.output.contains("  re-checked: couples.csv: the file is missing; every run is simulated again"))
        #expect(Self.files.map { bytes(out + "/" + $0) } == full)

        try FileManager.default.removeItem(atPath: out + "/runs.csv")
        write(out + "/summary.csv", bytes(out + "/summary.csv") + Array("x\n".utf8))
        let summaries = CommandLineHarness.run(["run", file, "--out", out, "--resume"])
        #expect(summaries.code == 0)
        #expect(summaries.output.contains("  re-checked: runs.csv: the file is missing; rebuilt from the run records"))
        #expect(summaries.output.contains("  re-checked: summary.csv: it has"))
        #expect(summaries.output.contains("resumed: 6 runs were already finished and kept"))
        #expect(Self.files.map { bytes(out + "/" + $0) } == full)

        let runs = out + "/.dyadsim/runs"
        let record = try #require(
            try FileManager.default.contentsOfDirectory(atPath: runs).sorted().first { $0.hasSuffix(".record") })
        write(runs + "/" + record, bytes(runs + "/" + record).map { $0 == UInt8(ascii: "a") ? UInt8(ascii: "b") : $0 })
        let records = CommandLineHarness.run(["run", file, "--out", out, "--resume"])
        #expect(records.code == 0)
        #expect(records.output.contains("every run is simulated again"))
        #expect(Self.files.map { bytes(out + "/" + $0) } == full)
    }
}
