import DyadCore

/// A per-couple quantity compared between an intervention arm and the control arm
/// (docs/model.md §12.4). `anx` is the day-0 more anxious partner (a0_a ≥ a0_b → a, ties →
/// a: the `more_anxious` target at enrolment on day 0), `par` the other partner.
package enum InterventionMeasure: String, Sendable, CaseIterable {
    /// mean_e of the more anxious partner.
    case anxiousArousal = "anx_e"
    /// security (S at the end) of the more anxious partner.
    case anxiousSecurity = "anx_sec"
    /// pursue_frac of the more anxious partner.
    case anxiousPursuit = "anx_pur"
    /// a − a0 of the more anxious partner (change of anxiety over the run).
    case anxiousAnxietyChange = "anx_da"
    /// withdraw_frac of the other partner.
    case partnerWithdrawal = "par_wd"
    /// peak_e of the other partner.
    case partnerPeakArousal = "par_peak"
    /// (flood_frac_a + flood_frac_b)/2.
    case flooding = "flood"
    /// (withdraw_frac_a + withdraw_frac_b)/2 (the present one if the other is NA).
    case withdrawal = "withdraw"
    /// repair_rmst of the couple (restricted mean time to repair).
    case repairRMST = "repair_rmst"
    /// repair_time of the couple (mean over resolved episodes).
    case repairTime = "repair_time"
    /// resolved_frac of the couple.
    case resolvedFraction = "resolved_frac"
    /// pw_cycle_frac of the couple.
    case pursueWithdrawCycle = "pw_cycle_frac"
    /// Couple satisfaction at the end.
    case satisfaction = "satisfaction"
    /// 1 if distressed at the end.
    case distressed = "distressed"
    /// 1 if dissolved.
    case dissolved = "dissolved"

    /// The per-couple values in `table` (roles from the table's own day-0 traits, which every
    /// arm of a run shares).
    func values(_ table: CoupleOutcomeTable) -> [Double] {
        switch self {
        case .anxiousArousal: table.byDayZeroAnxiety(.meanEA, .meanEB, moreAnxious: true)
        case .anxiousSecurity: table.byDayZeroAnxiety(.securityA, .securityB, moreAnxious: true)
        case .anxiousPursuit: table.byDayZeroAnxiety(.pursueFracA, .pursueFracB, moreAnxious: true)
        case .anxiousAnxietyChange:
            zip(
                table.byDayZeroAnxiety(.aA, .aB, moreAnxious: true),
                table.byDayZeroAnxiety(.a0A, .a0B, moreAnxious: true)
            )
            .map { $0 - $1 }
        case .partnerWithdrawal: table.byDayZeroAnxiety(.withdrawFracA, .withdrawFracB, moreAnxious: false)
        case .partnerPeakArousal: table.byDayZeroAnxiety(.peakEA, .peakEB, moreAnxious: false)
        case .flooding: table.partnerMean(.floodFracA, .floodFracB)
        case .withdrawal: table.partnerMean(.withdrawFracA, .withdrawFracB)
        case .repairRMST: table.columnArray(.repairRMST)
        case .repairTime: table.columnArray(.repairTime)
        case .resolvedFraction: table.columnArray(.resolvedFrac)
        case .pursueWithdrawCycle: table.columnArray(.pwCycleFrac)
        case .satisfaction: table.columnArray(.satisfaction)
        case .distressed: table.columnArray(.distressed)
        case .dissolved: table.columnArray(.dissolved)
        }
    }
}
