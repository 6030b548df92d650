import DyadCore
import DyadExperiment
import DyadIO
import Foundation
import TestSupport
import Testing

/// Every number of runs.csv, effects.csv, summary.csv, points.csv and daily.csv traced back to
/// its source: the rows of couples.csv (or of runs.csv for the summary), recomputed here from the
/// documented definitions (docs/model.md §9; README data dictionary).
@Suite("Output columns traced to their sources")
struct OutputTraceTests {
    /// Two points × three replicates × three arms, the control arm in the middle; daily.csv every
    /// 4th day.
    static let scenario = """
        { name: "trace", seed: 5, couples: 24, days: 26, burn_in_days: 8, replicates: 3, control_arm: "control",
          outputs: { daily_every: 4 },
          arms: [
            { name: "validation",
              interventions: [{ type: "consistent_validation", target: "partner_of_more_anxious" }] },
            { name: "control" },
            { name: "withhold", interventions: [{ type: "withhold_validation", strength: 0.7, start_day: 5 }] },
          ],
          sweep: { grid: { "params.lambda0": [0.3, 0.7] } } }
        """

    struct Output {
        let directory: TemporaryDirectory
        let plan: RunPlan
        let couples: CSVTable
        let runs: CSVTable
        let effects: CSVTable
        let summary: CSVTable
        let points: CSVTable
        let daily: CSVTable
    }

    static func produce() throws -> Output {
        let directory = TemporaryDirectory()
        let file = directory.write("trace.json5", scenario)
        let plan = RunPlan(scenario: try ScenarioLoader.load(path: file))
        let request = RunRequest(plan: plan, scenarioFile: file, directory: directory.file("out"), threads: 2)
        guard case .completed = try SweepRunner.execute(request, cancellation: CancellationFlag()) else {
            Issue.record("the run did not complete")
            throw CancellationError()
        }
        func table(_ name: String) throws -> CSVTable { try #require(CSVTable(path: directory.file("out/" + name))) }
        return Output(
            directory: directory, plan: plan, couples: try table("couples.csv"), runs: try table("runs.csv"),
            effects: try table("effects.csv"), summary: try table("summary.csv"), points: try table("points.csv"),
            daily: try table("daily.csv"))
    }

    /// The couples.csv values of `column` for one point, replicate and arm, in couple order.
    static func values(_ output: Output, point: Int, replicate: Int, arm: String, column: String) -> [Double] {
        output.couples.rows(where: ["sweep_point": "\(point)", "replicate": "\(replicate)", "arm": arm])
            .sorted { output.couples.number($0, "couple") < output.couples.number($1, "couple") }
            .map { output.couples.number($0, column) }
    }

    static let arms = ["validation", "control", "withhold"]

    @Test(
        "runs.csv: the run's seed, swept value, couple count and every column's mean over couples.csv"
    )
    func runs() throws {
        let output = try Self.produce()
        defer { output.directory.remove() }
        #expect(output.runs.rows.count == 2 * 3 * 3)
        #expect(output.couples.rows.count == 2 * 3 * 3 * 24)
        for row in output.runs.rows {
            let point = Int(output.runs.number(row, "sweep_point")),
                replicate = Int(output.runs.number(row, "replicate"))
            let arm = output.runs.text(row, "arm")
            let planned = try #require(output.plan.runs.first { $0.point == point && $0.replicate == replicate })
            #expect(output.runs.text(row, "seed") == String(planned.seed))
            #expect(output.runs.number(row, "params.lambda0") == [0.3, 0.7][point])
            #expect(output.runs.number(row, "couples") == 24)
            for column in CoupleOutcomeColumn.numeric {
                let present = Self.values(output, point: point, replicate: replicate, arm: arm, column: column.name)
                    .filter { !$0.isNaN }
                let mean = present.isEmpty ? Double.nan : present.reduce(0, +) / Double(present.count)
                #expect(Close.to(output.runs.number(row, column.name + "_mean"), mean, 1e-12), "\(arm) \(column.name)")
            }
        }
    }

    @Test(
        "effects.csv: paired over every replicate's couples vs the control arm, t interval, pooled-SD d"
    )
    func effects() throws {
        let output = try Self.produce()
        defer { output.directory.remove() }
        #expect(output.effects.rows.count == 2 * 2 * EffectOutcomes.columns.count)
        for row in output.effects.rows {
            let point = Int(output.effects.number(row, "sweep_point"))
            let arm = output.effects.text(row, "arm"), outcome = output.effects.text(row, "outcome")
            #expect(output.effects.text(row, "control_arm") == "control" && arm != "control")
            var control: [Double] = [], treatment: [Double] = []
            for replicate in 0..<3 {
                let c = Self.values(output, point: point, replicate: replicate, arm: "control", column: outcome)
                let t = Self.values(output, point: point, replicate: replicate, arm: arm, column: outcome)
                for (x, y) in zip(c, t) where !x.isNaN && !y.isNaN {
                    control.append(x)
                    treatment.append(y)
                }
            }
            let n = Double(control.count)
            #expect(output.effects.number(row, "n") == n, "\(arm) \(outcome)")
            guard n > 1 else { continue }
            let differences = zip(treatment, control).map { $0 - $1 }
            let mean = differences.reduce(0, +) / n
            let se = (TestStatistics.variance(differences) / n).squareRoot()
            let t = StudentT.quantile(0.975, degreesOfFreedom: n - 1)
            let pooled = ((TestStatistics.variance(control) + TestStatistics.variance(treatment)) / 2).squareRoot()
            let expected: [(String, Double)] = [
                ("control_mean", TestStatistics.mean(control)), ("arm_mean", TestStatistics.mean(treatment)),
                ("difference", mean), ("se", se), ("ci_low", mean - t * se), ("ci_high", mean + t * se),
                ("d", pooled > 0 ? mean / pooled : .nan),
            ]
            for (name, value) in expected {
                let written = output.effects.number(row, name)
                // Differences of nearly equal sums lose digits: compare on the scale of the data.
                let scale = max(1, control.map(abs).max() ?? 1, treatment.map(abs).max() ?? 1)
                #expect(
                    (written.isNaN && value.isNaN) || abs(written - value) <= 1e-9 * scale * max(1, abs(value)),
                    "\(arm) \(outcome) \(name): \(written) vs \(value)")
            }
        }
    }

