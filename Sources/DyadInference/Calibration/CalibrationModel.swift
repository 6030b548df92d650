import DyadCore
import DyadExperiment

/// The simulation behind a calibration: the base scenario (with the calibration's simulation
/// size), the calibrated sweep paths and the targets. One proposal θ is one run of the scenario
/// with θ applied by the sweep-path setter (``SweepPath/apply(_:to:)``) and the proposal's seed as
/// the run key, planned as a one-point ``RunPlan``.
public struct CalibrationModel: Sendable {
    /// The base scenario (no sweep, one replicate).
    public let scenario: Scenario
    /// The calibrated paths, in the order of every θ.
    public let paths: [SweepPath]
    /// The targets, in the order of every statistics vector.
    public let targets: [CalibrationTarget]
    /// Statistics measured only in the posterior predictive draws (their observed value and sd are
    /// NaN): what the posterior implies for quantities without data, e.g. an intervention's effect.
    public let predictions: [CalibrationTarget]

    /// A model of `scenario` calibrating `paths` against `targets`, predicting `predictions`.
    public init(
        scenario: Scenario, paths: [SweepPath], targets: [CalibrationTarget], predictions: [CalibrationTarget] = []
    ) {
        self.scenario = scenario
        self.paths = paths
        self.targets = targets
        self.predictions = predictions
    }

    /// The base scenario with θ applied.
    public func scenario(at parameters: [Double]) -> Scenario {
        var resolved = scenario
        for (path, value) in zip(paths, parameters) { path.apply(value, to: &resolved) }
        return resolved
    }

    /// Outcome couple-days of one simulation (couples × days × arms), for the parallelism rule.
    public var coupleDays: Double {
        Double(scenario.couples) * Double(scenario.days) * Double(scenario.arms.count)
    }

    /// The run of θ with `seed` as its run key, or nil if the parameters do not resolve.
    public func configuration(parameters: [Double], seed: UInt64) -> RunConfiguration? {
        let plan = RunPlan(scenario: scenario(at: parameters))
        return try? plan.configuration(for: PlannedRun(point: 0, replicate: 0, seed: seed))
    }

    /// Simulates θ with `seed` on `threads` threads and returns one value per target, then with
    /// `includingPredictions` one per prediction (NaN where a statistic is undefined), or nil if the
    /// run could not be configured, failed or was cancelled. The same bits for any thread count.
    public func statistics(
        parameters: [Double], seed: UInt64, threads: Int = 1, cancellation: CancellationFlag? = nil,
        includingPredictions: Bool = false
    ) -> [Double]? {
        guard let configuration = configuration(parameters: parameters, seed: seed),
            let result = try? Simulator(threads: threads).run(configuration, cancellation: cancellation),
            result.isComplete
        else { return nil }
        let control = scenario.controlArmIndex
        let measured = includingPredictions ? targets + predictions : targets
        return measured.map { $0.value(in: result, controlArm: control) }
    }

    /// A hash of everything a simulation depends on besides θ and its seed: `scenarioText` (a
    /// canonical encoding of the base scenario, simulation size included), the paths and the target
    /// definitions. Becomes ``CalibrationProblem/modelKey``.
    public func key(scenarioText: String) -> UInt64 {
        var text = "calibration model 1\n" + scenarioText + "\n"
        for path in paths { text += "path \(path.text)\n" }
        for target in targets {
            text += "target \(target.name) \(target.statistic) arm \(target.arm)"
            for filter in target.filters {
                text += " where \(filter.column.name)=\(filter.value.bitPattern)"
            }
            text += "\n"
        }
        return FNV1a.hash(text)
    }
}
