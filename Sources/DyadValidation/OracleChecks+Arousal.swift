import DyadCore

/// Oracles 1–5: arousal relaxation, heart rate, tonic arousal, the 20-minute break, satisfaction.
extension OracleChecks {
    /// Silent settings plus onset_arousal δ (oracles 1–3): 200 couples, 120 days, 20 burn-in days.
    static func neutralRelaxation(onset: Double) -> RunConfiguration {
        var (parameters, population) = silentSettings()
        parameters.setCatalogued("onset_arousal", onset)
        return configuration(couples: 200, days: 120, burnIn: 20, parameters: parameters, population: population)
    }

    /// Per-turn inertia r = 0.5^(Δ/h0) of a partner with a = v = 0.
    static func inertia(_ partner: PartnerParameters, _ couple: CoupleParameters) -> Double {
        DyadMath.halfPower(couple.turnMinutes / partner.halfLifeBase)
    }

    /// O1: every couple has episodes, all of them time out, every non-forced action is NEUTRAL
    /// (all four action shares 0), and mean_e_x = e0 + δ·ρ_x·(1/T)·Σ_{t=1..T} r^t with ρ_a =
    /// initiated_a/episodes, ρ_b = 1 − ρ_a. Measured: the largest |mean_e − closed form|.
    static func evaluateNeutralRelaxation(_ setUp: OracleSetUp, _ results: [RunResult]) -> ValidationResult {
        let parameters = setUp.runs[0].configuration.parameters
        let table = results[0].arms[0].outcomes
        let turns = roundedCount(parameters.couple.maximumTurns)
        func meanDecay(_ partner: PartnerParameters) -> Double {
            let r = inertia(partner, parameters.couple)
            var sum = 0.0, power = 1.0
            for _ in 0..<turns {
                power *= r
                sum += power
            }
            return sum / Double(turns)
        }
        let decayA = meanDecay(parameters.roleA), decayB = meanDecay(parameters.roleB)
        let shares: [CoupleOutcomeColumn] = [
            .pursueFracA, .withdrawFracA, .validateFracA, .selfregFracA,
            .pursueFracB, .withdrawFracB, .validateFracB, .selfregFracB,
        ]
        var violations = 0, deviation = 0.0
        for row in 0..<table.count {
            let episodes = table.value(.episodes, row: row)
            guard episodes > 0 else { violations += 1; continue }
            if table.value(.endsTimeout, row: row) != episodes || table.value(.resolvedFrac, row: row) != 0 {
                violations += 1
            }
            if shares.contains(where: { table.value($0, row: row) != 0 }) { violations += 1 }
            let share = table.value(.initiatedA, row: row) / episodes
            let expectedA = parameters.roleA.setPointBase + parameters.roleA.onsetArousal * share * decayA
            let expectedB = parameters.roleB.setPointBase + parameters.roleB.onsetArousal * (1 - share) * decayB
            deviation = max(
                deviation, abs(table.value(.meanEA, row: row) - expectedA).nanAsInfinity,
                abs(table.value(.meanEB, row: row) - expectedB).nanAsInfinity)
        }
        return result(
            .neutralRelaxation, measured: deviation, standardError: nil, expected: "max |mean_e − closed form| ≤ 1e-12",
            pass: violations == 0 && deviation <= ValidationCriteria.exactTolerance,
            detail: "max deviation \(deviation) over \(table.count) couples; \(violations) couples without episodes, "
                + "with a resolved or non-time-out episode or a non-NEUTRAL action")
    }

    /// O2 set-up: the oracle-1 run (δ = 0.3) and a run with δ = (theta_flood − e0)/r, whose
    /// initiators peak exactly at theta_flood.
    static func heartRateSetUp() -> OracleSetUp {
        let first = neutralRelaxation(onset: 0.3)
        let a = first.parameters.roleA
        let atThreshold = (a.floodThreshold - a.setPointBase) / inertia(a, first.parameters.couple)
        return OracleSetUp(
            oracle: .heartRate, runs: [OracleRun(first), OracleRun(neutralRelaxation(onset: atThreshold))])
    }

    /// O2: in each run, a partner who initiated at least once has max_hr = min(hr_max, hr_rest +
    /// (100 − hr_rest)(e0 + δr)/theta_flood) (its largest E is after turn 0); in the second run this
    /// is 100 bpm. Measured: the largest relative deviation (tolerance 1e-12).
    static func evaluateHeartRate(_ setUp: OracleSetUp, _ results: [RunResult]) -> ValidationResult {
        var deviation = 0.0, checked = 0, thresholdDeviation = 0.0
        for (index, (run, outcome)) in zip(setUp.runs, results).enumerated() {
            let parameters = run.configuration.parameters
            let table = outcome.arms[0].outcomes
            for row in 0..<table.count {
                let initiatedA = table.value(.initiatedA, row: row), episodes = table.value(.episodes, row: row)
                for (partner, column, initiated) in [
                    (parameters.roleA, CoupleOutcomeColumn.maxHRA, initiatedA > 0),
                    (parameters.roleB, .maxHRB, initiatedA < episodes),
                ] where initiated {
                    let peak = partner.setPointBase + partner.onsetArousal * inertia(partner, parameters.couple)
                    let expected = min(
                        parameters.couple.maximumHeartRate,
                        partner.restingHeartRate + (100 - partner.restingHeartRate) * peak / partner.floodThreshold)
                    let observed = table.value(column, row: row)
                    deviation = max(deviation, (abs(observed - expected) / expected).nanAsInfinity)
                    if index == 1 {
                        thresholdDeviation = max(thresholdDeviation, (abs(observed - 100) / 100).nanAsInfinity)
                    }
                    checked += 1
                }
            }
        }
        let pass =
            checked > 0 && deviation <= ValidationCriteria.exactTolerance
            && thresholdDeviation <= ValidationCriteria.exactTolerance
        return result(
            .heartRate, measured: deviation, standardError: nil,
            expected: "max relative |max_hr − closed form| ≤ 1e-12",
            pass: pass,
            detail: "max relative deviation \(deviation) over \(checked) initiating partners; at E = theta_flood "
                + "max |HR − 100|/100 = \(thresholdDeviation)")
    }

