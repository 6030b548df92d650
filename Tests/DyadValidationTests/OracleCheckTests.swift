import DyadCore
import DyadExperiment
import DyadValidation
import Testing

/// docs/model.md §10.1 oracles as library checks: each passes on its set-up and fails when the runs
/// are perturbed away from the closed form it checks.
@Suite("docs/model.md §10.1 oracle checks")
struct OracleCheckTests {
    @Test("every oracle passes on its set-up", arguments: Oracle.allCases)
    func passes(oracle: Oracle) throws {
        let result = try OracleChecks.check(oracle)
        #expect(result.id == oracle.id && result.scenario == oracle.title)
        #expect(result.pass, "\(result.id): \(result.detail)")
    }

    /// The set-up with its runs changed so that the closed form of the unchanged set-up no longer holds.
    private func perturbed(_ setUp: OracleSetUp) throws -> OracleSetUp {
        var changed = setUp
        func set(_ name: String, _ value: Double, run: Int = 0, role: Role? = nil) throws {
            try changed.runs[run].configuration.parameters.set(name, to: value, role: role)
        }
        switch setUp.oracle {
        case .neutralRelaxation: try set("sigma_e", 0.02)
        case .heartRate: try set("hr_rest", 90, role: .a)
        case .tonicArousal: try set("e0", 0.06)
        case .twentyMinuteBreak: try set("break_turns", 30, role: .b)
        case .satisfaction: try set("bid_weight", 0.6)
        case .conflictFrequency: try set("lambda0", 0.2)
        case .initiatorShare: try set("init_anx", 4)
        case .flatSoftmax: try set("u_p0", 0.5)
        case .hazard: try set("hazard_base", 0.003)
        case .traitsFixed: try set("eta_a", 0.1)
        case .stylesAllocation: changed.runs[0].configuration.population.pairings[0].share = 2
        case .traitSampler: changed.runs[0].configuration.population.correlationCross = 0.3
        case .determinism: changed.runs[3].configuration.runKey = ValidationScenarios.runKey(seed: 6)
        case .strengthZero: changed.runs[0].configuration.arms[3].interventions[0].strength = 0.5
        case .fullWithholding: changed.runs[0].configuration.arms[0].interventions[0].strength = 0.5
        }
        return changed
    }

    @Test("every oracle fails on perturbed runs", arguments: Oracle.allCases)
    func failsWhenPerturbed(oracle: Oracle) throws {
        let setUp = OracleChecks.setUp(oracle)
        let result = OracleChecks.evaluate(setUp, results: try perturbed(setUp).simulate())
        #expect(!result.pass, "\(result.id) still passes: \(result.detail)")
    }

    @Test("a wrong number of results fails instead of trapping")
    func missingResults() {
        let result = OracleChecks.evaluate(OracleChecks.setUp(.heartRate), results: [])
        #expect(!result.pass)
    }
}
