import DyadCore

/// Which outcomes a scenario's run statistics cover: `means` are the runs.csv `_mean` columns,
/// `compared` the outcomes of summary.csv and effects.csv rows (paired effects between arms).
/// Without a `measurement` section they are ``CoupleOutcomeColumn/numeric`` and
/// ``EffectOutcomes/columns``; with one, every ``MeasuredColumn`` follows in `means` and every
/// measured score but the day-0 ECR-R scores (fixed before any arm differs, like `a0_x`,
/// `v0_x`) follows in `compared`, so effects and summaries exist on the instruments' scales.
public struct OutcomeSelection: Sendable, Equatable {
    /// runs.csv means, in column order.
    public let means: [SummarisedOutcome]
    /// summary.csv / effects.csv outcomes, in row order.
    public let compared: [SummarisedOutcome]
    /// For each compared outcome, its position in `means`.
    public let meanIndexOfCompared: [Int]

    /// The outcomes of a run with (`measured`) or without measured scores.
    public init(measured: Bool) {
        var means = CoupleOutcomeColumn.numeric.map(SummarisedOutcome.couple)
        var compared = EffectOutcomes.columns.map(SummarisedOutcome.couple)
        if measured {
            means += MeasuredColumn.allCases.map(SummarisedOutcome.measured)
            compared += MeasuredColumn.allCases.filter { !($0.isBaseline && $0.instrument != .csi) }.map(
                SummarisedOutcome.measured)
        }
        self.means = means
        self.compared = compared
        let positions = Dictionary(uniqueKeysWithValues: means.enumerated().map { ($0.element, $0.offset) })
        meanIndexOfCompared = compared.map { positions[$0] ?? 0 }
    }

    /// True scores only (no `measurement` section).
    public static let trueScores = OutcomeSelection(measured: false)
    /// True and measured scores (a `measurement` section).
    public static let withMeasured = OutcomeSelection(measured: true)

    /// The selection of a scenario with or without a `measurement` section.
    public static func of(measured: Bool) -> OutcomeSelection { measured ? withMeasured : trueScores }
}