    @Test("summary.csv: n, mean, SD and t interval of runs.csv's run means across replicates")
    func summary() throws {
        let output = try Self.produce()
        defer { output.directory.remove() }
        #expect(output.summary.rows.count == 2 * 3 * EffectOutcomes.columns.count)
        for row in output.summary.rows {
            let point = output.summary.text(row, "sweep_point"), arm = output.summary.text(row, "arm")
            let outcome = output.summary.text(row, "outcome")
            let means = output.runs.rows(where: ["sweep_point": point, "arm": arm])
                .map { output.runs.number($0, outcome + "_mean") }.filter { !$0.isNaN }
            let n = Double(means.count)
            #expect(output.summary.number(row, "n") == n, "\(arm) \(outcome)")
            guard n > 1 else { continue }
            let mean = TestStatistics.mean(means), sd = TestStatistics.variance(means).squareRoot()
            let half = StudentT.quantile(0.975, degreesOfFreedom: n - 1) * sd / n.squareRoot()
            for (name, value) in [("mean", mean), ("sd", sd), ("ci_low", mean - half), ("ci_high", mean + half)] {
                #expect(Close.to(output.summary.number(row, name), value, 1e-9), "\(arm) \(outcome) \(name)")
            }
        }
    }

    @Test(
        "points.csv and daily.csv: swept values; every 4th day and the last; alive and dissolved_cum from couples.csv"
    )
    func pointsAndDaily() throws {
        let output = try Self.produce()
        defer { output.directory.remove() }
        #expect(output.points.header == ["sweep_point", "params.lambda0"])
        #expect(output.points.rows == [["0", "0.3"], ["1", "0.7"]])
        #expect(output.daily.rows.count == 2 * 3 * 3 * 8)
        for point in 0..<2 {
            for replicate in 0..<3 {
                for arm in Self.arms {
                    let rows = output.daily.rows(where: [
                        "sweep_point": "\(point)", "replicate": "\(replicate)", "arm": arm,
                    ])
                    #expect(rows.map { output.daily.text($0, "day") } == ["0", "4", "8", "12", "16", "20", "24", "25"])
                    let dissolved = Self.values(
                        output, point: point, replicate: replicate, arm: arm, column: "day_dissolved")
                    for row in rows {
                        let day = output.daily.number(row, "day")
                        let before = dissolved.filter { $0 < day }.count,
                            onOrBefore = dissolved.filter { $0 <= day }.count
                        #expect(
                            output.daily.number(row, "alive") == Double(24 - before), "alive at the start of day \(day)"
                        )
                        #expect(Close.to(output.daily.number(row, "dissolved_cum"), Double(onOrBefore) / 24))
                    }
                }
            }
        }
    }
}
