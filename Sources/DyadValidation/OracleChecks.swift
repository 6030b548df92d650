import DyadCore

/// Builders and evaluators of the docs/model.md §10.1 oracles (tolerances: 1e-12 where exact, 4 SE
/// where statistical).
package enum OracleChecks {
    /// The set-up of `oracle` (the configurations of `Tests/DyadCoreTests/OracleTests.swift`).
    package static func setUp(_ oracle: Oracle) -> OracleSetUp {
        switch oracle {
        case .neutralRelaxation, .tonicArousal: .single(oracle, neutralRelaxation(onset: 0.3))
        case .heartRate: heartRateSetUp()
        case .twentyMinuteBreak: twentyMinuteBreakSetUp()
        case .satisfaction: satisfactionSetUp()
        case .conflictFrequency, .initiatorShare: .single(oracle, conflictFrequencyConfiguration())
        case .flatSoftmax: flatSoftmaxSetUp()
        case .hazard: hazardSetUp()
        case .traitsFixed: traitsFixedSetUp()
        case .stylesAllocation: stylesAllocationSetUp()
        case .traitSampler: traitSamplerSetUp()
        case .determinism: determinismSetUp()
        case .strengthZero: strengthZeroSetUp()
        case .fullWithholding: fullWithholdingSetUp()
        }
    }

    /// Checks `results` (one per run of `setUp`, in order) against the closed form of
    /// `setUp.oracle` computed from `setUp`'s declared configurations.
    package static func evaluate(_ setUp: OracleSetUp, results: [RunResult]) -> ValidationResult {
        guard results.count == setUp.runs.count else {
            return result(
                setUp.oracle, measured: .nan, standardError: nil, expected: "\(setUp.runs.count) runs",
                pass: false, detail: "got \(results.count) results for \(setUp.runs.count) runs")
        }
        switch setUp.oracle {
        case .neutralRelaxation: return evaluateNeutralRelaxation(setUp, results)
        case .heartRate: return evaluateHeartRate(setUp, results)
        case .tonicArousal: return evaluateTonicArousal(setUp, results)
        case .twentyMinuteBreak: return evaluateTwentyMinuteBreak(setUp, results)
        case .satisfaction: return evaluateSatisfaction(setUp, results)
        case .conflictFrequency: return evaluateConflictFrequency(setUp, results)
        case .initiatorShare: return evaluateInitiatorShare(setUp, results)
        case .flatSoftmax: return evaluateFlatSoftmax(setUp, results)
        case .hazard: return evaluateHazard(setUp, results)
        case .traitsFixed: return evaluateTraitsFixed(setUp, results)
        case .stylesAllocation: return evaluateStylesAllocation(setUp, results)
        case .traitSampler: return evaluateTraitSampler(setUp, results)
        case .determinism: return evaluateDeterminism(setUp, results)
        case .strengthZero: return evaluateStrengthZero(setUp, results)
        case .fullWithholding: return evaluateFullWithholding(setUp, results)
        }
    }

    /// Builds, simulates and evaluates `oracle`.
    package static func check(_ oracle: Oracle) throws(SimulationError) -> ValidationResult {
        let setUp = setUp(oracle)
        return evaluate(setUp, results: try setUp.simulate())
    }

    /// All fifteen oracles in order.
    package static func checkAll() throws(SimulationError) -> [ValidationResult] {
        var results: [ValidationResult] = []
        for oracle in Oracle.allCases { results.append(try check(oracle)) }
        return results
    }

    // MARK: Shared pieces

    static func result(
        _ oracle: Oracle, measured: Double, standardError: Double?, expected: String, pass: Bool, detail: String
    ) -> ValidationResult {
        ValidationResult(
            id: oracle.id, description: descriptions[oracle.rawValue - 1], scenario: oracle.title, measured: measured,
            standardError: standardError, expected: expected, pass: pass, detail: detail,
            source: "docs/model.md#o\(oracle.rawValue)")
    }

    /// A run configuration with seed `seed` (replicate 0, point 0).
    static func configuration(
        couples: Int, days: Int, burnIn: Int, parameters: ModelParameters = ModelParameters(),
        population: PopulationParameters = PopulationParameters(), arms: [Arm] = [Arm(name: "control")],
        seed: UInt64 = 1
    ) -> RunConfiguration {
        RunConfiguration(
            coupleCount: couples, days: days, burnInDays: burnIn, parameters: parameters, population: population,
            arms: arms, runKey: ValidationScenarios.runKey(seed: seed))
    }

    /// A styles population of one pairing of two prototypes, no jitter.
    static func fixedPopulation(a: (Double, Double), b: (Double, Double)) -> PopulationParameters {
        var population = PopulationParameters()
        population.mode = .styles
        population.styleJitter = 0
        population.prototypes = [
            StylePrototype(name: "first", anxiety: a.0, avoidance: a.1),
            StylePrototype(name: "second", anxiety: b.0, avoidance: b.1),
        ]
        population.pairings = [StylePairing(styleA: "first", styleB: "second", share: 1)]
        return population
    }

    /// docs/model.md §10.1 "silent" settings: one pairing of prototypes at (0, 0), no jitter, every
    /// utility intercept −1e9, sigma_e = stress_mean = stress_sd = imp_soft = imp_harsh = rum_gain
    /// = eta_a = eta_v = trait_pull = 0.
    package static func silentSettings() -> (ModelParameters, PopulationParameters) {
        var parameters = ModelParameters()
        for name in ["u_p0", "u_w0", "u_v0", "u_r0"] { parameters.setCatalogued(name, -1e9) }
        for name in [
            "sigma_e", "stress_mean", "stress_sd", "imp_soft", "imp_harsh", "rum_gain", "eta_a", "eta_v", "trait_pull",
        ] {
            parameters.setCatalogued(name, 0)
        }
        return (parameters, fixedPopulation(a: (0, 0), b: (0, 0)))
    }

    /// The docs/model.md §10.1 statements, in order.
    static let descriptions = [
        "silent + onset_arousal δ: every action NEUTRAL, every episode times out, mean_e_x = e0 + δ·share·(1/T)Σr^t",
        "max_hr of an initiator = hr_rest + (100 − hr_rest)(e0 + δr)/theta_flood; E = theta_flood ⇔ HR = 100",
        "silent run: the daily arousal aggregate equals e0 on every day",
        "b's announced 40-turn break leaves 10 % of the gap: breaks = episodes, recovery_time_a = h0·log2(0.09/0.05)",
        "no conflict, all bids turned toward: Pos follows the geometric sum, Neg = 0, Sat follows §2.5; Sat = 0.5 at ratio theta_pn",
        "episodes ~ Binomial(D, 1 − exp(−lambda0(1 + 0.5·onset_anx)))",
        "Σ initiated_a / Σ episodes = (1 + 0.5·init_anx)/(2 + 0.5·init_anx) = 2/3",
        "all u_* = 0: pooled category shares Σ(frac_x·actions_x)/Σ actions_x are 1/5",
        "betas 0: dissolved_cum(d) = 1 − exp(−2·hazard_base·(d+1)); hazard_base = 0: no dissolution",
        "eta_a = eta_v = trait_pull = 0 and no EFT: a_x = a0_x, v_x = v0_x exactly",
        "N = 1600 with the 16 default pairings: exactly 100 couples per pairing",
        "sd_anx = sd_av = 0.4: within-role corr(a, v) ≈ r_within, corr(a_a, v_b) ≈ r_cross",
        "same scenario ⇒ identical outputs; 1 thread ⇒ same rows as many; chunk sizes and shards concatenate to the full run",
        "every intervention type with strength 0: all columns except treated equal the control arm's",
        "withhold_validation with s = 1 on a: validate_frac_a = 0 exactly",
    ]
}

extension ModelParameters {
    /// Sets a parameter whose name is known to be in the catalogue (a programmer error otherwise).
    mutating func setCatalogued(_ name: String, _ value: Double, role: Role? = nil) {
        do { try set(name, to: value, role: role) } catch { preconditionFailure("unknown parameter \(name)") }
    }
}
