import DyadCore

/// Oracles 6–9: conflict frequency, initiator share, flat softmax, hazard (statistical, 4 SE).
extension OracleChecks {
    /// O6/O7 set-up: role a at (a, v) = (0.5, 0), role b at (0, 0), no jitter, no stress, no
    /// rumination gain, no trait change, no dissolution (2,000 couples, 200 days, seed 6).
    static func conflictFrequencyConfiguration() -> RunConfiguration {
        var parameters = ModelParameters()
        for name in ["stress_mean", "stress_sd", "rum_gain", "eta_a", "eta_v", "trait_pull", "hazard_base"] {
            parameters.setCatalogued(name, 0)
        }
        return configuration(
            couples: 2000, days: 200, burnIn: 30, parameters: parameters,
            population: fixedPopulation(a: (0.5, 0), b: (0, 0)), seed: 6)
    }

    /// Anxieties (a_a, a_b) of the single pairing of a fixed styles population.
    static func pairingAnxieties(_ population: PopulationParameters) -> (Double, Double) {
        let anxiety = { (name: String) in population.prototypes.first { $0.name == name }?.anxiety ?? .nan }
        guard let pairing = population.pairings.first else { return (.nan, .nan) }
        return (anxiety(pairing.styleA), anxiety(pairing.styleB))
    }

    /// O6: with constant stress (= stress_mean) and no rumination, every day has an episode with
    /// p = 1 − exp(−lambda0(1 + onset_anx(a_a + a_b))(1 + onset_stress(stress_mean_a + stress_mean_b))),
    /// so episodes ~ Binomial(D, p): z of the mean against Dp (SE √(Dp(1 − p)/n)) and of the
    /// variance ratio s²/(Dp(1 − p)) against 1 (SE √(2/(n − 1) + κ/n), κ the binomial excess
    /// kurtosis), both within 4. Measured: z of the mean.
    static func evaluateConflictFrequency(_ setUp: OracleSetUp, _ results: [RunResult]) -> ValidationResult {
        let configuration = setUp.runs[0].configuration
        let couple = configuration.parameters.couple
        let (anxietyA, anxietyB) = pairingAnxieties(configuration.population)
        let stress = configuration.parameters.roleA.stressMean + configuration.parameters.roleB.stressMean
        let rate =
            couple.conflictRateBase * (1 + couple.conflictRatePerAnxiety * (anxietyA + anxietyB))
            * (1 + couple.conflictRatePerStress * stress)
        let p = 1 - DyadMath.exp(-rate)
        let days = Double(configuration.days)
        let episodes = results[0].arms[0].outcomes.columnArray(.episodes)
        let n = Double(episodes.count)
        let binomialVariance = days * p * (1 - p)
        let meanZ = (ValidationStatistics.mean(episodes) - days * p) / (binomialVariance / n).squareRoot()
        let ratio = ValidationStatistics.variance(episodes) / binomialVariance
        let kurtosis = (1 - 6 * p * (1 - p)) / binomialVariance
        let ratioZ = (ratio - 1) / (2 / (n - 1) + kurtosis / n).squareRoot()
        let limit = ValidationCriteria.oracleStandardErrors
        return result(
            .conflictFrequency, measured: meanZ, standardError: nil, expected: "|z| < 4 for the mean and the variance",
            pass: abs(meanZ) < limit && abs(ratioZ) < limit,
            detail: "mean episodes \(ValidationText.fixed(ValidationStatistics.mean(episodes), 3)) vs Dp "
                + "\(ValidationText.fixed(days * p, 3)) (z \(ValidationText.fixed(meanZ, 2))); variance ratio "
                + "\(ValidationText.fixed(ratio, 3)) (z \(ValidationText.fixed(ratioZ, 2)))")
    }

    /// O7: Σ initiated_a / Σ episodes = w_a/(w_a + w_b), w_i = init_w_i(1 + init_anx·a_i) (no
    /// rumination; 2/3 with the defaults), z with the binomial SE √(q(1 − q)/Σ episodes).
    static func evaluateInitiatorShare(_ setUp: OracleSetUp, _ results: [RunResult]) -> ValidationResult {
        let configuration = setUp.runs[0].configuration
        let (anxietyA, anxietyB) = pairingAnxieties(configuration.population)
        let perAnxiety = configuration.parameters.couple.initiationPerAnxiety
        let weightA = configuration.parameters.roleA.initiationWeight * (1 + perAnxiety * anxietyA)
        let weightB = configuration.parameters.roleB.initiationWeight * (1 + perAnxiety * anxietyB)
        let expected = weightA / (weightA + weightB)
        let table = results[0].arms[0].outcomes
        let episodes = table.columnArray(.episodes).reduce(0, +)
        let share = table.columnArray(.initiatedA).reduce(0, +) / episodes
        let z = (share - expected) / (expected * (1 - expected) / episodes).squareRoot()
        return result(
            .initiatorShare, measured: z, standardError: nil, expected: "|z| < 4",
            pass: abs(z) < ValidationCriteria.oracleStandardErrors,
            detail: "share \(ValidationText.fixed(share, 4)) vs \(ValidationText.fixed(expected, 4)) over "
                + "\(Int(episodes)) episodes (z \(ValidationText.fixed(z, 2)))")
    }

