import DyadCore

/// One row of `summary.csv`: an outcome's run means across the replicates of one point and arm.
public struct SummaryRow: Sendable, Equatable {
    public let point: Int
    public let arm: String
    public let outcome: SummarisedOutcome
    public let moments: Moments

    public var values: [Double] {
        let interval = moments.confidenceInterval95
        return [Double(moments.count), moments.meanOrMissing, moments.standardDeviation, interval.low, interval.high]
    }

    public static let columns = ["sweep_point", "arm", "outcome", "n", "mean", "sd", "ci_low", "ci_high"]
}
