import DyadCore

extension PopulationFacts {
    /// SF8–SF14.
    static func outcomeFacts(_ table: CoupleOutcomeTable, quick: Bool) -> [ValidationResult] {
        let dissolved = table.columnArray(.dissolved)
        let survivors = table.rowIndices { dissolved[$0] == 0 }
        let dissolving = table.rowIndices { dissolved[$0] == 1 }
        return [
            cycleSatisfactionCorrelation(table), behaviourCorrelations(table, quick: quick),
            peakArousalCorrelation(table, quick: quick), recoveryByAnxiety(table),
            positivityBySurvival(table, survivors: survivors, dissolving: dissolving),
            turnTowardBySurvival(table, survivors: survivors, dissolving: dissolving),
            dissolutionRate(table, quick: quick),
        ]
    }

    /// SF8: Pearson r(pw_cycle_frac, satisfaction) over couples (satisfaction = Sat_c at the end),
    /// < 0 by 4 SE (distribution-free SE).
    static func cycleSatisfactionCorrelation(_ table: CoupleOutcomeTable) -> ValidationResult {
        let r = ValidationStatistics.correlation(table.columnArray(.pwCycleFrac), table.columnArray(.satisfaction))
        return StylizedFactCatalog.result(
            "SF8", measured: r.value, standardError: r.standardError, expected: "< 0 by 4 SE",
            pass: ValidationCriteria.holdsDirection(r.value, standardError: r.standardError, sign: -1),
            detail: "r \(ValidationText.fixed(r.value, 3)) (se \(ValidationText.fixed(r.standardError, 3)))")
    }

    /// SF9: pooled over both partners, r(a0_i, pursue_frac_i) > 0.1 and r(v0_i, withdraw_frac_i)
    /// > 0.1 (a fixed threshold: quick mode lowers it by 2 SE). Headline: the smaller r.
    static func behaviourCorrelations(_ table: CoupleOutcomeTable, quick: Bool) -> ValidationResult {
        let pursuit = ValidationStatistics.correlation(
            table.pooledPartners(.a0A, .a0B), table.pooledPartners(.pursueFracA, .pursueFracB))
        let withdrawal = ValidationStatistics.correlation(
            table.pooledPartners(.v0A, .v0B), table.pooledPartners(.withdrawFracA, .withdrawFracB))
        let above = { (r: ValidationEstimate) in
            ValidationCriteria.liesWithin(r.value, lower: 0.1, upper: 1, standardError: r.standardError, quick: quick)
        }
        let smaller = pursuit.value <= withdrawal.value ? pursuit : withdrawal
        return StylizedFactCatalog.result(
            "SF9", measured: smaller.value, standardError: smaller.standardError,
            expected: "both > 0.1" + (quick ? " − 2 SE (quick)" : ""), pass: above(pursuit) && above(withdrawal),
            detail:
                "r(a,pursue) \(ValidationText.fixed(pursuit.value, 3)) r(v,withdraw) \(ValidationText.fixed(withdrawal.value, 3)) "
                + "(se<=\(ValidationText.fixed(max(pursuit.standardError, withdrawal.standardError), 4)))")
    }

    /// SF10: pooled over both partners, r(a0_i, peak_e_i) > 0.1 (quick: − 2 SE).
    static func peakArousalCorrelation(_ table: CoupleOutcomeTable, quick: Bool) -> ValidationResult {
        let r = ValidationStatistics.correlation(
            table.pooledPartners(.a0A, .a0B), table.pooledPartners(.peakEA, .peakEB))
        return StylizedFactCatalog.result(
            "SF10", measured: r.value, standardError: r.standardError,
            expected: "> 0.1" + (quick ? " − 2 SE (quick)" : ""),
            pass: ValidationCriteria.liesWithin(
                r.value, lower: 0.1, upper: 1, standardError: r.standardError, quick: quick),
            detail: "r(a, peak_e) \(ValidationText.fixed(r.value, 3)) (se \(ValidationText.fixed(r.standardError, 4)))")
    }

