/// One simulation of a generation, accepted or not (a row of `simulations.csv`).
public struct ABCSimulation: Sendable, Equatable {
    /// What became of the simulation.
    public enum Status: String, CaseIterable, Sendable {
        /// ρ ≤ εₜ and among the first N such attempts: a particle of the generation.
        case accepted
        /// ρ > εₜ.
        case rejected
        /// The evaluator returned nil, or a statistic was not finite.
        case failed
        /// ρ ≤ εₜ, but the generation already had N particles (the rest of the last batch).
        case surplus
    }

    /// The attempt: generation, attempt number, θ and seed.
    public let proposal: ABCProposal
    /// The simulated statistics as the evaluator returned them (nil when it returned nil).
    public let statistics: [Double]?
    /// ρ (nil when the simulation failed: no statistics, or a statistic that is not finite).
    public let distance: Double?
    /// Accepted, rejected, failed or surplus.
    public let status: Status
}
