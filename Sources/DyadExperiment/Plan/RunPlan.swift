import DyadCore

/// Every run of a scenario: points × replicates, seeds, execution order and shards.
public struct RunPlan: Sendable {
    /// The scenario the plan was built from (before any point's values are applied).
    public let scenario: Scenario
    /// The sweep points in design order (one empty point when nothing is swept).
    public let points: [SweepPoint]
    /// All runs in output order (point, replicate).
    public let runs: [PlannedRun]

    /// Builds every point of `scenario`'s sweep, then points × replicates runs with their seeds.
    public init(scenario: Scenario) {
        self.scenario = scenario
        let assignments = scenario.sweep.points(scenarioSeed: scenario.seed)
        points = assignments.enumerated().map { index, values in
            SweepPoint(index: index, assignments: values, key: PointKey.of(values))
        }
        var runs: [PlannedRun] = []
        runs.reserveCapacity(points.count * scenario.replicates)
        for point in points {
            for replicate in 0..<scenario.replicates {
                runs.append(
                    PlannedRun(
                        point: point.index, replicate: replicate,
                        seed: StreamKey.run(
                            seed: scenario.seed, pointKey: scenario.sweep.randomNumbers.streamKey(pointKey: point.key),
                            replicate: replicate)))
            }
        }
        self.runs = runs
    }

    /// Swept paths (columns of `runs.csv` and `points.csv`).
    public var sweptPaths: [SweepPath] { scenario.sweep.paths }

    /// Runs of shard `index` of `count` (0-based): every run whose output position is
    /// congruent to `index` modulo `count`.
    public func shard(_ index: Int, of count: Int) -> [PlannedRun] {
        runs.enumerated().filter { $0.offset % count == index }.map(\.element)
    }

    /// Execution order: replicate 0 of every point first, then replicate 1, … so that a partial
    /// sweep covers the whole space.
    public static func executionOrder(_ runs: [PlannedRun]) -> [PlannedRun] {
        runs.sorted { ($0.replicate, $0.point) < ($1.replicate, $1.point) }
    }

    /// The scenario with a point's values applied.
    public func scenario(at point: Int) -> Scenario {
        var resolved = scenario
        for assignment in points[point].assignments { assignment.path.apply(assignment.value, to: &resolved) }
        return resolved
    }

    /// The engine configuration of a run.
    public func configuration(for run: PlannedRun) -> RunConfiguration {
        let resolved = scenario(at: run.point)
        var configuration = RunConfiguration(
            coupleCount: resolved.couples, days: resolved.days, burnInDays: resolved.burnInDays,
            baselineDay: resolved.baselineDay, parameters: resolved.parameters.resolved(),
            population: resolved.population,
            arms: resolved.arms, runKey: run.seed)
        configuration.measurement = resolved.measurement
        return configuration
    }

    /// Outcome couple-days of all runs (couples × days × arms summed over points).
    public func coupleDays(of runs: [PlannedRun]) -> Double {
        runs.reduce(0.0) { total, run in
            let resolved = scenario(at: run.point)
            return total + Double(resolved.couples) * Double(resolved.days) * Double(resolved.arms.count)
        }
    }
}
