import DyadExperiment

/// How a request's threads are spread over its runs: across runs (one thread each) when there are
/// many small runs, within one run at a time when there are few or large ones; never both. The one
/// rule that ``SweepRunner`` follows and ``PlanEstimate`` assumes for its memory estimate.
package enum RunParallelism: Sendable, Equatable {
    /// `workers` runs in flight at once, one thread each.
    case acrossRuns(workers: Int)
    /// One run at a time, using every thread.
    case withinRun

    /// Runs of at most this many outcome couple-days (couples × days × arms) are "small".
    package static let smallRunCoupleDays = 20_000_000.0

    /// Across runs when there is more than one thread, at least two runs per thread and no run
    /// above ``smallRunCoupleDays``; then min(threads, runs) workers. Resolves each distinct
    /// point once: O(runs + points).
    package static func choose(runs: [PlannedRun], plan: RunPlan, threads: Int) -> RunParallelism {
        guard threads > 1, runs.count >= 2 * threads else { return .withinRun }
        var seen = [Bool](repeating: false, count: plan.points.count)
        var largest = 0.0
        for run in runs where !seen[run.point] {
            seen[run.point] = true
            largest = max(largest, plan.coupleDays(of: [run]))
        }
        return choose(runCount: runs.count, largestCoupleDays: largest, threads: threads)
    }

    /// The same rule for `runCount` runs of at most `largestCoupleDays` outcome couple-days each
    /// (a calibration's batch of simulations).
    package static func choose(runCount: Int, largestCoupleDays: Double, threads: Int) -> RunParallelism {
        guard threads > 1, runCount >= 2 * threads, largestCoupleDays <= smallRunCoupleDays else { return .withinRun }
        return .acrossRuns(workers: min(threads, runCount))
    }

    /// Runs simulated at the same time (each holding its outcome tables).
    package var concurrentRuns: Int {
        switch self {
        case .acrossRuns(let workers): workers
        case .withinRun: 1
        }
    }
}
