import DyadCore
import DyadExperiment
import DyadIO
import Testing

/// The plan estimate assumes the parallelism the runner chooses (one rule, ``RunParallelism``).
@Suite("Run parallelism")
struct RunParallelismTests {
    /// A plan of `replicates` runs of `couples` couples × `days` days × `arms` arms.
    private static func plan(couples: Int, days: Int, arms: Int, replicates: Int) -> RunPlan {
        var scenario = Scenario()
        scenario.couples = couples
        scenario.days = days
        scenario.replicates = replicates
        scenario.arms = (0..<arms).map { Arm(name: "arm\($0)") }
        return RunPlan(scenario: scenario)
    }

    @Test(
        "estimate and runner agree: across runs only for many small runs and more than one thread",
        arguments: [
            // (couples, days, arms, replicates, threads, expected concurrent runs)
            (1_000, 90, 2, 8, 2, 2),  // many small runs: one per thread
            (1_000, 90, 2, 3, 2, 1),  // fewer than two runs per thread: within a run
            (1_000, 90, 2, 8, 1, 1),  // one thread
            (1_000, 90, 2, 40, 16, 16),  // min(threads, runs)
            (30_000, 365, 2, 8, 2, 1),  // 21.9M couple-days per run: too large to run side by side
            (27_397, 365, 2, 8, 2, 2),  // 19.99981M couple-days: still small
        ])
    func agreement(couples: Int, days: Int, arms: Int, replicates: Int, threads: Int, expected: Int) {
        let plan = Self.plan(couples: couples, days: days, arms: arms, replicates: replicates)
        let request = RunRequest(plan: plan, scenarioFile: "test.json5", directory: "unused", threads: threads)
        let estimate = PlanEstimate(plan: plan, runs: plan.runs, threads: threads)
        let runner = SweepRunner.parallelism(for: plan.runs, request: request)
        #expect(estimate.parallelism == runner)
        #expect(runner.concurrentRuns == expected)
    }

    @Test("the memory estimate holds one run's tables per concurrent run")
    func memoryFollowsParallelism() {
        let small = Self.plan(couples: 1_000, days: 90, arms: 2, replicates: 8)
        let large = Self.plan(couples: 30_000, days: 365, arms: 2, replicates: 8)
        let smallOne = PlanEstimate(plan: small, runs: small.runs, threads: 1).peakMemoryBytes
        let smallTwo = PlanEstimate(plan: small, runs: small.runs, threads: 2).peakMemoryBytes
        let largeOne = PlanEstimate(plan: large, runs: large.runs, threads: 1).peakMemoryBytes
        let largeTwo = PlanEstimate(plan: large, runs: large.runs, threads: 2).peakMemoryBytes
        #expect(smallTwo > smallOne)
        // Large runs are simulated one at a time: a second thread adds only its streaming slots
        // (a few MB), never a second run's tables.
        #expect(largeTwo > largeOne)
        #expect(largeTwo - largeOne < 0.1 * largeOne)
    }
}