    /// SF11: partners pooled (2N) and split at the tertiles q(1/3), q(2/3) of day-0 anxiety a0;
    /// mean recovery_time of the top tertile (a0 ≥ q(2/3)) minus the bottom one (a0 ≤ q(1/3)),
    /// > 0 by 4 SE (independent groups; partners without episodes are NA and skipped).
    static func recoveryByAnxiety(_ table: CoupleOutcomeTable) -> ValidationResult {
        let anxiety = table.pooledPartners(.a0A, .a0B)
        let recovery = table.pooledPartners(.recoveryTimeA, .recoveryTimeB)
        let lowerCut = ValidationStatistics.quantile(anxiety, 1.0 / 3)
        let upperCut = ValidationStatistics.quantile(anxiety, 2.0 / 3)
        let top = recovery.elements(at: anxiety.indices.filter { anxiety[$0] >= upperCut })
        let bottom = recovery.elements(at: anxiety.indices.filter { anxiety[$0] <= lowerCut })
        let difference = ValidationStatistics.meanDifference(top, bottom)
        return StylizedFactCatalog.result(
            "SF11", measured: difference.value, standardError: difference.standardError, expected: "> 0 by 4 SE",
            pass: ValidationCriteria.holdsDirection(difference.value, standardError: difference.standardError, sign: 1),
            detail: "\(ValidationText.fixed(ValidationStatistics.mean(top), 2)) vs "
                + "\(ValidationText.fixed(ValidationStatistics.mean(bottom), 2)) min "
                + "(se of diff \(ValidationText.fixed(difference.standardError, 2)))")
    }

    /// SF12: median ratio_conflict of surviving couples minus that of dissolved couples, > 0 by
    /// 4 SE; each median's SE from order statistics (``ValidationStatistics/median(_:)``),
    /// combined as √(se₁² + se₂²).
    static func positivityBySurvival(_ table: CoupleOutcomeTable, survivors: [Int], dissolving: [Int])
        -> ValidationResult
    {
        let ratio = table.columnArray(.ratioConflict)
        let surviving = ValidationStatistics.median(ratio.elements(at: survivors))
        let dissolved = ValidationStatistics.median(ratio.elements(at: dissolving))
        let difference = surviving.value - dissolved.value
        let error =
            (surviving.standardError * surviving.standardError + dissolved.standardError * dissolved.standardError)
            .squareRoot()
        return StylizedFactCatalog.result(
            "SF12", measured: difference, standardError: error, expected: "> 0 by 4 SE",
            pass: ValidationCriteria.holdsDirection(difference, standardError: error, sign: 1),
            detail:
                "survivors \(ValidationText.fixed(surviving.value, 3)) dissolved \(ValidationText.fixed(dissolved.value, 3)) "
                + "(se \(ValidationText.fixed(error, 3)), n_dissolved \(dissolving.count))")
    }

    /// SF13: per couple turn_toward = (turn_toward_a + turn_toward_b)/2; mean over surviving
    /// minus dissolved couples, > 0 by 4 SE (independent groups).
    static func turnTowardBySurvival(_ table: CoupleOutcomeTable, survivors: [Int], dissolving: [Int])
        -> ValidationResult
    {
        let turnToward = table.partnerMean(.turnTowardA, .turnTowardB)
        let surviving = turnToward.elements(at: survivors), dissolved = turnToward.elements(at: dissolving)
        let difference = ValidationStatistics.meanDifference(surviving, dissolved)
        return StylizedFactCatalog.result(
            "SF13", measured: difference.value, standardError: difference.standardError, expected: "> 0 by 4 SE",
            pass: ValidationCriteria.holdsDirection(difference.value, standardError: difference.standardError, sign: 1),
            detail: "\(ValidationText.fixed(ValidationStatistics.mean(surviving), 3)) vs "
                + "\(ValidationText.fixed(ValidationStatistics.mean(dissolved), 3)) "
                + "(se \(ValidationText.fixed(difference.standardError, 4)))")
    }

    /// SF14: share of couples dissolved within the year, in 0.02–0.05 (binomial SE).
    static func dissolutionRate(_ table: CoupleOutcomeTable, quick: Bool) -> ValidationResult {
        let dissolved = table.columnArray(.dissolved)
        let share = ValidationStatistics.proportion(dissolved.filter { $0 == 1 }.count, of: dissolved.count)
        return StylizedFactCatalog.result(
            "SF14", measured: share.value, standardError: share.standardError,
            expected: ValidationCriteria.bandText(0.02, 0.05, quick: quick),
            pass: ValidationCriteria.liesWithin(
                share.value, lower: 0.02, upper: 0.05, standardError: share.standardError, quick: quick),
            detail: "\(ValidationText.fixed(share.value, 4)) (se \(ValidationText.fixed(share.standardError, 4)))")
    }
}
