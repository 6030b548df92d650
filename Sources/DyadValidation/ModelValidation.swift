import DyadCore

/// Entry points for `dyadsim validate-model`: run a docs/model.md §10.2 scenario and evaluate its
/// stylized facts, or run the §10.1 oracles (``OracleChecks``).
package enum ModelValidation {
    /// Evaluates the facts of `scenario` on a result of `configuration` (built by
    /// ``ValidationScenario/configuration(couples:)``). `quick` widens fixed bands by 2 SE for
    /// reduced-size runs; directional checks keep their 4 SE rule.
    package static func evaluate(
        _ scenario: ValidationScenario, result: RunResult, configuration: RunConfiguration, quick: Bool
    ) -> [ValidationResult] {
        switch scenario {
        case .population: PopulationFacts.evaluate(result, configuration: configuration, quick: quick)
        case .pairings: PairingFacts.evaluate(result, configuration: configuration, quick: quick)
        case .interventions: InterventionFacts.evaluate(result, configuration: configuration, quick: quick)
        case .therapy: TherapyFacts.evaluate(result, configuration: configuration, quick: quick)
        }
    }

    /// Runs `scenario` with `couples` couples (default: full size, docs/model.md §10.2) and evaluates
    /// its facts; `quick` defaults to true whenever the run is smaller than the full size.
    package static func stylizedFacts(
        _ scenario: ValidationScenario, couples: Int? = nil, quick: Bool? = nil,
        simulator: Simulator = Simulator(threads: 2, chunkSize: 64)
    ) throws(SimulationError) -> [ValidationResult] {
        let configuration = scenario.configuration(couples: couples)
        let result = try simulator.run(configuration)
        return evaluate(
            scenario, result: result, configuration: configuration,
            quick: quick ?? (configuration.coupleCount < scenario.defaultCouples))
    }
}
