/// One row of `daily.csv`: one day's means and shares over the couples alive at its start
/// (docs/model.md §9.3), computed from the day's exact totals; NaN means NA.
public struct DailyRow: Sendable {
    /// The day's exact numerators and denominators.
    public let totals: DayTotals
    /// Couples covered (denominator of `dissolved_cum`).
    public let coupleCount: Int
    /// Couples dissolved on this day or before.
    public let cumulativeDissolved: Int64

    /// The value of `column`: a mean Σ/n over couples (or partners, 2n), a share count/n, or the
    /// count `alive`; NaN when the denominator is 0.
    public subscript(column: DailyColumn) -> Double {
        let alive = Double(totals.alive)
        switch column {
        case .alive: return alive
        case .arousal: return Self.mean(totals.arousal, per: 2 * alive)
        case .conflictArousal: return Self.mean(totals.conflictArousal, per: Double(totals.conflictSamples))
        case .security: return Self.mean(totals.security, per: 2 * alive)
        case .satisfaction: return Self.mean(totals.satisfaction, per: alive)
        case .inConflict: return Self.share(totals.inConflict, of: alive)
        case .pwCycleFrac: return Self.share(totals.pursueWithdrawPairs, of: Double(totals.actionPairs))
        case .distressed: return Self.share(totals.distressed, of: alive)
        case .dissolvedCum: return coupleCount > 0 ? Double(cumulativeDissolved) / Double(coupleCount) : .nan
        case .aMean: return Self.mean(totals.anxiety, per: 2 * alive)
        case .vMean: return Self.mean(totals.avoidance, per: 2 * alive)
        }
    }

    /// Every value in ``DailyColumn`` order.
    public var values: [Double] { DailyColumn.allCases.map { self[$0] } }

    /// A fixed-point sum (``fixedPointScale``) divided by `denominator`; NaN if it is 0.
    private static func mean(_ sum: Int128, per denominator: Double) -> Double {
        denominator > 0 ? Double(sum) / fixedPointScale / denominator : .nan
    }

    /// `count` / `denominator`; NaN if it is 0.
    private static func share(_ count: Int64, of denominator: Double) -> Double {
        denominator > 0 ? Double(count) / denominator : .nan
    }
}
