/// A completed generation: its tolerance, its cost and its particles (a row of `generations.csv`).
public struct ABCGeneration: Sendable, Equatable {
    /// t, 0 for the prior.
    public let index: Int
    /// εₜ (+∞ for generation 0).
    public let epsilon: Double
    /// Simulations run in this generation, surplus ones included.
    public let simulations: Int
    /// The N accepted particles with their weights.
    public let population: ABCPopulation

    /// Accepted particles (N).
    public var accepted: Int { population.count }

    /// accepted/simulations.
    public var acceptanceRate: Double { Double(accepted) / Double(max(simulations, 1)) }

    /// 1/Σᵢ wᵢ².
    public var effectiveSampleSize: Double { population.effectiveSampleSize }
}
