import DyadCore

/// Per-arm summary of one run: couples and the NA-aware mean of every numeric outcome.
public struct ArmSummary: Sendable, Equatable {
    public let name: String
    public let couples: Int
    /// Means in ``CoupleOutcomeColumn/numeric`` order (NaN when every value is NA).
    public let means: [Double]

    public init(name: String, couples: Int, means: [Double]) {
        self.name = name
        self.couples = couples
        self.means = means
    }
}

/// Everything kept of a finished run after its rows are written: the `runs.csv` means and the
/// paired moments behind `effects.csv` (small, exact, mergeable in a fixed order).
public struct RunRecord: Sendable, Equatable {
    public let run: PlannedRun
    public let arms: [ArmSummary]
    /// Paired moments per non-control arm (in arm order) and ``EffectOutcomes/columns``.
    public let effects: [[PairedMoments]]
    /// Outcome couple-days simulated.
    public let coupleDays: Int
    /// Completed episode turns.
    public let episodeTurns: Int

    public init(run: PlannedRun, arms: [ArmSummary], effects: [[PairedMoments]], coupleDays: Int, episodeTurns: Int) {
        self.run = run
        self.arms = arms
        self.effects = effects
        self.coupleDays = coupleDays
        self.episodeTurns = episodeTurns
    }

    /// Summarises a run's result: means per arm, paired moments of each non-control arm vs
    /// the control arm over the same couples.
    public init(run: PlannedRun, result: RunResult, controlArm: Int) {
        let numeric = CoupleOutcomeColumn.numeric
        arms = result.arms.map { arm in
            let means = numeric.map { Moments(of: arm.outcomes.column($0)).meanOrMissing }
            return ArmSummary(name: arm.name, couples: arm.outcomes.count, means: means)
        }
        let control = result.arms[controlArm].outcomes
        effects = result.arms.indices.filter { $0 != controlArm }.map { armIndex in
            let treated = result.arms[armIndex].outcomes
            return EffectOutcomes.columns.map { PairedMoments(control: control.column($0), treatment: treated.column($0)) }
        }
        self.run = run
        coupleDays = result.coupleDays
        episodeTurns = result.episodeTurns
    }
}

/// The outcomes compared between arms in `effects.csv` and `summary.csv`: every numeric
/// per-couple outcome except the day-0 traits (identical in every arm by design).
public enum EffectOutcomes {
    public static let columns: [CoupleOutcomeColumn] = CoupleOutcomeColumn.numeric.filter {
        ![.a0A, .v0A, .a0B, .v0B].contains($0)
    }
}
