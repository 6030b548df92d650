import DyadCore

/// Oracles 10–12 and 15: fixed traits, styles allocation, the trait sampler, full withholding.
extension OracleChecks {
    /// O10 set-up: eta_a = eta_v = trait_pull = 0, default traits population (500 couples, 200 days).
    static func traitsFixedSetUp() -> OracleSetUp {
        var parameters = ModelParameters()
        for name in ["eta_a", "eta_v", "trait_pull"] { parameters.setCatalogued(name, 0) }
        return .single(.traitsFixed, configuration(couples: 500, days: 200, burnIn: 90, parameters: parameters))
    }

    /// O10: a_x = a0_x and v_x = v0_x bit for bit. Measured: the number of differing values.
    static func evaluateTraitsFixed(_ setUp: OracleSetUp, _ results: [RunResult]) -> ValidationResult {
        let table = results[0].arms[0].outcomes
        let pairs: [(CoupleOutcomeColumn, CoupleOutcomeColumn)] = [(.aA, .a0A), (.vA, .v0A), (.aB, .a0B), (.vB, .v0B)]
        var differing = 0
        for (end, start) in pairs {
            for row in 0..<table.count
            where table.value(end, row: row).bitPattern != table.value(start, row: row).bitPattern {
                differing += 1
            }
        }
        return result(
            .traitsFixed, measured: Double(differing), standardError: nil, expected: "0 differing values",
            pass: differing == 0, detail: "\(differing) of \(4 * table.count) trait values differ from day 0")
    }

    /// O11 set-up: styles mode, the 16 default pairings, N = 1600, one day without burn-in.
    static func stylesAllocationSetUp() -> OracleSetUp {
        var population = PopulationParameters()
        population.mode = .styles
        return .single(.stylesAllocation, configuration(couples: 1600, days: 1, burnIn: 0, population: population))
    }

    /// O11: couple k gets the first pairing q with (k + 0.5)/N < C_q (C the cumulative normalised
    /// shares), so each pairing's count is fixed in advance (100 each for 1600 couples and 16
    /// equal shares); observed counts per (proto_a, proto_b) must equal it. Measured: the largest
    /// absolute count difference.
    static func evaluateStylesAllocation(_ setUp: OracleSetUp, _ results: [RunResult]) -> ValidationResult {
        let configuration = setUp.runs[0].configuration
        let population = configuration.population
        let names = population.prototypes.map(\.name)
        let pairings = population.pairings.filter { $0.share > 0 }
        let total = pairings.reduce(0) { $0 + $1.share }
        var expected: [String: Int] = [:]
        var cumulative = 0.0, couple = 0
        for (index, pairing) in pairings.enumerated() {
            cumulative = index == pairings.count - 1 ? 1 : cumulative + pairing.share / total
            let key = "\(names.firstIndex(of: pairing.styleA) ?? -1)-\(names.firstIndex(of: pairing.styleB) ?? -1)"
            while couple < configuration.coupleCount
                && (Double(couple) + 0.5) / Double(configuration.coupleCount) < cumulative
            {
                expected[key, default: 0] += 1
                couple += 1
            }
        }
        let table = results[0].arms[0].outcomes
        var observed: [String: Int] = [:]
        for row in 0..<table.count {
            observed["\(Int(table.value(.protoA, row: row)))-\(Int(table.value(.protoB, row: row)))", default: 0] += 1
        }
        let keys = Set(expected.keys).union(observed.keys)
        let largest = keys.map { abs((observed[$0] ?? 0) - (expected[$0] ?? 0)) }.max() ?? 0
        return result(
            .stylesAllocation, measured: Double(largest), standardError: nil, expected: "every pairing count exact",
            pass: largest == 0,
            detail: "\(observed.count) pairings observed, \(expected.count) expected; counts "
                + "\(observed.values.min() ?? 0)…\(observed.values.max() ?? 0); largest difference \(largest)")
    }

    /// O12 set-up: sd_anx = sd_av = 0.4 (truncation negligible), 20,000 couples, one day.
    static func traitSamplerSetUp() -> OracleSetUp {
        var population = PopulationParameters()
        population.sdAnxiety = 0.4
        population.sdAvoidance = 0.4
        return .single(.traitSampler, configuration(couples: 20_000, days: 1, burnIn: 0, population: population))
    }