    /// O3: the daily `arousal` aggregate equals (e0_a + e0_b)/2 on every day of the oracle-1 run.
    /// Measured: the largest absolute deviation.
    static func evaluateTonicArousal(_ setUp: OracleSetUp, _ results: [RunResult]) -> ValidationResult {
        let parameters = setUp.runs[0].configuration.parameters
        let expected = (parameters.roleA.setPointBase + parameters.roleB.setPointBase) / 2
        let rows = results[0].arms[0].daily.rows()
        let deviation = rows.map { abs($0[DailyColumn.arousal] - expected).nanAsInfinity }.max() ?? .infinity
        return result(
            .tonicArousal, measured: deviation, standardError: nil, expected: "max |arousal − e0| ≤ 1e-12",
            pass: rows.count == setUp.runs[0].configuration.days && deviation <= ValidationCriteria.exactTolerance,
            detail: "max deviation \(deviation) over \(rows.count) days (e0 \(expected))")
    }

    /// O4 set-up: silent, h0 = 20/log2(10), onset_arousal 0.9, g0 0.5, p_ann 1, t_max 1,
    /// break_turns 40, recover_eps 0.05; role b u_r0 = 50 and init_w = 0 (100 couples, 60 days).
    static func twentyMinuteBreakSetUp() -> OracleSetUp {
        var (parameters, population) = silentSettings()
        parameters.setCatalogued("h0", 20 / DyadMath.log2(10))
        for (name, value) in [
            ("onset_arousal", 0.9), ("g0", 0.5), ("p_ann", 1), ("t_max", 1), ("break_turns", 40), ("recover_eps", 0.05),
        ] {
            parameters.setCatalogued(name, value)
        }
        parameters.setCatalogued("u_r0", 50, role: .b)
        parameters.setCatalogued("init_w", 0, role: .b)
        return .single(
            .twentyMinuteBreak,
            configuration(couples: 100, days: 60, burnIn: 10, parameters: parameters, population: population))
    }

    /// O4: a initiates every episode, b answers each with one announced break (breaks = episodes,
    /// selfreg_frac_b = 1), which leaves gap = δ·0.5^(L·Δ/h0) of a's arousal gap, and
    /// recovery_time_a = h0·log2(gap/recover_eps) (= h0·log2(0.09/0.05) with the defaults).
    /// Measured: the largest relative deviation of recovery_time_a.
    static func evaluateTwentyMinuteBreak(_ setUp: OracleSetUp, _ results: [RunResult]) -> ValidationResult {
        let parameters = setUp.runs[0].configuration.parameters
        let a = parameters.roleA, couple = parameters.couple
        let breakMinutes = Double(roundedCount(parameters.roleB.breakTurns)) * couple.turnMinutes
        let gap = a.onsetArousal * DyadMath.halfPower(breakMinutes / a.halfLifeBase)
        let expected = a.halfLifeBase * DyadMath.log2(gap / couple.recoveryTolerance)
        let table = results[0].arms[0].outcomes
        var violations = 0, deviation = 0.0
        for row in 0..<table.count {
            let episodes = table.value(.episodes, row: row)
            if !(episodes > 0) || table.value(.initiatedA, row: row) != episodes
                || table.value(.breaks, row: row) != episodes
                || table.value(.selfregFracB, row: row) != 1
            {
                violations += 1
            }
            deviation = max(deviation, (abs(table.value(.recoveryTimeA, row: row) - expected) / expected).nanAsInfinity)
        }
        return result(
            .twentyMinuteBreak, measured: deviation, standardError: nil,
            expected: "relative |recovery_time_a − h0·log2(gap/eps)| ≤ 1e-12",
            pass: violations == 0 && deviation <= ValidationCriteria.exactTolerance,
            detail: "expected \(expected) min (gap \(gap)); max relative deviation \(deviation); \(violations) couples "
                + "violating breaks = episodes = initiated_a, selfreg_frac_b = 1")
    }
}

extension Double {
    /// +inf for NaN (so a missing value counts as an infinite deviation).
    var nanAsInfinity: Double { isNaN ? .infinity : self }
}