    /// O8 set-up: every `u_*` parameter 0 (2,000 couples, 120 days, seed 8).
    static func flatSoftmaxSetUp() -> OracleSetUp {
        var parameters = ModelParameters()
        for info in ParameterCatalog.all where info.name.hasPrefix("u_") { parameters.setCatalogued(info.name, 0) }
        return .single(
            .flatSoftmax, configuration(couples: 2000, days: 120, burnIn: 30, parameters: parameters, seed: 8))
    }

    /// O8: pooled shares Σ(frac_x·actions_x)/Σ actions_x of PURSUE, WITHDRAW, VALIDATE,
    /// SELF_REGULATE and NEUTRAL (the rest) are each 1/5, SE √(0.16/Σ actions). Measured: max |z|.
    static func evaluateFlatSoftmax(_ setUp: OracleSetUp, _ results: [RunResult]) -> ValidationResult {
        let table = results[0].arms[0].outcomes
        let actionsA = table.columnArray(.actionsA), actionsB = table.columnArray(.actionsB)
        let actions = actionsA.reduce(0, +) + actionsB.reduce(0, +)
        func pooled(_ columnA: CoupleOutcomeColumn, _ columnB: CoupleOutcomeColumn) -> Double {
            var total = 0.0
            for row in 0..<table.count {
                let shareA = table.value(columnA, row: row), shareB = table.value(columnB, row: row)
                if !shareA.isNaN { total += shareA * actionsA[row] }
                if !shareB.isNaN { total += shareB * actionsB[row] }
            }
            return total / actions
        }
        var shares = [
            pooled(.pursueFracA, .pursueFracB), pooled(.withdrawFracA, .withdrawFracB),
            pooled(.validateFracA, .validateFracB), pooled(.selfregFracA, .selfregFracB),
        ]
        shares.append(1 - shares.reduce(0, +))
        let standardError = (0.2 * 0.8 / actions).squareRoot()
        let zScores = shares.map { ($0 - 0.2) / standardError }
        let largest = zScores.map { abs($0).nanAsInfinity }.max() ?? .infinity
        return result(
            .flatSoftmax, measured: largest, standardError: nil, expected: "max |z| < 4",
            pass: largest < ValidationCriteria.oracleStandardErrors,
            detail: "pursue/withdraw/validate/self-regulate/neutral "
                + shares.map { ValidationText.fixed($0, 4) }.joined(separator: "/")
                + " over \(Int(actions)) actions (se \(ValidationText.fixed(standardError, 4)))")
    }

    /// O9 set-up: beta_sat = beta_anx = beta_av = 0 with hazard_base 0.002 (4,000 couples, 200
    /// days, seed 9), then hazard_base 0 (500 couples).
    static func hazardSetUp() -> OracleSetUp {
        var parameters = ModelParameters()
        for name in ["beta_sat", "beta_anx", "beta_av"] { parameters.setCatalogued(name, 0) }
        parameters.setCatalogued("hazard_base", 0.002)
        let first = configuration(couples: 4000, days: 200, burnIn: 10, parameters: parameters, seed: 9)
        parameters.setCatalogued("hazard_base", 0)
        let second = configuration(couples: 500, days: 200, burnIn: 10, parameters: parameters, seed: 9)
        return OracleSetUp(oracle: .hazard, runs: [OracleRun(first), OracleRun(second)])
    }

    /// O9: dissolved_cum(d) = 1 − exp(−(hazard_base_a + hazard_base_b)(d + 1)) on days 0,
    /// D/4 − 1 and D − 1 (binomial SE over N couples); where the closed form is 0 nothing may
    /// dissolve. Measured: max |z| (+inf for a dissolution that cannot happen).
    static func evaluateHazard(_ setUp: OracleSetUp, _ results: [RunResult]) -> ValidationResult {
        var largest = 0.0, lines: [String] = []
        for (run, outcome) in zip(setUp.runs, results) {
            let configuration = run.configuration
            let hazard = configuration.parameters.roleA.hazardBase + configuration.parameters.roleB.hazardBase
            let rows = outcome.arms[0].daily.rows()
            let days = configuration.days
            for day in Set([0, max(0, days / 4 - 1), days - 1]).sorted() {
                let expected = 1 - DyadMath.exp(-hazard * Double(day + 1))
                let observed = rows[day][DailyColumn.dissolvedCum]
                let standardError = (expected * (1 - expected) / Double(configuration.coupleCount)).squareRoot()
                let z = expected == 0 ? (observed == 0 ? 0 : .infinity) : (observed - expected) / standardError
                largest = max(largest, abs(z).nanAsInfinity)
                lines.append(
                    "hazard \(hazard) day \(day): \(ValidationText.fixed(observed, 4)) vs \(ValidationText.fixed(expected, 4))"
                )
            }
        }
        return result(
            .hazard, measured: largest, standardError: nil, expected: "max |z| < 4; none dissolve at hazard 0",
            pass: largest < ValidationCriteria.oracleStandardErrors,
            detail: lines.joined(separator: "; ") + " (max |z| \(ValidationText.fixed(largest, 2)))")
    }
}
