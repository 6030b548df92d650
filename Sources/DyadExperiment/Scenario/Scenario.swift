import DyadCore

/// A complete experiment as plain values, independent of any file format (the scenario file is
/// one way to build it). Defaults are docs/model.md §5.7's default scenario.
public struct Scenario: Sendable, Equatable {
    /// The scenario's name: default output folder `Results/<name>/` and the manifest's label.
    public var name = "scenario"
    /// Free text describing the scenario (the manifest keeps it).
    public var description = ""
    /// Scenario seed; run seeds derive from it, the sweep point's values and the replicate.
    public var seed: UInt64 = 20_240_601
    /// N: couples per run.
    public var couples = 10_000
    /// D: outcome days.
    public var days = 365
    /// B: burn-in days before day 0.
    public var burnInDays = 90
    /// Day at whose start `sat_baseline` is recorded (0 ≤ baseline_day < days).
    public var baselineDay = 0
    /// Replicates per sweep point.
    public var replicates = 1
    /// The trait population the couples are drawn from (docs/model.md §5.2–§5.3).
    public var population = PopulationParameters()
    /// `params`, `params_a`, `params_b`.
    public var parameters = ParameterOverrides()
    /// Trial arms: counterfactual worlds of the same couples.
    public var arms = [Arm(name: "control")]
    /// Name of the arm every other arm is compared with (default: the first arm).
    public var controlArm: String?
    /// Which files a run writes and where (the `outputs` object).
    public var outputs = OutputSettings()
    /// Measured scores on the questionnaires' scales (the `measurement` section); nil: none.
    public var measurement: MeasurementSettings?
    /// The sweep design: grid, zip, sample and design file (empty: one point).
    public var sweep = SweepDesign()

    /// The default scenario of docs/model.md §5.7: 10,000 couples, 365 days, 90 burn-in days, one control arm.
    public init() {}

    /// The control arm's name (the first arm unless `control_arm` names another).
    public var resolvedControlArm: String { controlArm ?? arms.first?.name ?? "control" }

    /// Index of the control arm in `arms`.
    public var controlArmIndex: Int { arms.firstIndex { $0.name == resolvedControlArm } ?? 0 }
}
