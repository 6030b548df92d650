import DyadCore
import Foundation
import TestSupport
import Testing

/// docs/model.md §10.1 oracles: 1e-12 where exact, 4 standard errors where statistical.
@Suite("docs/model.md §10.1 oracles")
struct OracleTests {
    private let tolerance = 1e-12

    /// Oracle 1–3 set-up: silent + onset_arousal δ.
    private func neutralRelaxation(onset: Double) throws -> (RunResult, ModelParameters) {
        var (parameters, population) = TestRun.silent()
        try parameters.set("onset_arousal", to: onset)
        let result = try TestRun.simulate(
            couples: 200, days: 120, burnIn: 20, parameters: parameters, population: population)
        return (result, parameters)
    }

    @Test("1. neutral relaxation: every action NEUTRAL, every episode times out, mean_e closed form")
    func neutralRelaxationOracle() throws {
        let delta = 0.3
        let (result, parameters) = try neutralRelaxation(onset: delta)
        let table = result.arms[0].outcomes
        let e0 = parameters.roleA.setPointBase
        let turns = roundedCount(parameters.couple.maximumTurns)
        let r = DyadMath.halfPower(parameters.couple.turnMinutes / parameters.roleA.halfLifeBase)
        let meanDecay = (1...turns).reduce(0.0) { $0 + pow(r, Double($1)) } / Double(turns)
        for row in 0..<table.count {
            let episodes = table.value(.episodes, row: row)
            try #require(episodes > 0)
            #expect(table.value(.endsTimeout, row: row) == episodes)
            #expect(table.value(.resolvedFrac, row: row) == 0)
            for column: CoupleOutcomeColumn in [
                .pursueFracA, .withdrawFracA, .validateFracA, .selfregFracA,
                .pursueFracB, .withdrawFracB, .validateFracB, .selfregFracB,
            ] {
                #expect(table.value(column, row: row) == 0)
            }
            let share = table.value(.initiatedA, row: row) / episodes
            #expect(abs(table.value(.meanEA, row: row) - (e0 + delta * share * meanDecay)) < tolerance)
            #expect(abs(table.value(.meanEB, row: row) - (e0 + delta * (1 - share) * meanDecay)) < tolerance)
        }
    }

    @Test(
        "2. heart rate: max_hr of an initiator is hr_rest + (100 − hr_rest)(e0 + δr)/theta_flood; E = theta_flood gives 100 bpm"
    )
    func heartRateOracle() throws {
        var (parameters, _) = TestRun.silent()
        let r = DyadMath.halfPower(parameters.couple.turnMinutes / parameters.roleA.halfLifeBase)
        let e0 = parameters.roleA.setPointBase
        for delta in [0.3, (parameters.roleA.floodThreshold - e0) / r] {
            let (result, _) = try neutralRelaxation(onset: delta)
            let table = result.arms[0].outcomes
            try parameters.set("onset_arousal", to: delta)
            for row in 0..<table.count {
                let initiatedA = table.value(.initiatedA, row: row), episodes = table.value(.episodes, row: row)
                for (role, column, initiated) in [
                    (Role.a, CoupleOutcomeColumn.maxHRA, initiatedA > 0),
                    (.b, .maxHRB, initiatedA < episodes),
                ] where initiated {
                    let rest = role == .a ? parameters.roleA.restingHeartRate : parameters.roleB.restingHeartRate
                    let expected = rest + (100 - rest) * (e0 + delta * r) / parameters.roleA.floodThreshold
                    #expect(abs(table.value(column, row: row) - expected) < 1e-9)
                }
            }
            if delta != 0.3 {
                #expect(abs(table.value(.maxHRA, row: 0) - 100) < 1e-9)
            }
        }
    }

    @Test("3. tonic arousal: the daily arousal aggregate equals e0 on every day")
    func tonicArousalOracle() throws {
        let (result, parameters) = try neutralRelaxation(onset: 0.3)
        let rows = result.arms[0].daily.rows()
        #expect(rows.count == 120)
        for row in rows {
            #expect(abs(row[DailyColumn.arousal] - parameters.roleA.setPointBase) < tolerance)
        }
    }

