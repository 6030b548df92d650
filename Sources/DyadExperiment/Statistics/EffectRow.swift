import DyadCore

/// One row of `effects.csv`: a treatment arm vs the control arm on one outcome at one point.
public struct EffectRow: Sendable, Equatable {
    /// The sweep point (the `sweep_point` column).
    public let point: Int
    /// The treatment arm.
    public let arm: String
    /// The control arm it is compared with on the same couples.
    public let controlArm: String
    /// The compared outcome.
    public let outcome: SummarisedOutcome
    /// Moments of the paired differences treatment − control and of each arm's values, pooled over
    /// the couples of the point's replicates.
    public let moments: PairedMoments

    /// Values in ``EffectRow/columns`` order after the labels (n, means, difference, CI, d).
    public var values: [Double] {
        let difference = moments.difference
        let interval = difference.confidenceInterval95
        return [
            Double(difference.count), moments.control.meanOrMissing, moments.treatment.meanOrMissing,
            difference.meanOrMissing, difference.count > 1 ? difference.standardError : .nan,
            interval.low, interval.high, moments.cohensD,
        ]
    }

    /// Column names of `effects.csv`.
    public static let columns = [
        "sweep_point", "arm", "control_arm", "outcome", "n", "control_mean", "arm_mean", "difference",
        "se", "ci_low", "ci_high", "d",
    ]
}