    /// O12: the six sample correlations of (a0_a, v0_a, a0_b, v0_b) match R (z with SE
    /// (1 − ρ²)/√n) and mean(a0_a) matches (mean_anx_a − 1)/6 (SE sd_anx/6/√n). Measured: max |z|.
    static func evaluateTraitSampler(_ setUp: OracleSetUp, _ results: [RunResult]) -> ValidationResult {
        let population = setUp.runs[0].configuration.population
        let table = results[0].arms[0].outcomes
        let n = Double(table.count)
        let a0A = table.columnArray(.a0A), v0A = table.columnArray(.v0A), a0B = table.columnArray(.a0B),
            v0B = table.columnArray(.v0B)
        let checks: [(String, [Double], [Double], Double)] = [
            ("r(a_a,v_a)", a0A, v0A, population.correlationWithin),
            ("r(a_b,v_b)", a0B, v0B, population.correlationWithin),
            ("r(a_a,v_b)", a0A, v0B, population.correlationCross),
            ("r(v_a,a_b)", v0A, a0B, population.correlationCross),
            ("r(a_a,a_b)", a0A, a0B, population.correlationAnxietyAnxiety),
            ("r(v_a,v_b)", v0A, v0B, population.correlationAvoidanceAvoidance),
        ]
        var largest = 0.0, parts: [String] = []
        for (label, x, y, expected) in checks {
            let r = ValidationStatistics.correlation(x, y).value
            largest = max(largest, (abs(r - expected) / ((1 - expected * expected) / n.squareRoot())).nanAsInfinity)
            parts.append("\(label) \(ValidationText.fixed(r, 3)) vs \(ValidationText.fixed(expected, 3))")
        }
        let expectedMean = (population.meanAnxietyA - 1) / 6
        let meanZ = (ValidationStatistics.mean(a0A) - expectedMean) / (population.sdAnxiety / 6 / n.squareRoot())
        largest = max(largest, abs(meanZ).nanAsInfinity)
        return result(
            .traitSampler, measured: largest, standardError: nil, expected: "max |z| < 4",
            pass: largest < ValidationCriteria.oracleStandardErrors,
            detail: parts.joined(separator: ", ")
                + "; mean a0_a \(ValidationText.fixed(ValidationStatistics.mean(a0A), 4)) vs "
                + "\(ValidationText.fixed(expectedMean, 4)) (max |z| \(ValidationText.fixed(largest, 2)))")
    }

    /// O15 set-up: one arm with withhold_validation, strength 1, target a (500 couples, 200 days, seed 15).
    static func fullWithholdingSetUp() -> OracleSetUp {
        let arm = Arm(
            name: "withhold", interventions: [Intervention(kind: .withholdValidation, target: .a, strength: 1)])
        return .single(.fullWithholding, configuration(couples: 500, days: 200, burnIn: 90, arms: [arm], seed: 15))
    }

    /// O15: validate_frac_a = 0 exactly wherever defined (at least 80 % of couples), while b still
    /// validates (Σ validate_frac_b > 0). Measured: the largest validate_frac_a.
    static func evaluateFullWithholding(_ setUp: OracleSetUp, _ results: [RunResult]) -> ValidationResult {
        let table = results[0].arms[0].outcomes
        let shares = table.columnArray(.validateFracA).filter { !$0.isNaN }
        let largest = shares.max() ?? .nan
        let partner = table.columnArray(.validateFracB).filter { !$0.isNaN }.reduce(0, +)
        return result(
            .fullWithholding, measured: largest, standardError: nil, expected: "validate_frac_a = 0 exactly",
            pass: largest == 0 && Double(shares.count) >= 0.8 * Double(table.count) && partner > 0,
            detail: "max validate_frac_a \(largest) over \(shares.count) of \(table.count) couples; "
                + "mean validate_frac_b \(ValidationText.fixed(partner / Double(max(1, shares.count)), 4))")
    }
}