    @Test(
        "4. 20-minute break: b's announced 40-turn break leaves 10 % of the gap; recovery_time_a = h0·log2(0.09/0.05)")
    func twentyMinuteBreakOracle() throws {
        var (parameters, population) = TestRun.silent()
        let h0 = 20 / log2(10.0)
        try parameters.set("h0", to: h0)
        for (name, value) in [
            ("onset_arousal", 0.9), ("g0", 0.5), ("p_ann", 1), ("t_max", 1), ("break_turns", 40), ("recover_eps", 0.05),
        ] {
            try parameters.set(name, to: value)
        }
        try parameters.set("u_r0", to: 50, role: .b)
        try parameters.set("init_w", to: 0, role: .b)
        let result = try TestRun.simulate(
            couples: 100, days: 60, burnIn: 10, parameters: parameters, population: population)
        let table = result.arms[0].outcomes
        let expected = h0 * log2(0.09 / 0.05)
        for row in 0..<table.count {
            let episodes = table.value(.episodes, row: row)
            try #require(episodes > 0)
            #expect(table.value(.initiatedA, row: row) == episodes)
            #expect(table.value(.breaks, row: row) == episodes)
            #expect(table.value(.selfregFracB, row: row) == 1)
            #expect(abs(table.value(.recoveryTimeA, row: row) - expected) < 1e-12 * expected)
        }
    }

    @Test("5. satisfaction: Pos follows the geometric sum, Neg = 0, Sat follows §2.5; Sat = 0.5 at ratio theta_pn")
    func satisfactionOracle() throws {
        var parameters = ModelParameters()
        for (name, value) in [("lambda0", 0.0), ("ptt_max", 1), ("ptt_floor", 1), ("ptt_av", 0)] {
            try parameters.set(name, to: value)
        }
        var population = PopulationParameters()
        population.mode = .styles
        population.styleJitter = 0
        population.prototypes = [StylePrototype(name: "zero", anxiety: 0, avoidance: 0)]
        population.pairings = [StylePairing(styleA: "zero", styleB: "zero", share: 1)]
        let burnIn = 30, days = 50
        let c = parameters.couple
        let lambda = pow(0.5, 1 / c.positiveNegativeHalfLife)
        func positive(_ day: Int) -> Double {
            6 * parameters.roleA.bidWeight * (1 - pow(lambda, Double(burnIn + day + 1))) / (1 - lambda)
        }
        func satisfaction(_ pos: Double, theta: Double) -> Double {
            let ratio = (pos + c.positiveNegativePrior) / c.positiveNegativePrior
            return 1 / (1 + exp(-(log(ratio) - log(theta)) / c.satisfactionLogRatioScale))
        }
        let result = try TestRun.simulate(
            couples: 20, days: days, burnIn: burnIn, parameters: parameters, population: population)
        let table = result.arms[0].outcomes
        let expected = satisfaction(positive(days - 1), theta: c.satisfactionMidRatio)
        for row in 0..<table.count {
            #expect(abs(table.value(.satA, row: row) - expected) < tolerance)
            #expect(abs(table.value(.satB, row: row) - expected) < tolerance)
            #expect(table.value(.episodes, row: row) == 0)
        }
        for (day, row) in result.arms[0].daily.rows().enumerated() {
            let expected = satisfaction(positive(day), theta: c.satisfactionMidRatio)
            #expect(abs(row[DailyColumn.satisfaction] - expected) < tolerance)
        }
        var midpoint = parameters
        try midpoint.set("theta_pn", to: (positive(days - 1) + c.positiveNegativePrior) / c.positiveNegativePrior)
        let atMidpoint = try TestRun.simulate(
            couples: 4, days: days, burnIn: burnIn, parameters: midpoint, population: population)
        #expect(abs(atMidpoint.arms[0].outcomes.value(.satA, row: 0) - 0.5) < tolerance)
    }

    /// Oracles 6–7 set-up: a = 0.5 for role a, everything else 0, no stress, no trait change.
    private func conflictFrequencyRun() throws -> (RunResult, ModelParameters, Int) {
        var parameters = ModelParameters()
        for name in ["stress_mean", "stress_sd", "rum_gain", "eta_a", "eta_v", "trait_pull", "hazard_base"] {
            try parameters.set(name, to: 0)
        }
        var population = PopulationParameters()
        population.mode = .styles
        population.styleJitter = 0
        population.prototypes = [
            StylePrototype(name: "half", anxiety: 0.5, avoidance: 0),
            StylePrototype(name: "zero", anxiety: 0, avoidance: 0),
        ]
        population.pairings = [StylePairing(styleA: "half", styleB: "zero", share: 1)]
        let days = 200
        let result = try TestRun.simulate(
            couples: 2000, days: days, burnIn: 30, parameters: parameters, population: population, seed: 6)
        return (result, parameters, days)
    }

