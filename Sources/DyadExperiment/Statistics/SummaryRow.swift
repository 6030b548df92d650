import DyadCore

/// One row of `summary.csv`: an outcome's run means across the replicates of one point and arm.
public struct SummaryRow: Sendable, Equatable {
    /// The sweep point (the `sweep_point` column).
    public let point: Int
    /// The arm.
    public let arm: String
    /// The outcome summarised.
    public let outcome: SummarisedOutcome
    /// Moments of the outcome's run means over the point's replicates.
    public let moments: Moments

    /// n, mean, sd and the 95 % t interval of the mean, in ``columns`` order after the labels.
    public var values: [Double] {
        let interval = moments.confidenceInterval95
        return [Double(moments.count), moments.meanOrMissing, moments.standardDeviation, interval.low, interval.high]
    }

    /// Column names of `summary.csv`, in order.
    public static let columns = ["sweep_point", "arm", "outcome", "n", "mean", "sd", "ci_low", "ci_high"]
}
