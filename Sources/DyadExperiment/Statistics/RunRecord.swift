import DyadCore

/// Everything kept of a finished run after its rows are written: the `runs.csv` means and the
/// paired moments behind `effects.csv` (small, exact, mergeable in a fixed order).
public struct RunRecord: Sendable, Equatable {
    /// The run: sweep point, replicate and seed.
    public let run: PlannedRun
    /// Per arm (arm order): couples and the run means of the numeric outcomes (runs.csv).
    public let arms: [ArmSummary]
    /// Paired moments per non-control arm (in arm order) and ``OutcomeSelection/compared``.
    public let effects: [[PairedMoments]]
    /// Outcome couple-days simulated.
    public let coupleDays: Int
    /// Completed episode turns.
    public let episodeTurns: Int

    /// A record of `run` with its arm summaries, paired moments and simulation counts.
    public init(run: PlannedRun, arms: [ArmSummary], effects: [[PairedMoments]], coupleDays: Int, episodeTurns: Int) {
        self.run = run
        self.arms = arms
        self.effects = effects
        self.coupleDays = coupleDays
        self.episodeTurns = episodeTurns
    }

    /// Summarises a run's result (true scores, ``OutcomeSelection/trueScores``): means per arm,
    /// paired moments of each non-control arm vs the control arm over the same couples.
    public init(run: PlannedRun, result: RunResult, controlArm: Int) {
        let numeric = CoupleOutcomeColumn.numeric
        arms = result.arms.map { arm in
            let means = numeric.map { Moments(of: arm.outcomes.column($0)).meanOrMissing }
            return ArmSummary(name: arm.name, couples: arm.outcomes.count, means: means)
        }
        let control = result.arms[controlArm].outcomes
        effects = result.arms.indices.filter { $0 != controlArm }.map { armIndex in
            let treated = result.arms[armIndex].outcomes
            return EffectOutcomes.columns.map {
                PairedMoments(control: control.column($0), treatment: treated.column($0))
            }
        }
        self.run = run
        coupleDays = result.coupleDays
        episodeTurns = result.episodeTurns
    }
}
