import DyadCore

/// Oracle 5: satisfaction from bids alone.
extension OracleChecks {
    /// O5 set-up: a = v = 0 for both partners, lambda0 = 0, ptt_max = ptt_floor = 1, ptt_av = 0
    /// (20 couples, 50 days, 30 burn-in days); a second run (4 couples) sets theta_pn to the
    /// ratio (Pos + pn_prior)/pn_prior reached at the end, where Sat must be 0.5.
    static func satisfactionSetUp() -> OracleSetUp {
        var parameters = ModelParameters()
        for (name, value) in [("lambda0", 0.0), ("ptt_max", 1), ("ptt_floor", 1), ("ptt_av", 0)] {
            parameters.setCatalogued(name, value)
        }
        let population = fixedPopulation(a: (0, 0), b: (0, 0))
        let first = configuration(couples: 20, days: 50, burnIn: 30, parameters: parameters, population: population)
        var midpoint = first
        midpoint.coupleCount = 4
        midpoint.coupleRange = 0..<4
        let prior = parameters.couple.positiveNegativePrior
        midpoint.parameters.setCatalogued(
            "theta_pn", (positive(parameters.roleA, first, day: first.days - 1) + prior) / prior)
        return OracleSetUp(oracle: .satisfaction, runs: [OracleRun(first), OracleRun(midpoint)])
    }

    /// Pos at the end of outcome day d when every bid is turned toward and nothing else happens:
    /// round(bids_per_day)·bid_weight·(1 − pos_av·v)·(1 − λ^(B+d+1))/(1 − λ), λ = 0.5^(1/pn_half_life), v = 0.
    static func positive(_ partner: PartnerParameters, _ configuration: RunConfiguration, day: Int) -> Double {
        let lambda = DyadMath.halfPower(1 / configuration.parameters.couple.positiveNegativeHalfLife)
        var power = 1.0
        for _ in 0..<(configuration.burnInDays + day + 1) { power *= lambda }
        return Double(roundedCount(partner.bidsPerDay)) * partner.bidWeight * (1 - power) / (1 - lambda)
    }

    /// Sat = 1/(1 + exp(−(ln((Pos + pn_prior)/pn_prior) − ln theta_pn)/s_pn)) with Neg = 0 (docs/model.md §2.5).
    static func satisfaction(positive: Double, _ couple: CoupleParameters) -> Double {
        let prior = couple.positiveNegativePrior
        let logRatio = DyadMath.log((positive + prior) / prior) - DyadMath.log(couple.satisfactionMidRatio)
        return 1 / (1 + DyadMath.exp(-logRatio / couple.satisfactionLogRatioScale))
    }

    /// O5: in every run sat_a, sat_b at the end and the daily satisfaction aggregate on every day
    /// follow the closed form, and no episode happens; in the second run Sat = 0.5.
    /// Measured: the largest absolute deviation.
    static func evaluateSatisfaction(_ setUp: OracleSetUp, _ results: [RunResult]) -> ValidationResult {
        var deviation = 0.0, episodes = 0.0, midpointDeviation = 0.0
        for (index, (run, outcome)) in zip(setUp.runs, results).enumerated() {
            let configuration = run.configuration
            let couple = configuration.parameters.couple
            let last = configuration.days - 1
            let expectedA = satisfaction(
                positive: positive(configuration.parameters.roleA, configuration, day: last), couple)
            let expectedB = satisfaction(
                positive: positive(configuration.parameters.roleB, configuration, day: last), couple)
            let table = outcome.arms[0].outcomes
            for row in 0..<table.count {
                deviation = max(
                    deviation, abs(table.value(.satA, row: row) - expectedA).nanAsInfinity,
                    abs(table.value(.satB, row: row) - expectedB).nanAsInfinity)
                episodes += table.value(.episodes, row: row)
                if index == 1 {
                    midpointDeviation = max(midpointDeviation, abs(table.value(.satA, row: row) - 0.5).nanAsInfinity)
                }
            }
            for (day, row) in outcome.arms[0].daily.rows().enumerated() {
                let expected =
                    (satisfaction(positive: positive(configuration.parameters.roleA, configuration, day: day), couple)
                        + satisfaction(
                            positive: positive(configuration.parameters.roleB, configuration, day: day), couple)) / 2
                deviation = max(deviation, abs(row[DailyColumn.satisfaction] - expected).nanAsInfinity)
            }
        }
        let tolerance = ValidationCriteria.exactTolerance
        return result(
            .satisfaction, measured: deviation, standardError: nil, expected: "max |Sat − closed form| ≤ 1e-12",
            pass: deviation <= tolerance && midpointDeviation <= tolerance && episodes == 0,
            detail: "max deviation \(deviation) (sat_a, sat_b, daily satisfaction); at ratio theta_pn |Sat − 0.5| = "
                + "\(midpointDeviation); episodes \(Int(episodes))")
    }
}
