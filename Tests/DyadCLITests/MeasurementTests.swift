import CommandLineTestSupport
import DyadCLI
import DyadCore
import DyadExperiment
import DyadIO
import Foundation
import TestSupport
import Testing

/// The `measurement` section: measured scores as true score plus classical-test-theory error.
@Suite("measured scores")
struct MeasurementTests {
    static func scenario(measurement: String?, couples: Int = 3000) -> String {
        """
        { name: "m", seed: 5, couples: \(couples), days: 20, burn_in_days: 30,
          arms: [{ name: "control" },
                 { name: "v", interventions: [{ type: "consistent_validation", target: "both", strength: 1 }] }],
          outputs: { partners: true },
          \(measurement.map { "measurement: \($0)," } ?? "") }
        """
    }

    /// Columns of a CSV file by name (numbers; NA as NaN).
    static func columns(_ path: String) throws -> [String: [Double]] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let header = (lines.first ?? []).map(String.init)
        var result: [String: [Double]] = [:]
        for (index, name) in header.enumerated() {
            result[name] = lines.dropFirst().map { Double(String($0[index])) ?? .nan }
        }
        return result
    }

    static func correlation(_ x: [Double], _ y: [Double]) -> Double {
        let n = Double(x.count)
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (u, v) in zip(x, y) {
            sxy += (u - mx) * (v - my)
            sxx += (u - mx) * (u - mx)
            syy += (v - my) * (v - my)
        }
        return sxy / (sxx * syy).squareRoot()
    }

    @Test("at intake corr(measured, true) = √reliability within 4 standard errors, for each instrument")
    func reliability() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        // Distinct reliabilities, so a mix-up of instruments fails; every couple is a reference couple.
        let settings =
            "{ ecr_anxiety_reliability: 0.7, ecr_avoidance_reliability: 0.8, csi_reliability: 0.9, "
            + "reference_couples: 4096 }"
        let file = directory.write("m.json5", Self.scenario(measurement: settings))
        let out = directory.file("out")
        let outcome = CommandLineHarness.run(["run", file, "--out", out, "--quiet"])
        try #require(outcome.code == 0, "\(outcome.error)")
        let couples = try Self.columns(out + "/couples.csv")
        let rows = try #require(couples["arm"]).count
        let control = 0..<(rows / 2)  // the control arm's rows come first
        for (measured, truth, reliability) in [
            ("ecr_anx0", "a0", 0.7), ("ecr_avo0", "v0", 0.8),
            ("csi_baseline", "sat_baseline", 0.9),
        ] {
            let x = try #require(couples[measured + "_a"])[control] + (try #require(couples[measured + "_b"])[control])
            let y = try #require(couples[truth + "_a"])[control] + (try #require(couples[truth + "_b"])[control])
            let r = Self.correlation(Array(x), Array(y))
            // SE of a sample correlation: (1 − ρ²)/√n with ρ² = reliability.
            let standardError = (1 - reliability) / Double(x.count).squareRoot()
            #expect(abs(r - reliability.squareRoot()) < 4 * standardError, "\(measured): r = \(r)")
        }
        // The map: ECR 1 + 6·T, CSI 81·T; errors centred, so the means agree within 4 SE.
        let csi = try #require(couples["csi_a"]), sat = try #require(couples["sat_a"])
        let difference = zip(csi, sat).map { $0 - 81 * $1 }
        let mean = difference.reduce(0, +) / Double(difference.count)
        let sd = (difference.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(difference.count - 1)).squareRoot()
        #expect(abs(mean) < 4 * sd / Double(difference.count).squareRoot())
        // The distress flag is the measured score below the cut-off.
        let flags = try #require(couples["csi_distressed_a"])
        for (score, flag) in zip(csi, flags) { #expect(flag == (score < 51.5 ? 1 : 0)) }
    }

    @Test("a measurement section adds columns and changes no true-score output")
    func trueScoresUnchanged() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let with = directory.write("with.json5", Self.scenario(measurement: "{}", couples: 300))
        let without = directory.write("without.json5", Self.scenario(measurement: nil, couples: 300))
        try #require(CommandLineHarness.run(["run", with, "--out", directory.file("with"), "--quiet"]).code == 0)
        try #require(CommandLineHarness.run(["run", without, "--out", directory.file("without"), "--quiet"]).code == 0)
        #expect(
            Repository.bytes(directory.file("with/daily.csv")) == Repository.bytes(directory.file("without/daily.csv")))
        // effects.csv and summary.csv: the true-score rows are unchanged; measured rows are added.
        let measuredNames = Set(MeasuredColumn.allCases.map(\.name))
        for name in ["effects.csv", "summary.csv"] {
            let measured = try String(contentsOfFile: directory.file("with/" + name), encoding: .utf8)
            let plain = try String(contentsOfFile: directory.file("without/" + name), encoding: .utf8)
            let header = try #require(plain.split(separator: "\n").first).split(separator: ",")
            let outcomeField = try #require(header.firstIndex(of: "outcome"))
            let lines = measured.split(separator: "\n")
            let kept = lines.filter {
                !measuredNames.contains(
                    String($0.split(separator: ",", omittingEmptySubsequences: false)[outcomeField]))
            }
            #expect(kept == plain.split(separator: "\n"), "\(name)")
            #expect(lines.count > kept.count, "\(name) has no measured rows")
        }
        for name in ["couples.csv", "partners.csv", "runs.csv"] {
            let measured = try String(contentsOfFile: directory.file("with/" + name), encoding: .utf8)
            let plain = try String(contentsOfFile: directory.file("without/" + name), encoding: .utf8)
            let plainLines = plain.split(separator: "\n")
            let measuredLines = measured.split(separator: "\n")
            try #require(plainLines.count == measuredLines.count)
            let kept = plainLines[0].split(separator: ",")
            let header = measuredLines[0].split(separator: ",")
            // The true columns keep their place; every measured column comes from the vocabulary.
            #expect(Array(header.prefix(kept.count)) == kept)
            let file: OutputFile = name == "couples.csv" ? .couples : name == "runs.csv" ? .runs : .partners
            let expected = file.header(swept: [], measured: true).split(separator: "\n")[0].split(separator: ",")
            #expect(header == expected)
            for (line, plainLine) in zip(measuredLines, plainLines) {
                #expect(
                    Array(line.split(separator: ",", omittingEmptySubsequences: false).prefix(kept.count))
                        == plainLine.split(separator: ",", omittingEmptySubsequences: false))
            }
        }
    }

    @Test("effects, summaries and run means on measured scores agree with couples.csv; resume and threads keep them")
    func measuredEffects() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.write("m.json5", Self.scenario(measurement: "{}", couples: 400))
        let out = directory.file("out")
        try #require(CommandLineHarness.run(["run", file, "--out", out, "--quiet", "--threads", "2"]).code == 0)
        let couples = try Self.columns(out + "/couples.csv")
        let effects = try #require(CSVTable(path: out + "/effects.csv"))
        let summary = try #require(CSVTable(path: out + "/summary.csv"))
        let runs = try #require(CSVTable(path: out + "/runs.csv"))
        let rows = try #require(couples["couple"]).count
        let control = 0..<(rows / 2), treated = (rows / 2)..<rows  // one replicate: control rows first
        let compared = OutcomeSelection.withMeasured.compared.compactMap { outcome -> MeasuredColumn? in
            if case .measured(let column) = outcome { return column }
            return nil
        }
        let comparedNames = Set(compared.map(\.name))
        #expect(comparedNames.isSuperset(of: ["csi_a", "csi_baseline_b", "ecr_anx_a", "csi_distressed_baseline_a"]))
        #expect(comparedNames.isDisjoint(with: ["ecr_anx0_a", "ecr_avo0_b"]))
        for column in compared {
            let values = try #require(couples[column.name])
            let pairs = zip(values[control], values[treated]).filter { !$0.0.isNaN && !$0.1.isNaN }
            let difference = pairs.map { $0.1 - $0.0 }.reduce(0, +) / Double(pairs.count)
            let row = try #require(effects.rows.first { effects.text($0, "outcome") == column.name })
            #expect(Int(effects.text(row, "n")) == pairs.count, "\(column.name)")
            let written = try #require(Double(effects.text(row, "difference")))
            #expect(abs(written - difference) <= 1e-9 * max(1, abs(difference)), "\(column.name): \(written)")
            let present = values[control].filter { !$0.isNaN }
            let mean = present.reduce(0, +) / Double(present.count)
            let runMean = try #require(Double(runs.text(runs.rows[0], column.name + "_mean")))
            #expect(abs(runMean - mean) <= 1e-9 * max(1, abs(mean)), "\(column.name)_mean")
            let summaryRow = try #require(
                summary.rows.first {
                    summary.text($0, "outcome") == column.name && summary.text($0, "arm") == "control"
                })
            #expect(Double(summary.text(summaryRow, "mean")) == runMean)
        }
        // The same files with one thread, and after a resume of the finished folder.
        let single = directory.file("single")
        try #require(CommandLineHarness.run(["run", file, "--out", single, "--quiet", "--threads", "1"]).code == 0)
        let resumed = CommandLineHarness.run(["run", file, "--out", out, "--resume"])
        #expect(resumed.code == 0, "\(resumed.error)")
        for name in ["runs.csv", "effects.csv", "summary.csv"] {
            #expect(Repository.bytes(out + "/" + name) == Repository.bytes(single + "/" + name), "\(name)")
        }
    }

    @Test(
        "bad measurement settings give one clear line and exit 65",
        arguments: [
            ("{ csi_reliability: 0 }", "measurement.csi_reliability"),
            ("{ ecr_anxiety_reliability: 1.2 }", "measurement.ecr_anxiety_reliability"),
            ("{ csi_cutoff: -3 }", "measurement.csi_cutoff"),
            ("{ csi_reliabilty: 0.9 }", "measurement.csi_reliabilty"),
            ("{ reference_couples: 1 }", "measurement.reference_couples"),
        ])
    func badSettings(settings: String, path: String) throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.write("bad.json5", Self.scenario(measurement: settings, couples: 10))
        let outcome = CommandLineHarness.run(["run", file, "--out", directory.file("out"), "--quiet"])
        #expect(outcome.code == 65)
        let lines = outcome.error.split(separator: "\n")
        #expect(lines.count == 1, "\(outcome.error)")
        #expect(outcome.error.contains(path), "\(outcome.error)")
        #expect(!FileManager.default.fileExists(atPath: directory.file("out")))
    }
}
