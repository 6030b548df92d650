import DyadCore

/// The runs of one oracle. The closed forms are computed from these declared configurations,
/// so evaluating the results of *perturbed* runs against an unperturbed set-up must fail.
package struct OracleSetUp: Sendable {
    /// The oracle this set-up belongs to.
    package let oracle: Oracle
    /// The runs whose results the evaluator receives, in order.
    package var runs: [OracleRun]

    /// A set-up of one run with the default simulator settings.
    package static func single(_ oracle: Oracle, _ configuration: RunConfiguration) -> OracleSetUp {
        OracleSetUp(oracle: oracle, runs: [OracleRun(configuration)])
    }

    /// Simulates every run in order.
    package func simulate() throws(SimulationError) -> [RunResult] {
        var results: [RunResult] = []
        for run in runs { results.append(try run.simulator.run(run.configuration)) }
        return results
    }
}
