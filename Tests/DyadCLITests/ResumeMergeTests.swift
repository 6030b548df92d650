import CommandLineTestSupport
import DyadCore
import DyadExperiment
import DyadIO
import Foundation
import TestSupport
import Testing

/// `--resume` and `dyadsim merge` against damaged, truncated, duplicated and foreign run files:
/// a run whose files do not match its record is redone; merge refuses inputs that do not fit.
@Suite("Resume and merge with damaged files")
struct ResumeMergeTests {
    static let scenario = """
        { name: "damage", couples: 30, days: 12, burn_in_days: 4, replicates: 2,
          arms: [{ name: "control" }, { name: "cv", interventions: [{ type: "consistent_validation" }] }],
          sweep: { grid: { "params.lambda0": [0.2, 0.5] } } }
        """
    static let files = ["couples.csv", "daily.csv", "runs.csv", "effects.csv", "summary.csv", "points.csv"]

    /// What is done to the files of finished run p000000-r0000 (or the runs folder) before resuming,
    /// and how many of the 3 finished runs must be reused.
    struct Damage: Sendable, CustomTestStringConvertible {
        let name: String
        let reused: Int
        let apply: @Sendable (_ runs: String) throws -> Void
        var testDescription: String { name }
    }

    static func edit(_ path: String, _ change: (inout Data) -> Void) throws {
        var data = try Data(contentsOf: URL(fileURLWithPath: path))
        change(&data)
        try data.write(to: URL(fileURLWithPath: path))
    }

    static let damages: [Damage] = [
        Damage(name: "couples fragment one byte short", reused: 2) { runs in
            try edit(runs + "/p000000-r0000.couples.csv") { $0.removeLast() }
        },
        Damage(name: "daily fragment one byte longer", reused: 2) { runs in
            try edit(runs + "/p000000-r0000.daily.csv") { $0.append(contentsOf: Array("9".utf8)) }
        },
        Damage(name: "couples fragment with one byte changed, same size (its checksum differs)", reused: 2) { runs in
            try edit(runs + "/p000000-r0000.couples.csv") { data in
                let index = data.count - 2  // the last cell's last character, before the newline
                data[index] = data[index] == UInt8(ascii: "1") ? UInt8(ascii: "2") : UInt8(ascii: "1")
            }
        },
        Damage(name: "couples fragment missing", reused: 2) { runs in
            try FileManager.default.removeItem(atPath: runs + "/p000000-r0000.couples.csv")
        },
        Damage(name: "record without its end line", reused: 2) { runs in
            try edit(runs + "/p000000-r0000.record") { data in
                var text = String(decoding: data, as: UTF8.self)
                text = text.replacingOccurrences(of: "end\n", with: "")
                data = Data(text.utf8)
            }
        },
        Damage(name: "record cut in the middle", reused: 2) { runs in
            try edit(runs + "/p000000-r0000.record") { data in data = data.prefix(data.count / 2) }
        },
        Damage(name: "record listing a fragment size one larger", reused: 2) { runs in
            try edit(runs + "/p000000-r0000.record") { data in
                let lines = String(decoding: data, as: UTF8.self).split(
                    separator: "\n", omittingEmptySubsequences: false)
                data = Data(
                    lines.map { line -> String in
                        guard line.hasPrefix("fragment couples.csv "), let size = Int(line.split(separator: " ")[2])
                        else { return String(line) }
                        return "fragment couples.csv \(size + 1)"
                    }.joined(separator: "\n").utf8)
            }
        },
        Damage(name: "a duplicate of a record under another name", reused: 3) { runs in
            try FileManager.default.copyItem(atPath: runs + "/p000000-r0000.record", toPath: runs + "/copy.record")
        },
        Damage(name: "a foreign record of a run the plan does not have", reused: 3) { runs in
            let text = try String(contentsOfFile: runs + "/p000000-r0000.record", encoding: .utf8)
            try text.replacingOccurrences(of: "run 0 0 ", with: "run 7 0 ")
                .write(toFile: runs + "/p000007-r0000.record", atomically: false, encoding: .utf8)
        },
        Damage(name: "stale fragments and temporaries of an unfinished run", reused: 3) { runs in
            try "garbage\n".write(toFile: runs + "/p000001-r0001.couples.csv", atomically: false, encoding: .utf8)
            try "x".write(toFile: runs + "/.p000001-r0001.daily.csv.tmp-1", atomically: false, encoding: .utf8)
        },
        Damage(name: "a stale temporary of a finished run", reused: 3) { runs in
            try "x".write(toFile: runs + "/.p000000-r0000.couples.csv.tmp-1", atomically: false, encoding: .utf8)
        },
    ]

    /// Runs the scenario uninterrupted into `full`, and into `cut` stopped after 3 of its 4 runs.
    static func prepare(_ directory: TemporaryDirectory) throws -> (file: String, request: RunRequest) {
        let file = directory.write("damage.json5", scenario)
        let full = CommandLineHarness.run(["run", file, "--out", directory.file("full"), "--quiet", "--threads", "1"])
        try #require(full.code == 0, "\(full.error)")
        let plan = RunPlan(scenario: try ScenarioLoader.load(path: file))
        let request = RunRequest(plan: plan, scenarioFile: file, directory: directory.file("cut"), threads: 1)
        let cancellation = CancellationFlag()
        let first = try SweepRunner.execute(
            request, cancellation: cancellation, progress: StopAfter(runs: 3, cancellation: cancellation))
        guard case .interrupted(3, 4) = first else {
            Issue.record("expected an interruption after 3 of 4 runs, got \(first)")
            throw CancellationError()
        }
        return (file, request)
    }

