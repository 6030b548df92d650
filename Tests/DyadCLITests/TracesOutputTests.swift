import CommandLineTestSupport
import DyadCLI
import DyadCore
import DyadIO
import Foundation
import TestSupport
import Testing

/// `outputs.traces`: every action of the episodes of sampled couples.
@Suite("traces.csv")
struct TracesOutputTests {
    static func scenario(traces: String?) -> String {
        """
        { name: "tr", seed: 5, couples: 200, days: 30, burn_in_days: 20, replicates: 2,
          arms: [{ name: "control" },
                 { name: "v", interventions: [{ type: "consistent_validation", target: "both", strength: 1 }] }],
          outputs: { \(traces.map { "traces: \($0)" } ?? "") } }
        """
    }

    static func rows(_ path: String) throws -> (header: [String], rows: [[String]]) {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        return (lines.first ?? [], Array(lines.dropFirst()))
    }

    @Test("a traced couple's episodes and non-forced actions reproduce its couples.csv counts; other files unchanged")
    func countsMatchCouples() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let traced = directory.write("traced.json5", Self.scenario(traces: "{ couples: 4 }"))
        let plain = directory.write("plain.json5", Self.scenario(traces: nil))
        try #require(CommandLineHarness.run(["run", traced, "--out", directory.file("t"), "--quiet"]).code == 0)
        try #require(CommandLineHarness.run(["run", plain, "--out", directory.file("p"), "--quiet"]).code == 0)
        for name in ["couples.csv", "daily.csv", "runs.csv", "effects.csv", "summary.csv"] {
            #expect(
                Repository.bytes(directory.file("t/" + name)) == Repository.bytes(directory.file("p/" + name)),
                "\(name)")
        }
        let traces = try Self.rows(directory.file("t/traces.csv"))
        #expect(traces.header == OutputFile.traces.columns.map(\.name))
        let couples = try Self.rows(directory.file("t/couples.csv"))
        func column(_ table: (header: [String], rows: [[String]]), _ name: String) throws -> Int {
            try #require(table.header.firstIndex(of: name))
        }
        let key = ["replicate", "arm", "couple"]
        var episodes: [[String]: Set<String>] = [:]
        var actions: [[String]: (a: Int, b: Int)] = [:]
        for row in traces.rows {
            let id = try key.map { row[try column(traces, $0)] }
            episodes[id, default: []].insert(row[try column(traces, "episode")])
            guard row[try column(traces, "forced")] == "0" else { continue }
            var count = actions[id] ?? (0, 0)
            if row[try column(traces, "actor")] == "a" { count.a += 1 } else { count.b += 1 }
            actions[id] = count
        }
        // 4 couples in each of 2 arms and 2 replicates, the same couples in both arms.
        #expect(Set(episodes.keys.map { [$0[0], $0[2]] }).count == 2 * 4)
        var checked = 0
        for row in couples.rows {
            let id = try key.map { row[try column(couples, $0)] }
            guard let seen = episodes[id] else { continue }
            checked += 1
            #expect(String(seen.count) == row[try column(couples, "episodes")], "\(id)")
            #expect(String(actions[id]?.a ?? 0) == row[try column(couples, "actions_a")], "\(id)")
            #expect(String(actions[id]?.b ?? 0) == row[try column(couples, "actions_b")], "\(id)")
        }
        #expect(checked == 2 * 2 * 4)
    }

    @Test("a day window keeps only those days")
    func dayWindow() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.write("w.json5", Self.scenario(traces: "{ couples: 10, days: [5, 9] }"))
        try #require(CommandLineHarness.run(["run", file, "--out", directory.file("w"), "--quiet"]).code == 0)
        let traces = try Self.rows(directory.file("w/traces.csv"))
        let day = try #require(traces.header.firstIndex(of: "day"))
        #expect(!traces.rows.isEmpty)
        for row in traces.rows { #expect((5...9).contains(Int(row[day]) ?? -1)) }
    }

    @Test(
        "bad traces settings give one clear line and exit 65",
        arguments: [
            ("{ couples: 0 }", "outputs.traces.couples"), ("{ days: [1, 2] }", "outputs.traces.couples"),
            ("{ couples: 2, days: [5, 1] }", "outputs.traces.days"),
            ("{ couples: 2, days: [1] }", "outputs.traces.days"),
            ("{ couples: 2, day: [1, 2] }", "outputs.traces.day"),
        ])
    func badSettings(settings: String, path: String) throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.write("bad.json5", Self.scenario(traces: settings))
        let outcome = CommandLineHarness.run(["run", file, "--out", directory.file("out"), "--quiet"])
        #expect(outcome.code == 65)
        #expect(outcome.error.split(separator: "\n").count == 1, "\(outcome.error)")
        #expect(outcome.error.contains(path), "\(outcome.error)")
    }
}
