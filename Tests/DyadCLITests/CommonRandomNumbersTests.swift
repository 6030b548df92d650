import CommandLineTestSupport
import DyadCLI
import Foundation
import TestSupport
import Testing

/// `sweep.random_numbers`: `common` gives every point of a replicate the same couples and
/// streams; `independent` (the default) gives each point its own.
@Suite("Common random numbers across sweep points")
struct CommonRandomNumbersTests {
    static let strength = "arms.validation.consistent_validation.strength"

    static func scenario(mode: String?, sweep: String) -> String {
        """
        { name: "crn", seed: 3, couples: 30, days: 12, burn_in_days: 4, replicates: 2,
          outputs: { daily: false },
          arms: [{ name: "control" }, { name: "validation", interventions: [
            { type: "consistent_validation", target: "partner_of_more_anxious", strength: 1 }] }],
          sweep: { \(sweep)\(mode.map { ", random_numbers: \"\($0)\"" } ?? "") } }
        """
    }

    /// couples.csv rows of `arm` by (replicate, point), without the sweep_point column.
    private func rows(_ folder: String, arm: String) throws -> [String: [String]] {
        let text = try String(contentsOfFile: folder + "/couples.csv", encoding: .utf8)
        var byRun: [String: [String]] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields[2] == arm else { continue }
            byRun["\(fields[1])/\(fields[0])", default: []].append(fields.dropFirst().joined(separator: ","))
        }
        return byRun
    }

    private func run(_ directory: TemporaryDirectory, _ name: String, _ text: String) throws -> String {
        let out = directory.file(name)
        let outcome = CommandLineHarness.run(["run", directory.write(name + ".json5", text), "--out", out, "--quiet"])
        try #require(outcome.code == 0, "\(outcome.error)")
        return out
    }

    @Test("common: the control arm's couples are identical at every strength; independent: they differ")
    func controlRowsAcrossPoints() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let sweep = "grid: { \"\(Self.strength)\": [0.3, 0.9] }"
        let common = try run(directory, "common", Self.scenario(mode: "common", sweep: sweep))
        let independent = try run(directory, "independent", Self.scenario(mode: nil, sweep: sweep))
        let explicit = try run(directory, "explicit", Self.scenario(mode: "independent", sweep: sweep))
        for replicate in 0..<2 {
            let control = try rows(common, arm: "control")
            #expect(control["\(replicate)/0"]?.count == 30)
            #expect(control["\(replicate)/0"] == control["\(replicate)/1"], "replicate \(replicate)")
            let treated = try rows(common, arm: "validation")
            #expect(
                treated["\(replicate)/0"] != treated["\(replicate)/1"], "the swept strength changes the treated arm")
            let separate = try rows(independent, arm: "control")
            #expect(separate["\(replicate)/0"] != separate["\(replicate)/1"], "replicate \(replicate)")
        }
        // Replicates differ in both modes.
        let control = try rows(common, arm: "control")
        #expect(control["0/0"] != control["1/0"])
        // The default is `independent`, byte for byte.
        for file in ["couples.csv", "runs.csv", "effects.csv", "summary.csv", "points.csv"] {
            #expect(Repository.bytes(independent + "/" + file) == Repository.bytes(explicit + "/" + file), "\(file)")
        }
        let manifest = try String(contentsOfFile: common + "/manifest.json", encoding: .utf8)
        #expect(manifest.contains("\"random_numbers\": \"common\""))
        let defaultManifest = try String(contentsOfFile: independent + "/manifest.json", encoding: .utf8)
        #expect(defaultManifest.contains("\"random_numbers\": \"independent\""))
    }

    @Test(
        "common: Morris indices of a parameter that changes nothing, and of the strength on the control arm, are exactly 0"
    )
    func inertParametersHaveZeroIndices() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let sweep = """
            sample: { method: "morris", trajectories: 3, levels: 4,
                      ranges: { "\(Self.strength)": [0.2, 1], "params.ss_g_boost": [0, 1] } }
            """
        let folder = try run(directory, "morris", Self.scenario(mode: "common", sweep: sweep))
        let outcome = CommandLineHarness.run([
            "analyze", folder, "--outcomes", "satisfaction,pw_cycle_frac", "--quiet",
            "--bootstrap", "20",
        ])
        #expect(outcome.code == 0, "\(outcome.error)")
        let text = try String(contentsOfFile: folder + "/sensitivity.csv", encoding: .utf8)
        let rows = text.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
        // self_soothing is in no arm: its boost changes no draw and no outcome.
        let inert = rows.filter { $0[3] == "params.ss_g_boost" }
        #expect(inert.count == 2 * 3 * 3)
        #expect(inert.allSatisfy { Double($0[6]) == 0 })
        // The strength does not reach the control arm.
        let control = rows.filter { $0[3] == Self.strength && $0[1] == "control" }
        #expect(control.count == 2 * 3)
        #expect(control.allSatisfy { Double($0[6]) == 0 })
        // It does move the treated arm's satisfaction and the paired effect.
        let effect = try #require(
            rows.first {
                $0[0] == "satisfaction" && $0[2] == "effect" && $0[3] == Self.strength
                    && $0[5] == "mu_star"
            })
        #expect((Double(effect[6]) ?? 0) > 0)
    }
}
