import DyadCore

/// Stylized facts SF24–SF26 of docs/model.md §10.2, measured on scenario E (arms "waitlist" and
/// "eft"; baseline_day 60; post = end of the last day).
///
/// Analysed couples of an arm: distressed at baseline (`distressed_baseline` = 1, i.e.
/// sat_baseline < sat_distress; identical in both arms, which share histories up to day 60) and
/// not dissolved in that arm. Pre = `sat_baseline`, post = `satisfaction`. Paired comparisons
/// of the arms use the couples analysed in both arms.
package enum TherapyFacts {
    /// SF24–SF26 from a scenario-E result.
    package static func evaluate(_ result: RunResult, configuration: RunConfiguration, quick: Bool)
        -> [ValidationResult]
    {
        guard let waitlist = result.arms.first(where: { $0.name == "waitlist" })?.outcomes,
            let therapy = result.arms.first(where: { $0.name == "eft" })?.outcomes
        else {
            return ["SF24", "SF25", "SF26"].map {
                StylizedFactCatalog.result(
                    $0, measured: .nan, standardError: nil, expected: "arms waitlist and eft",
                    pass: false, detail: "missing arm waitlist or eft")
            }
        }
        let enrolled = waitlist.rowIndices { waitlist.value(.distressedBaseline, row: $0) == 1 }
        let waitingRows = enrolled.filter { waitlist.value(.dissolved, row: $0) == 0 }
        let treatedRows = enrolled.filter { therapy.value(.dissolved, row: $0) == 0 }
        let both = waitingRows.filter { therapy.value(.dissolved, row: $0) == 0 }
        let completers = Completers(waiting: waitingRows, treated: treatedRows)
        return [
            prePostEffect(
                waitlist: waitlist, therapy: therapy, enrolled: enrolled.count, completers: completers, quick: quick),
            traitChange(waitlist: waitlist, therapy: therapy, completers: completers, both: both),
            effectByDistress(waitlist: waitlist, therapy: therapy, both: both),
        ]
    }

    /// Rows analysed in each arm (distressed at baseline, not dissolved in that arm).
    struct Completers {
        let waiting: [Int]
        let treated: [Int]
    }

    /// Pre–post standardised mean change d = (mean post − mean pre)/√((sd_pre² + sd_post²)/2)
    /// over `rows`, with the repeated-measures SE √(2(1 − r)/n + d²/(2n)) (r = corr(pre, post)).
    static func prePost(_ table: CoupleOutcomeTable, rows: [Int]) -> (d: ValidationEstimate, preSD: Double) {
        let pre = table.columnArray(.satBaseline).elements(at: rows)
        let post = table.columnArray(.satisfaction).elements(at: rows)
        let change = ValidationStatistics.mean(post) - ValidationStatistics.mean(pre)
        let pooledSD = ((ValidationStatistics.variance(pre) + ValidationStatistics.variance(post)) / 2).squareRoot()
        let d = change / pooledSD
        let r = ValidationStatistics.correlation(pre, post).value
        let n = Double(rows.count)
        let error = (2 * (1 - r) / n + d * d / (2 * n)).squareRoot()
        return (
            ValidationEstimate(value: d, standardError: error, count: rows.count),
            change / ValidationStatistics.standardDeviation(pre)
        )
    }

    /// SF24: EFT d in 0.9–1.3; share not distressed at post among EFT completers in 0.60–0.75
    /// (binomial SE); waitlist d in −0.2…0.2. Headline: EFT d.
    static func prePostEffect(
        waitlist: CoupleOutcomeTable, therapy: CoupleOutcomeTable, enrolled: Int,
        completers: Completers, quick: Bool
    ) -> ValidationResult {
        let treatedRows = completers.treated, waitingRows = completers.waiting
        let treated = prePost(therapy, rows: treatedRows), waiting = prePost(waitlist, rows: waitingRows)
        let recovered = treatedRows.filter { therapy.value(.distressed, row: $0) == 0 }.count
        let nonDistressed = ValidationStatistics.proportion(recovered, of: treatedRows.count)
        let waitingRecovered = waitingRows.filter { waitlist.value(.distressed, row: $0) == 0 }.count
        let pass =
            ValidationCriteria.liesWithin(
                treated.d.value, lower: 0.9, upper: 1.3, standardError: treated.d.standardError, quick: quick)
            && ValidationCriteria.liesWithin(
                nonDistressed.value, lower: 0.60, upper: 0.75,
                standardError: nonDistressed.standardError, quick: quick)
            && ValidationCriteria.liesWithin(
                waiting.d.value, lower: -0.2, upper: 0.2, standardError: waiting.d.standardError, quick: quick)
        return StylizedFactCatalog.result(
            "SF24", measured: treated.d.value, standardError: treated.d.standardError,
            expected: "d " + ValidationCriteria.bandText(0.9, 1.3, quick: quick) + "; non-distressed "
                + ValidationCriteria.bandText(0.60, 0.75, quick: quick) + "; waitlist d "
                + ValidationCriteria.bandText(-0.2, 0.2, quick: quick),
            pass: pass,
            detail:
                "d \(ValidationText.withError(treated.d, 2)), non-distressed \(ValidationText.withError(nonDistressed, 3)), "
                + "waitlist d \(ValidationText.withError(waiting.d, 2)) (non-distressed "
                + "\(ValidationText.fixed(Double(waitingRecovered) / Double(waitingRows.count), 3))); d with pre SD "
                + "\(ValidationText.fixed(treated.preSD, 2)); enrolled \(enrolled), completers waitlist "
                + "\(waitingRows.count) eft \(treatedRows.count)")
    }

    /// ((end a, end b), (day-0 a, day-0 b)) columns of one trait.
    typealias TraitColumns = ((CoupleOutcomeColumn, CoupleOutcomeColumn), (CoupleOutcomeColumn, CoupleOutcomeColumn))

    /// SF25: per couple Δa = mean over partners of a − a0 and Δv likewise; paired EFT − waitlist
    /// differences over couples analysed in both arms, both < 0 by 4 SE. Headline: the Δv effect.
    static func traitChange(
        waitlist: CoupleOutcomeTable, therapy: CoupleOutcomeTable, completers: Completers, both: [Int]
    ) -> ValidationResult {
        func change(
            _ table: CoupleOutcomeTable, _ now: (CoupleOutcomeColumn, CoupleOutcomeColumn),
            _ start: (CoupleOutcomeColumn, CoupleOutcomeColumn), rows: [Int]
        ) -> [Double] {
            rows.map { row in
                (table.value(now.0, row: row) - table.value(start.0, row: row) + table.value(now.1, row: row)
                    - table.value(start.1, row: row)) / 2
            }
        }
        let avoidance: TraitColumns = ((.vA, .vB), (.v0A, .v0B))
        let anxiety: TraitColumns = ((.aA, .aB), (.a0A, .a0B))
        let avoidanceEffect = ValidationStatistics.pairedDifference(
            change(therapy, avoidance.0, avoidance.1, rows: both),
            change(waitlist, avoidance.0, avoidance.1, rows: both))
        let anxietyEffect = ValidationStatistics.pairedDifference(
            change(therapy, anxiety.0, anxiety.1, rows: both), change(waitlist, anxiety.0, anxiety.1, rows: both))
        func armMean(_ table: CoupleOutcomeTable, _ columns: TraitColumns, rows: [Int]) -> String {
            ValidationText.signed(ValidationStatistics.mean(change(table, columns.0, columns.1, rows: rows)), 4)
        }
        let pass =
            ValidationCriteria.holdsDirection(
                avoidanceEffect.value, standardError: avoidanceEffect.standardError, sign: -1)
            && ValidationCriteria.holdsDirection(
                anxietyEffect.value, standardError: anxietyEffect.standardError, sign: -1)
        return StylizedFactCatalog.result(
            "SF25", measured: avoidanceEffect.value, standardError: avoidanceEffect.standardError,
            expected: "paired EFT − waitlist Δv < 0 and Δa < 0 by 4 SE", pass: pass,
            detail: "dv \(armMean(therapy, avoidance, rows: completers.treated)) vs "
                + "\(armMean(waitlist, avoidance, rows: completers.waiting)); da "
                + "\(armMean(therapy, anxiety, rows: completers.treated)) vs "
                + "\(armMean(waitlist, anxiety, rows: completers.waiting)) "
                + "(paired effects dv \(ValidationText.withError(avoidanceEffect, 4, signed: true)), "
                + "da \(ValidationText.withError(anxietyEffect, 4, signed: true)))")
    }

    /// SF26: per couple analysed in both arms the paired effect satisfaction(eft) −
    /// satisfaction(waitlist); couples split at the median sat_baseline (more distressed half:
    /// sat_baseline < median); mean effect of the more distressed half minus the other, > 0 by
    /// 4 SE (independent halves).
    static func effectByDistress(waitlist: CoupleOutcomeTable, therapy: CoupleOutcomeTable, both: [Int])
        -> ValidationResult
    {
        let baseline = waitlist.columnArray(.satBaseline).elements(at: both)
        let effect = both.map { therapy.value(.satisfaction, row: $0) - waitlist.value(.satisfaction, row: $0) }
        let median = ValidationStatistics.quantile(baseline, 0.5)
        let moreDistressed = effect.elements(at: baseline.indices.filter { baseline[$0] < median })
        let lessDistressed = effect.elements(at: baseline.indices.filter { baseline[$0] >= median })
        let difference = ValidationStatistics.meanDifference(moreDistressed, lessDistressed)
        return StylizedFactCatalog.result(
            "SF26", measured: difference.value, standardError: difference.standardError, expected: "> 0 by 4 SE",
            pass: ValidationCriteria.holdsDirection(difference.value, standardError: difference.standardError, sign: 1),
            detail: "effect \(ValidationText.fixed(ValidationStatistics.mean(moreDistressed), 4)) vs "
                + "\(ValidationText.fixed(ValidationStatistics.mean(lessDistressed), 4)) (se of diff "
                + "\(ValidationText.fixed(difference.standardError, 4)), n \(both.count))")
    }
}
