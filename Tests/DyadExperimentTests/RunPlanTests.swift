import DyadCore
import DyadExperiment
import TestSupport
import Testing

/// Runs and their seeds through the run plan (docs/model.md §7.20): one seed per point ×
/// replicate, derived from the scenario seed, the point's content and the replicate; shards and
/// execution order.
@Suite("Run plans and seeds")
struct RunPlanTests {
    private func plan(_ values: [Double], replicates: Int = 3, seed: UInt64 = 42) throws -> RunPlan {
        var scenario = Scenario()
        scenario.seed = seed
        scenario.replicates = replicates
        scenario.couples = 10
        scenario.days = 5
        if !values.isEmpty {
            scenario.sweep.grid = [
                SweepAxis(path: try SweepPath.parse("params.imp_harsh", in: scenario).get(), values: values)
            ]
        }
        return RunPlan(scenario: scenario)
    }

    @Test(
        "runs are points × replicates in order; each seed is StreamKey.run(seed, point key, replicate)"
    )
    func seeds() throws {
        let plan = try plan([0.05, 0.1, 0.2], replicates: 4)
        #expect(plan.runs.map { [$0.point, $0.replicate] } == (0..<3).flatMap { p in (0..<4).map { [p, $0] } })
        for run in plan.runs {
            let key = PointKey.of(plan.points[run.point].assignments)
            #expect(run.seed == StreamKey.run(seed: 42, pointKey: key, replicate: run.replicate))
            #expect(plan.configuration(for: run).runKey == run.seed, "the engine uses the run's seed")
            #expect(run.seed < 1 << 53)
        }
        #expect(Set(plan.runs.map(\.seed)).count == 12, "every run has its own seed")
        #expect(Set(plan.points.map(\.key)).count == 3)
    }

    @Test("an unswept scenario has the point key 0; another scenario seed changes every run seed")
    func unswept() throws {
        let plan = try plan([], replicates: 3)
        #expect(plan.points.count == 1 && plan.points[0].key == 0)
        #expect(plan.runs.map(\.seed) == (0..<3).map { StreamKey.run(seed: 42, pointKey: 0, replicate: $0) })
        let other = try self.plan([], replicates: 3, seed: 43)
        #expect(Set(other.runs.map(\.seed)).isDisjoint(with: plan.runs.map(\.seed)))
    }

    @Test("seeds follow the point's values: adding or reordering grid values leaves the other points' seeds unchanged")
    func contentDerivedSeeds() throws {
        func seedsByValue(_ plan: RunPlan) -> [String: [UInt64]] {
            var result: [String: [UInt64]] = [:]
            for point in plan.points {
                let value = point.assignments[0].value
                result["\(value)"] = plan.runs.filter { $0.point == point.index }.map(\.seed)
            }
            return result
        }
        let small = seedsByValue(try plan([0.05, 0.2]))
        let large = seedsByValue(try plan([0.05, 0.1, 0.2]))
        let reordered = seedsByValue(try plan([0.2, 0.1, 0.05]))
        #expect(small["0.05"] == large["0.05"] && small["0.2"] == large["0.2"])
        #expect(large == reordered)
        #expect(small["0.05"] != small["0.2"])
    }

    @Test("shard i of n holds the runs at output positions ≡ i (mod n): together every run exactly once")
    func shards() throws {
        let plan = try plan([0.05, 0.1, 0.2], replicates: 3)
        for count in [1, 2, 4, 9, 13] {
            var seen: [PlannedRun] = []
            for index in 0..<count {
                let shard = plan.shard(index, of: count)
                let positions = shard.compactMap { run in plan.runs.firstIndex(of: run) }
                #expect(positions.allSatisfy { $0 % count == index }, "\(index)/\(count)")
                seen += shard
            }
            #expect(seen.sorted() == plan.runs, "\(count) shards")
        }
    }

    @Test("execution order runs replicate 0 of every point first; identifiers name point and replicate")
    func executionOrder() throws {
        let plan = try plan([0.05, 0.1], replicates: 2)
        #expect(
            RunPlan.executionOrder(plan.runs).map { [$0.point, $0.replicate] } == [[0, 0], [1, 0], [0, 1], [1, 1]])
        #expect(PlannedRun(point: 12, replicate: 3, seed: 0).identifier == "p000012-r0003")
        #expect(PlannedRun(point: 1_234_567, replicate: 12_345, seed: 0).identifier == "p1234567-r12345")
    }

    @Test("replicates of one point simulate different couples; the same run twice the same ones")
    func replicateStreams() throws {
        let plan = try plan([0.1], replicates: 2)
        let simulator = Simulator(threads: 1)
        let first = try simulator.run(plan.configuration(for: plan.runs[0]))
        let second = try simulator.run(plan.configuration(for: plan.runs[1]))
        let again = try simulator.run(plan.configuration(for: plan.runs[0]))
        #expect(first.arms[0].outcomes.values(.a0A) != second.arms[0].outcomes.values(.a0A))
        #expect(first.arms[0].outcomes.values(.a0A) == again.arms[0].outcomes.values(.a0A))
    }
}
