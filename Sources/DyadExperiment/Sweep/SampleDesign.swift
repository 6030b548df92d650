import DyadCore

/// A sampled design: `n` base points (or, for Morris, `n` trajectories) over `ranges`.
public struct SampleDesign: Sendable, Equatable {
    /// random, lhs, sobol (Saltelli scheme) or morris (trajectories).
    public var method: SampleMethod
    /// Base samples (random, lhs, sobol) or trajectories (morris), ≥ 1.
    public var count: Int
    /// Each sampled path with its range [low, high].
    public var ranges: [(path: SweepPath, low: Double, high: Double)]
    /// Seed of the sample; nil derives it from the scenario seed.
    public var seed: UInt64?
    /// Grid levels p of a Morris design (even, ≥ 2; SALib's default 4); unused by other methods.
    public var levels: Int
    /// Input distributions by sweep path (text); a path without one is uniform on [low, high].
    /// A path with one has low and high at its support's ends (finite, inside the path's range).
    public var distributions: [String: UnivariateDistribution] = [:]

    /// A design of `count` base points or trajectories over `ranges` (uniform unless ``distributions`` says
    /// otherwise); `seed` nil derives the seed from the scenario's.
    public init(
        method: SampleMethod, count: Int, ranges: [(path: SweepPath, low: Double, high: Double)], seed: UInt64? = nil,
        levels: Int = 4
    ) {
        self.method = method
        self.count = count
        self.ranges = ranges
        self.seed = seed
        self.levels = levels
    }

    /// Equal when method, count, seed, levels, ranges (path, low, high) and distributions agree.
    public static func == (lhs: SampleDesign, rhs: SampleDesign) -> Bool {
        lhs.method == rhs.method && lhs.count == rhs.count && lhs.seed == rhs.seed && lhs.levels == rhs.levels
            && lhs.ranges.map(\.path) == rhs.ranges.map(\.path) && lhs.ranges.map(\.low) == rhs.ranges.map(\.low)
            && lhs.ranges.map(\.high) == rhs.ranges.map(\.high) && lhs.distributions == rhs.distributions
    }
}
