import DyadCore

/// Stylized facts SF1–SF14 of docs/model.md §10.2, measured on scenario P (traits, one control arm).
///
/// Conventions of every P fact: traits are the **day-0** values a0_x, v0_x (and their labels
/// style0_x); "per partner" quantities pool roles a and b (2N observations); couple outcomes are
/// the docs/model.md §9.2 columns at the end of the run (frozen at dissolution for dissolved
/// couples); NA values are skipped pairwise.
package enum PopulationFacts {
    /// SF1–SF14 from the outcomes of the run's first arm.
    package static func evaluate(_ result: RunResult, configuration: RunConfiguration, quick: Bool)
        -> [ValidationResult]
    {
        let table = result.arms[0].outcomes
        return [
            styleShares(table, quick: quick), withinPersonCorrelation(table, quick: quick),
            roleDifferences(table, quick: quick), satisfactionCorrelations(table, quick: quick),
            pursueWithdrawByDistress(table), moreAnxiousPursues(table), roleAPursues(table),
        ] + outcomeFacts(table, quick: quick)
    }

    /// SF1: shares of the day-0 style labels pooled over both partners (2N), each within 0.03 of
    /// secure 0.59, anxious 0.16, avoidant + fearful 0.25; SE √(p(1 − p)/2N).
    /// Headline: the largest absolute deviation.
    static func styleShares(_ table: CoupleOutcomeTable, quick: Bool) -> ValidationResult {
        let codes = table.pooledPartners(.style0A, .style0B)
        func share(_ styles: [AttachmentStyle]) -> ValidationEstimate {
            let hits = codes.filter { code in styles.contains { Double($0.rawValue) == code } }.count
            return ValidationStatistics.proportion(hits, of: codes.count)
        }
        let secure = share([.secure]), anxious = share([.anxious]), avoidant = share([.avoidant, .fearful])
        let fearful = share([.fearful])
        let checks = [(secure, 0.59), (anxious, 0.16), (avoidant, 0.25)]
        let pass = checks.allSatisfy { estimate, target in
            ValidationCriteria.liesWithin(
                estimate.value - target, lower: -0.03, upper: 0.03,
                standardError: estimate.standardError, quick: quick)
        }
        let worst = checks.largest { abs($0.0.value - $0.1) }
        let largestError = checks.map(\.0.standardError).reduce(0) { Swift.max($0, $1) }
        let detail =
            "secure \(ValidationText.fixed(secure.value, 3)) anxious \(ValidationText.fixed(anxious.value, 3)) "
            + "avoidant \(ValidationText.fixed(avoidant.value, 3)) (fearful \(ValidationText.fixed(fearful.value, 3))) "
            + "se<=\(ValidationText.fixed(largestError, 4))"
        return StylizedFactCatalog.result(
            "SF1", measured: abs(worst.0.value - worst.1), standardError: worst.0.standardError,
            expected: "largest deviation from 0.59/0.16/0.25 ≤ 0.03" + (quick ? " + 2 SE (quick)" : ""),
            pass: pass, detail: detail)
    }

    /// SF2: within-role Pearson r(a0_x, v0_x) for role a and role b, both in 0.10–0.25.
    /// Headline: the role nearer a band edge.
    static func withinPersonCorrelation(_ table: CoupleOutcomeTable, quick: Bool) -> ValidationResult {
        let roleA = ValidationStatistics.correlation(table.columnArray(.a0A), table.columnArray(.v0A))
        let roleB = ValidationStatistics.correlation(table.columnArray(.a0B), table.columnArray(.v0B))
        let inBand = { (r: ValidationEstimate) in
            ValidationCriteria.liesWithin(
                r.value, lower: 0.10, upper: 0.25, standardError: r.standardError, quick: quick)
        }
        let headline = bandMargin(roleA, 0.10, 0.25) <= bandMargin(roleB, 0.10, 0.25) ? roleA : roleB
        return StylizedFactCatalog.result(
            "SF2", measured: headline.value, standardError: headline.standardError,
            expected: ValidationCriteria.bandText(0.10, 0.25, quick: quick), pass: inBand(roleA) && inBand(roleB),
            detail: "role a \(ValidationText.fixed(roleA.value, 3)) role b \(ValidationText.fixed(roleB.value, 3)) "
                + "(se \(ValidationText.fixed(max(roleA.standardError, roleB.standardError), 3)))")
    }

    /// SF3: d_anx = mean(a0_a − a0_b) > 0 and d_av = mean(v0_a − v0_b) < 0 by 4 SE (paired SE
    /// sd/√N), and the bivariate Mahalanobis distance D = √(δᵀ Σ⁻¹ δ) of the role means
    /// δ = (d_anx, d_av) with Σ the pooled within-role covariance of (a0, v0) in 0.10–0.35, SE
    /// √(2/N + D²/(4N)) (two groups of N).
    static func roleDifferences(_ table: CoupleOutcomeTable, quick: Bool) -> ValidationResult {
        let anxiety = ValidationStatistics.pairedDifference(table.columnArray(.a0A), table.columnArray(.a0B))
        let avoidance = ValidationStatistics.pairedDifference(table.columnArray(.v0A), table.columnArray(.v0B))
        func covariance(_ x: [Double], _ y: [Double]) -> Double {
            let mx = ValidationStatistics.mean(x), my = ValidationStatistics.mean(y)
            return zip(x, y).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) } / Double(x.count - 1)
        }
        let a0A = table.columnArray(.a0A), v0A = table.columnArray(.v0A)
        let a0B = table.columnArray(.a0B), v0B = table.columnArray(.v0B)
        let anxietyVariance = (covariance(a0A, a0A) + covariance(a0B, a0B)) / 2
        let avoidanceVariance = (covariance(v0A, v0A) + covariance(v0B, v0B)) / 2
        let traitCovariance = (covariance(a0A, v0A) + covariance(a0B, v0B)) / 2
        let determinant = anxietyVariance * avoidanceVariance - traitCovariance * traitCovariance
        let anxietyShift = anxiety.value, avoidanceShift = avoidance.value
        let distance =
            ((avoidanceVariance * anxietyShift * anxietyShift
            - 2 * traitCovariance * anxietyShift * avoidanceShift
            + anxietyVariance * avoidanceShift * avoidanceShift) / determinant).squareRoot()
        let n = Double(table.count)
        let distanceError = (2 / n + distance * distance / (4 * n)).squareRoot()
        let pass =
            ValidationCriteria.holdsDirection(anxietyShift, standardError: anxiety.standardError, sign: 1)
            && ValidationCriteria.holdsDirection(avoidanceShift, standardError: avoidance.standardError, sign: -1)
            && ValidationCriteria.liesWithin(
                distance, lower: 0.10, upper: 0.35, standardError: distanceError, quick: quick)
        return StylizedFactCatalog.result(
            "SF3", measured: distance, standardError: distanceError,
            expected: "d_anx > 0 and d_av < 0 by 4 SE; D " + ValidationCriteria.bandText(0.10, 0.35, quick: quick),
            pass: pass,
            detail:
                "d_anx \(ValidationText.signed(anxietyShift, 4)) (se \(ValidationText.fixed(anxiety.standardError, 4))) "
                + "d_av \(ValidationText.signed(avoidanceShift, 4)) (se \(ValidationText.fixed(avoidance.standardError, 4))) "
                + "D \(ValidationText.fixed(distance, 3)) (se \(ValidationText.fixed(distanceError, 3)))")
    }

    /// SF4: pooled over both partners, r(a0_i, sat_i) and r(v0_i, sat_i) (sat_x at the end) both in
    /// −.45…−.20 and r(v0, sat) < r(a0, sat) by 4 SE; per couple r(a0_a + a0_b, episodes) >
    /// r(v0_a + v0_b, episodes) by 4 SE. Differences of correlations sharing a variable use
    /// Steiger's (1980) SE. Headline: r(v0_i, sat_i).
    static func satisfactionCorrelations(_ table: CoupleOutcomeTable, quick: Bool) -> ValidationResult {
        typealias Statistics = ValidationStatistics
        let anxiety = table.pooledPartners(.a0A, .a0B), avoidance = table.pooledPartners(.v0A, .v0B)
        let satisfaction = table.pooledPartners(.satA, .satB)
        let anxietySatisfaction = Statistics.correlation(anxiety, satisfaction)
        let avoidanceSatisfaction = Statistics.correlation(avoidance, satisfaction)
        let traits = Statistics.correlation(anxiety, avoidance).value
        let satisfactionGapError = Statistics.overlappingCorrelationDifferenceStandardError(
            anxietySatisfaction.value, avoidanceSatisfaction.value, traits, count: anxiety.count)
        let episodes = table.columnArray(.episodes)
        let anxietySum = table.perCouple(.a0A, .a0B, +), avoidanceSum = table.perCouple(.v0A, .v0B, +)
        let anxietyEpisodes = Statistics.correlation(anxietySum, episodes)
        let avoidanceEpisodes = Statistics.correlation(avoidanceSum, episodes)
        let episodeGapError = Statistics.overlappingCorrelationDifferenceStandardError(
            anxietyEpisodes.value, avoidanceEpisodes.value, Statistics.correlation(anxietySum, avoidanceSum).value,
            count: table.count)
        let inBand = { (r: ValidationEstimate) in
            ValidationCriteria.liesWithin(
                r.value, lower: -0.45, upper: -0.20, standardError: r.standardError, quick: quick)
        }
        let pass =
            inBand(anxietySatisfaction) && inBand(avoidanceSatisfaction)
            && ValidationCriteria.holdsDirection(
                avoidanceSatisfaction.value - anxietySatisfaction.value,
                standardError: satisfactionGapError, sign: -1)
            && ValidationCriteria.holdsDirection(
                anxietyEpisodes.value - avoidanceEpisodes.value,
                standardError: episodeGapError, sign: 1)
        let largestError = [anxietySatisfaction, avoidanceSatisfaction, anxietyEpisodes, avoidanceEpisodes]
            .map(\.standardError).reduce(0) { Swift.max($0, $1) }
        return StylizedFactCatalog.result(
            "SF4", measured: avoidanceSatisfaction.value, standardError: avoidanceSatisfaction.standardError,
            expected: "both r(·, Sat) " + ValidationCriteria.bandText(-0.45, -0.20, quick: quick)
                + "; r(v,Sat) < r(a,Sat) and r(a,ep) > r(v,ep) by 4 SE",
            pass: pass,
            detail: "r(a,Sat) \(ValidationText.fixed(anxietySatisfaction.value, 3)) "
                + "r(v,Sat) \(ValidationText.fixed(avoidanceSatisfaction.value, 3)) "
                + "r(a,ep) \(ValidationText.fixed(anxietyEpisodes.value, 3)) r(v,ep) \(ValidationText.fixed(avoidanceEpisodes.value, 3)) "
                + "(se<=\(ValidationText.fixed(largestError, 4)); se of gaps \(ValidationText.fixed(satisfactionGapError, 4)), "
                + "\(ValidationText.fixed(episodeGapError, 4)))")
    }

    /// SF5: mean pw_cycle_frac of couples distressed at the end (`distressed` = 1) minus that of
    /// the others, > 0 by 4 SE (independent groups).
    static func pursueWithdrawByDistress(_ table: CoupleOutcomeTable) -> ValidationResult {
        let distressed = table.columnArray(.distressed), cycle = table.columnArray(.pwCycleFrac)
        let high = cycle.elements(at: table.rowIndices { distressed[$0] == 1 })
        let low = cycle.elements(at: table.rowIndices { distressed[$0] == 0 })
        let difference = ValidationStatistics.meanDifference(high, low)
        return StylizedFactCatalog.result(
            "SF5", measured: difference.value, standardError: difference.standardError, expected: "> 0 by 4 SE",
            pass: ValidationCriteria.holdsDirection(difference.value, standardError: difference.standardError, sign: 1),
            detail: "distressed \(ValidationText.fixed(ValidationStatistics.mean(high), 4)) vs "
                + "\(ValidationText.fixed(ValidationStatistics.mean(low), 4)) "
                + "(se of diff \(ValidationText.fixed(difference.standardError, 4)))")
    }

    /// SF6: share of all PW pairs whose pursuer is the day-0 more anxious partner (a0_a ≥ a0_b →
    /// a, ties → a): Σ pw_more_anxious / Σ (pw_ab + pw_ba) with the couple-cluster ratio SE;
    /// > 0.5 by 4 SE.
    static func moreAnxiousPursues(_ table: CoupleOutcomeTable) -> ValidationResult {
        let roles = table.aIsMoreAnxiousAtDayZero()
        let byMoreAnxious = (0..<table.count).map {
            roles[$0] ? table.value(.pwAB, row: $0) : table.value(.pwBA, row: $0)
        }
        let share = ValidationStatistics.ratio(byMoreAnxious, table.perCouple(.pwAB, .pwBA, +))
        return StylizedFactCatalog.result(
            "SF6", measured: share.value, standardError: share.standardError, expected: "> 0.5 by 4 SE",
            pass: ValidationCriteria.holdsDirection(share.value - 0.5, standardError: share.standardError, sign: 1),
            detail: "share \(ValidationText.fixed(share.value, 4)) (se \(ValidationText.fixed(share.standardError, 4)))"
        )
    }

    /// SF7: Σ pw_ab / Σ (pw_ab + pw_ba) (couple-cluster ratio SE) > 0.5 by 4 SE.
    static func roleAPursues(_ table: CoupleOutcomeTable) -> ValidationResult {
        let share = ValidationStatistics.ratio(table.columnArray(.pwAB), table.perCouple(.pwAB, .pwBA, +))
        return StylizedFactCatalog.result(
            "SF7", measured: share.value, standardError: share.standardError, expected: "> 0.5 by 4 SE",
            pass: ValidationCriteria.holdsDirection(share.value - 0.5, standardError: share.standardError, sign: 1),
            detail:
                "pw_ab share \(ValidationText.fixed(share.value, 4)) (se \(ValidationText.fixed(share.standardError, 4)))"
        )
    }

    /// Distance of `estimate` to the nearer edge of lower…upper (negative outside).
    static func bandMargin(_ estimate: ValidationEstimate, _ lower: Double, _ upper: Double) -> Double {
        min(estimate.value - lower, upper - estimate.value)
    }
}