    @Test(
        "--resume redoes exactly the runs with a damaged record or fragment; output equals an uninterrupted run",
        arguments: damages)
    func resume(_ damage: Damage) throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        var (_, request) = try Self.prepare(directory)
        let runs = directory.file("cut/.dyadsim/runs")
        #expect(FileManager.default.fileExists(atPath: runs + "/p000000-r0000.record"))
        try damage.apply(runs)
        request.resume = true
        guard case .completed(let report) = try SweepRunner.execute(request, cancellation: CancellationFlag()) else {
            Issue.record("the resumed run did not complete")
            return
        }
        #expect(report.reused == damage.reused)
        for name in Self.files {
            #expect(
                Repository.bytes(directory.file("cut/" + name)) == Repository.bytes(directory.file("full/" + name)),
                "\(name)")
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: runs).filter { !$0.hasSuffix(".record") }
        #expect(left.isEmpty, "fragments and temporaries are removed after assembly: \(left)")
    }

    /// Shards 0/2 and 1/2 of the scenario in `shard0` and `shard1`.
    static func shards(_ directory: TemporaryDirectory) throws -> String {
        let file = directory.write("damage.json5", scenario)
        for shard in 0..<2 {
            let outcome = CommandLineHarness.run([
                "run", file, "--out", directory.file("shard\(shard)"), "--shard", "\(shard)/2",
                "--quiet", "--threads", "1",
            ])
            try #require(outcome.code == 0, "\(outcome.error)")
        }
        return file
    }

    static func merge(_ directory: TemporaryDirectory, _ output: String = "merged") -> CommandLineHarness.Outcome {
        CommandLineHarness.run([
            "merge", directory.file("shard0"), directory.file("shard1"), "--out", directory.file(output),
            "--quiet",
        ])
    }

    @Test(
        "merge refuses a damaged record, a foreign run, a duplicate or an edited manifest, and writes nothing"
    )
    func mergeDamage() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        _ = try Self.shards(directory)
        let runs = directory.file("shard1/.dyadsim/runs")
        let records = try FileManager.default.contentsOfDirectory(atPath: runs).filter { $0.hasSuffix(".record") }
            .sorted()
        try #require(records.count == 2)
        let record = runs + "/" + records[0]
        let original = try Data(contentsOf: URL(fileURLWithPath: record))

        try Self.edit(record) { data in data = data.prefix(data.count - 4) }
        var outcome = Self.merge(directory, "truncated")
        #expect(outcome.code == 65)
        #expect(
            outcome.errorLines.first?.hasPrefix(
                "error: 1 of 4 runs are missing from the shards: \(records[0].prefix(13))") == true,
            "\(outcome.error)")
        #expect(!FileManager.default.fileExists(atPath: directory.file("truncated/couples.csv")))
        try original.write(to: URL(fileURLWithPath: record))

        let text = String(decoding: original, as: UTF8.self)
        let runLine = try #require(text.split(separator: "\n").first { $0.hasPrefix("run ") })
        let fields = runLine.split(separator: " ")
        // A record of point 9 (which the scenario does not plan), named as its run identifier.
        let forged = PlannedRun(point: 9, replicate: Int(fields[2]) ?? 0, seed: 0).identifier + ".record"
        try text.replacingOccurrences(of: String(runLine), with: "run 9 \(fields[2]) \(fields[3])")
            .write(toFile: runs + "/" + forged, atomically: false, encoding: .utf8)
        outcome = Self.merge(directory, "foreign")
        #expect(outcome.code == 65)
        #expect(
            outcome.errorLines.first?.contains("the shards hold runs the scenario does not plan: p000009-r") == true,
            "\(outcome.error)")
        try FileManager.default.removeItem(atPath: runs + "/" + forged)

        let otherRuns = directory.file("shard0/.dyadsim/runs")
        try FileManager.default.copyItem(atPath: record, toPath: otherRuns + "/" + records[0])
        outcome = Self.merge(directory, "duplicate")
        #expect(outcome.code == 65)
        #expect(outcome.errorLines.first?.contains("appears in both") == true, "\(outcome.error)")
        try FileManager.default.removeItem(atPath: otherRuns + "/" + records[0])

        let manifest = directory.file("shard1/manifest.json")
        let manifestText = try String(contentsOfFile: manifest, encoding: .utf8)
        try manifestText.replacingOccurrences(of: "\"couples\": 30", with: "\"couples\": 31")
            .write(toFile: manifest, atomically: false, encoding: .utf8)
        outcome = Self.merge(directory, "edited")
        #expect(outcome.code == 65, "\(outcome.error)")
        try manifestText.write(toFile: manifest, atomically: false, encoding: .utf8)

        outcome = Self.merge(directory)
        #expect(outcome.code == 0, "\(outcome.error)")
        let full = CommandLineHarness.run([
            "run", directory.file("damage.json5"), "--out", directory.file("full"), "--quiet",
        ])
        #expect(full.code == 0)
        for name in Self.files {
            #expect(
                Repository.bytes(directory.file("merged/" + name)) == Repository.bytes(directory.file("full/" + name)),
                "\(name)")
        }
    }
}
