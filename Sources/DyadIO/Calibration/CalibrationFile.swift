import DyadCore
import DyadExperiment
import DyadInference

/// A decoded, validated calibration file (`dyadsim calibrate FILE`): the base scenario with the
/// calibration's simulation size, the calibrated sweep paths with their priors, the targets and
/// the ABC-SMC settings. See docs/calibration.md for the format.
package struct CalibrationFile: Sendable {
    /// The calibration's name (default output folder `Results/<name>/`).
    package var name: String
    /// Free text.
    package var description: String
    /// The base scenario, `abc.couples` and `abc.days` applied (no sweep, one replicate).
    package var scenario: Scenario
    /// Where the scenario came from: its path as given in the file, or "inline".
    package var scenarioSource: String
    /// The calibrated paths with their priors, in file order.
    package var parameters: [(path: SweepPath, prior: UnivariateDistribution)]
    /// The targets, in file order.
    package var targets: [CalibrationTarget]
    /// Statistics reported for the posterior predictive draws only (no observed value), in file order.
    package var predictions: [CalibrationTarget] = []
    /// Particles, stop rules, tolerance quantile and seed.
    package var settings: ABCSettings

    /// The simulation behind the calibration.
    package var model: CalibrationModel {
        CalibrationModel(
            scenario: scenario, paths: parameters.map(\.path), targets: targets, predictions: predictions)
    }

    /// The kernel's problem: parameters named by their paths, the targets, and a model key hashing
    /// the resolved base scenario (``ScenarioEncoding/json(_:)``), the paths and the target definitions.
    package var problem: CalibrationProblem {
        var canonical = scenario
        canonical.outputs.directory = nil
        let key = model.key(scenarioText: ScenarioEncoding.json(canonical))
        return CalibrationProblem(
            parameters: parameters.map { CalibrationProblem.Parameter(name: $0.path.text, prior: $0.prior) },
            targets: targets.map(\.problemTarget), modelKey: key)
    }
}
