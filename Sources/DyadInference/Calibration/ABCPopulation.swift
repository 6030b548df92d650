/// The accepted particles of one generation: struct of arrays, one entry per particle in acceptance
/// (attempt) order.
public struct ABCPopulation: Sendable, Equatable {
    /// The attempt number of each particle within its generation.
    public let attempts: [Int]
    /// The seed each particle was simulated with.
    public let seeds: [UInt64]
    /// θᵢ, one row per particle.
    public let parameters: [[Double]]
    /// The simulated statistics, one row per particle.
    public let statistics: [[Double]]
    /// ρᵢ ≤ εₜ.
    public let distances: [Double]
    /// Normalised importance weights wᵢ (Σ wᵢ = 1 up to rounding).
    public let weights: [Double]

    init(
        attempts: [Int], seeds: [UInt64], parameters: [[Double]], statistics: [[Double]], distances: [Double],
        weights: [Double]
    ) {
        self.attempts = attempts
        self.seeds = seeds
        self.parameters = parameters
        self.statistics = statistics
        self.distances = distances
        self.weights = weights
    }

    /// N.
    public var count: Int { weights.count }

    /// ESS = 1/Σᵢ wᵢ² (normalised weights), in (0, N].
    public var effectiveSampleSize: Double { WeightedStatistics.effectiveSampleSize(weights) }

    /// The values of parameter `index` across particles.
    public func values(ofParameter index: Int) -> [Double] {
        parameters.map { $0[index] }
    }
}
