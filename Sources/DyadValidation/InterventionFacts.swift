import DyadCore

/// A per-couple quantity compared between an intervention arm and the control arm
/// (MODEL.md Appendix A.3.2). `anx` is the day-0 more anxious partner (a0_a ≥ a0_b → a, ties →
/// a: the `more_anxious` target at enrolment on day 0), `par` the other partner.
public enum InterventionMeasure: String, Sendable, CaseIterable {
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
            zip(table.byDayZeroAnxiety(.aA, .aB, moreAnxious: true), table.byDayZeroAnxiety(.a0A, .a0B, moreAnxious: true))
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

/// One cell of MODEL.md Appendix A.3.2: an arm's paired effect on a measure.
public struct InterventionEffect: Sendable {
    /// Name of the intervention arm.
    public let arm: String
    /// The compared quantity.
    public let measure: InterventionMeasure
    /// Mean of the measure in the control arm.
    public let controlMean: Double
    /// mean(arm − control) over couples where both are present, SE sd(diff)/√n.
    public let effect: ValidationEstimate
}

/// Stylized facts SF18–SF23 of MODEL.md §12, measured on scenario I: paired differences
/// arm − control over the same couples (common random numbers), SE = sd(diff)/√n; every
/// stated direction must hold by 4 SE.
public enum InterventionFacts {
    /// (fact, arm, [(measure, expected sign)], measures reported only).
    /// The arm of each fact is named by its intervention type.
    static let facts: [
        (id: String, arm: InterventionType, checks: [(InterventionMeasure, Double)], extra: [InterventionMeasure])
    ] = [
        ("SF18", .consistentValidation,
         [(.anxiousArousal, -1), (.anxiousSecurity, 1), (.anxiousPursuit, -1), (.anxiousAnxietyChange, -1)], []),
        ("SF19", .withholdValidation,
         [(.anxiousArousal, 1), (.anxiousSecurity, -1), (.anxiousPursuit, 1), (.anxiousAnxietyChange, 1)], []),
        ("SF20", .selfSoothing,
         [(.flooding, -1), (.repairRMST, -1), (.resolvedFraction, 1), (.withdrawal, -1)], [.repairTime]),
        ("SF21", .softStartup, [(.partnerWithdrawal, -1), (.partnerPeakArousal, -1)], []),
        ("SF22", .communicateIntentions, [(.anxiousArousal, -1), (.resolvedFraction, 1)], []),
        ("SF23", .shareVulnerability, [(.satisfaction, 1), (.pursueWithdrawCycle, -1)], []),
    ]

    /// SF18–SF23 from a scenario-I result with arms "control" and one arm per intervention type.
    public static func evaluate(_ result: RunResult, configuration: RunConfiguration, quick: Bool) -> [ValidationResult] {
        let control = result.arms.first { $0.name == "control" }?.outcomes
        return facts.map { fact in
            let armName = fact.arm.rawValue
            guard let control, let arm = result.arms.first(where: { $0.name == armName })?.outcomes else {
                return StylizedFactCatalog.result(
                    fact.id, measured: .nan, standardError: nil, expected: "arms control and \(armName)", pass: false,
                    detail: "missing arm control or \(armName)")
            }
            let effects = fact.checks.map { measure, sign in
                (measure, sign, ValidationStatistics.pairedDifference(measure.values(arm), measure.values(control)))
            }
            let pass = effects.allSatisfy { _, sign, effect in
                ValidationCriteria.holdsDirection(effect.value, standardError: effect.standardError, sign: sign)
            }
            let reported = effects.map { ($0.0, $0.2) } + fact.extra.map {
                ($0, ValidationStatistics.pairedDifference($0.values(arm), $0.values(control)))
            }
            let expected = fact.checks.map { "\($0.0.rawValue) \($0.1 > 0 ? "↑" : "↓")" }.joined(separator: ", ")
            return StylizedFactCatalog.result(
                fact.id, measured: effects[0].2.value, standardError: effects[0].2.standardError,
                expected: expected + " vs control by 4 SE", pass: pass,
                detail: reported.map { "\($0.0.rawValue) \(ValidationText.withError($0.1, 4, signed: true))" }
                    .joined(separator: "; "))
        }
    }

    /// Every measure × every non-control arm (MODEL.md Appendix A.3.2), arms in result order.
    public static func effects(_ result: RunResult, controlArm: String = "control") -> [InterventionEffect] {
        guard let control = result.arms.first(where: { $0.name == controlArm })?.outcomes else { return [] }
        return InterventionMeasure.allCases.flatMap { measure in
            let reference = measure.values(control)
            let controlMean = ValidationStatistics.mean(reference)
            return result.arms.filter { $0.name != controlArm }.map { arm in
                InterventionEffect(
                    arm: arm.name, measure: measure, controlMean: controlMean,
                    effect: ValidationStatistics.pairedDifference(measure.values(arm.outcomes), reference))
            }
        }
    }
}
