import DyadCore
import DyadExperiment

/// What a calibration target measures in one simulation (one run of the base scenario at θ).
///
/// Columns are couples.csv outcome columns or, with a `measurement` section, measured scores
/// (``SummarisedOutcome``). Column statistics are taken over the couples of one arm whose row passes the target's row
/// filter (``CalibrationTarget/filters``); NA values are skipped. Effects compare the same
/// couples in a treatment arm and the control arm exactly as `effects.csv` does
/// (``PairedMoments``). Daily values are `daily.csv` cells.
public enum CalibrationStatistic: Sendable, Hashable {
    /// The mean x̄ of a couples.csv column.
    case mean(SummarisedOutcome)
    /// The sample standard deviation s = √(Σ(x − x̄)²/(n − 1)) of a column (NaN below n = 2).
    case standardDeviation(SummarisedOutcome)
    /// The share of rows whose value equals `code` (a 0/1 value, a count, or a label's code) among
    /// the rows where the column is present.
    case share(SummarisedOutcome, equals: Double)
    /// The type-7 sample quantile of a column at probability q in [0, 1] (``Quantile/type7(sorted:_:)``).
    case quantile(SummarisedOutcome, probability: Double)
    /// Pearson's r of two columns over the rows where both are present.
    case correlation(SummarisedOutcome, SummarisedOutcome)
    /// Cohen's d of an outcome, arm vs control: paired mean difference over the pooled SD
    /// √((s_c² + s_t²)/2), the `d` column of effects.csv.
    case effectD(SummarisedOutcome)
    /// The paired mean difference arm − control of an outcome, the `difference` column of effects.csv.
    case effectDifference(SummarisedOutcome)
    /// A daily.csv column on outcome day `day` (0-based).
    case daily(DailyColumn, day: Int)

    /// The statistic's kind (its name in calibration files).
    public var kind: CalibrationStatisticKind {
        switch self {
        case .mean: .mean
        case .standardDeviation: .standardDeviation
        case .share: .share
        case .quantile: .quantile
        case .correlation: .correlation
        case .effectD: .effectD
        case .effectDifference: .effectDifference
        case .daily: .daily
        }
    }
}

/// The kinds of ``CalibrationStatistic``: the vocabulary of `statistic` in calibration files.
public enum CalibrationStatisticKind: String, CaseIterable, Sendable {
    case mean
    case standardDeviation = "sd"
    case share
    case quantile
    case correlation
    case effectD = "effect_d"
    case effectDifference = "effect_difference"
    case daily

    /// Whether the statistic compares an arm with the control arm (needs `arm`, a non-control arm).
    public var isEffect: Bool { self == .effectD || self == .effectDifference }
}