    @Test("6. conflict frequency: episodes ~ Binomial(D, 1 − exp(−lambda0(1 + 0.5·onset_anx)))")
    func conflictFrequencyOracle() throws {
        let (result, parameters, days) = try conflictFrequencyRun()
        let c = parameters.couple
        let p = 1 - exp(-c.conflictRateBase * (1 + 0.5 * c.conflictRatePerAnxiety))
        let episodes = result.arms[0].outcomes.values(.episodes)
        let n = Double(episodes.count)
        #expect(
            abs(TestStatistics.mean(episodes) - Double(days) * p) < 4 * (Double(days) * p * (1 - p) / n).squareRoot())
        #expect(abs(TestStatistics.variance(episodes) / (Double(days) * p * (1 - p)) - 1) < 0.15)
    }

    @Test("7. initiator share: Σ initiated_a / Σ episodes = (1 + 0.5·init_anx)/(2 + 0.5·init_anx) = 2/3")
    func initiatorShareOracle() throws {
        let (result, _, _) = try conflictFrequencyRun()
        let table = result.arms[0].outcomes
        let episodes = table.sum(.episodes)
        let share = table.sum(.initiatedA) / episodes
        #expect(abs(share - 2.0 / 3) < 4 * ((2.0 / 9) / episodes).squareRoot())
    }

    @Test("8. flat softmax: with every u_* = 0 the pooled category shares are 1/5")
    func flatSoftmaxOracle() throws {
        var parameters = ModelParameters()
        for info in ParameterCatalog.all where info.name.hasPrefix("u_") {
            try parameters.set(info.name, to: 0)
        }
        let result = try TestRun.simulate(couples: 2000, days: 120, burnIn: 30, parameters: parameters, seed: 8)
        let table = result.arms[0].outcomes
        let actions = table.sum(.actionsA) + table.sum(.actionsB)
        func pooled(_ a: CoupleOutcomeColumn, _ b: CoupleOutcomeColumn) -> Double {
            (0..<table.count).reduce(0.0) { total, row in
                let shareA = table.value(a, row: row), shareB = table.value(b, row: row)
                return total + (shareA.isNaN ? 0 : shareA * table.value(.actionsA, row: row))
                    + (shareB.isNaN ? 0 : shareB * table.value(.actionsB, row: row))
            } / actions
        }
        let neutralShare =
            1 - pooled(.pursueFracA, .pursueFracB) - pooled(.withdrawFracA, .withdrawFracB)
            - pooled(.validateFracA, .validateFracB) - pooled(.selfregFracA, .selfregFracB)
        let shares = [
            pooled(.pursueFracA, .pursueFracB), pooled(.withdrawFracA, .withdrawFracB),
            pooled(.validateFracA, .validateFracB), pooled(.selfregFracA, .selfregFracB), neutralShare,
        ]
        let standardError = (0.2 * 0.8 / actions).squareRoot()
        for share in shares {
            #expect(abs(share - 0.2) < 4 * standardError, "share \(share)")
        }
    }

    @Test(
        "9. hazard: with all betas 0, dissolved_cum(d) = 1 − exp(−2·hazard_base·(d+1)); hazard_base = 0 never dissolves"
    )
    func hazardOracle() throws {
        var parameters = ModelParameters()
        for name in ["beta_sat", "beta_anx", "beta_av"] { try parameters.set(name, to: 0) }
        try parameters.set("hazard_base", to: 0.002)
        let couples = 4000, days = 200
        let result = try TestRun.simulate(couples: couples, days: days, burnIn: 10, parameters: parameters, seed: 9)
        let rows = result.arms[0].daily.rows()
        for day in [0, 49, 199] {
            let p = 1 - exp(-2 * 0.002 * Double(day + 1))
            let observed = rows[day][DailyColumn.dissolvedCum]
            #expect(abs(observed - p) < 4 * (p * (1 - p) / Double(couples)).squareRoot(), "day \(day)")
        }
        try parameters.set("hazard_base", to: 0)
        let none = try TestRun.simulate(couples: 500, days: days, burnIn: 10, parameters: parameters, seed: 9)
        #expect(none.arms[0].outcomes.sum(.dissolved) == 0)
        #expect(none.arms[0].daily.rows().last?[DailyColumn.dissolvedCum] == 0)
    }

    @Test("10. traits fixed: eta_a = eta_v = trait_pull = 0 keeps a_x = a0_x and v_x = v0_x exactly")
    func traitsFixedOracle() throws {
        var parameters = ModelParameters()
        for name in ["eta_a", "eta_v", "trait_pull"] { try parameters.set(name, to: 0) }
        let table = try TestRun.simulate(couples: 500, days: 200, parameters: parameters).arms[0].outcomes
        #expect(table.values(.aA) == table.values(.a0A))
        #expect(table.values(.vA) == table.values(.v0A))
        #expect(table.values(.aB) == table.values(.a0B))
        #expect(table.values(.vB) == table.values(.v0B))
    }

    @Test("11. styles allocation: N = 1600 with the 16 default pairings gives exactly 100 couples per pairing")
    func stylesAllocationOracle() throws {
        var population = PopulationParameters()
        population.mode = .styles
        let table = try TestRun.simulate(couples: 1600, days: 1, burnIn: 0, population: population).arms[0].outcomes
        var counts: [String: Int] = [:]
        for row in 0..<table.count {
            counts["\(table.value(.protoA, row: row))-\(table.value(.protoB, row: row))", default: 0] += 1
        }
        #expect(counts.count == 16)
        #expect(counts.values.allSatisfy { $0 == 100 })
    }

    @Test("12. trait sampler: with SD 0.4 the within-role and cross-partner correlations match R")
    func traitSamplerOracle() throws {
        var population = PopulationParameters()
        population.sdAnxiety = 0.4
        population.sdAvoidance = 0.4
        let n = 20_000
        let table = try TestRun.simulate(couples: n, days: 1, burnIn: 0, population: population).arms[0].outcomes
        let a0A = table.values(.a0A), v0A = table.values(.v0A), a0B = table.values(.a0B), v0B = table.values(.v0B)
        let checks: [(Double, Double)] = [
            (TestStatistics.correlation(a0A, v0A), population.correlationWithin),
            (TestStatistics.correlation(a0B, v0B), population.correlationWithin),
            (TestStatistics.correlation(a0A, v0B), population.correlationCross),
            (TestStatistics.correlation(v0A, a0B), population.correlationCross),
            (TestStatistics.correlation(a0A, a0B), population.correlationAnxietyAnxiety),
            (TestStatistics.correlation(v0A, v0B), population.correlationAvoidanceAvoidance),
        ]
        for (observed, expected) in checks {
            #expect(abs(observed - expected) < 4 * (1 - expected * expected) / Double(n).squareRoot())
        }
        #expect(
            abs(TestStatistics.mean(a0A) - (population.meanAnxietyA - 1) / 6) < 4 * 0.4 / 6 / Double(n).squareRoot())
    }

    @Test("14. strength 0: every intervention type leaves every column but treated equal to the control arm")
    func strengthZeroOracle() throws {
        let kinds =
            InterventionKind.parameterFree
            + [.set(parameter: "imp_harsh", value: 0.5), .set(parameter: "t_max", value: 5)]
        #expect(Set(kinds.map(\.type)) == Set(InterventionType.allCases))
        var arms = [Arm(name: "control")]
        for (index, kind) in kinds.enumerated() {
            arms.append(Arm(name: "zero\(index)", interventions: [Intervention(kind: kind, strength: 0, startDay: 10)]))
        }
        let result = try TestRun.simulate(couples: 300, days: 200, arms: arms, seed: 14)
        let control = result.arms[0].outcomes
        for arm in result.arms.dropFirst() {
            for column in CoupleOutcomeColumn.allCases where column != .treated {
                let same = zip(control.values(column), arm.outcomes.values(column)).allSatisfy {
                    $0 == $1 || ($0.isNaN && $1.isNaN)
                }
                #expect(same, "\(arm.name) \(column.name)")
            }
            let aliveAtStart = control.values(.dayDissolved).filter { $0.isNaN || $0 >= 10 }.count
            #expect(arm.outcomes.sum(.treated) == Double(aliveAtStart))
            #expect(arm.daily == result.arms[0].daily)
        }
    }

    @Test("15. full withholding: withhold_validation with s = 1 on a gives validate_frac_a = 0 exactly")
    func fullWithholdingOracle() throws {
        let arm = Arm(
            name: "withhold", interventions: [Intervention(kind: .withholdValidation, target: .a, strength: 1)])
        let table = try TestRun.simulate(couples: 500, days: 200, arms: [arm], seed: 15).arms[0].outcomes
        let shares = table.values(.validateFracA).filter { !$0.isNaN }
        #expect(shares.count > 400)
        #expect(shares.allSatisfy { $0 == 0 })
        #expect(table.sum(.validateFracB) > 0)
    }
}
