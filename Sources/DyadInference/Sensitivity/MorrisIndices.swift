/// Morris screening statistics of one output (``MorrisAnalysis``).
public struct MorrisIndices: Sendable, Equatable {
    /// r, the number of trajectories.
    public var trajectories: Int
    /// p, the grid levels the design was built with.
    public var levels: Int
    /// EE[j][t]: parameter j, trajectory t, in output units per full range of X_j.
    public var elementaryEffects: [[Double]]
    /// μ_j, in parameter order.
    public var mu: [SensitivityEstimate]
    /// μ*_j.
    public var muStar: [SensitivityEstimate]
    /// σ_j.
    public var sigma: [SensitivityEstimate]
    /// Replicate-noise shares; nil with one replicate.
    public var noise: ReplicateNoise?
    /// How the intervals were computed.
    public var bootstrap: BootstrapOptions

    /// The statistics as computed by ``MorrisAnalysis``.
    public init(
        trajectories: Int, levels: Int, elementaryEffects: [[Double]], mu: [SensitivityEstimate],
        muStar: [SensitivityEstimate], sigma: [SensitivityEstimate], noise: ReplicateNoise?,
        bootstrap: BootstrapOptions
    ) {
        self.trajectories = trajectories
        self.levels = levels
        self.elementaryEffects = elementaryEffects
        self.mu = mu
        self.muStar = muStar
        self.sigma = sigma
        self.noise = noise
        self.bootstrap = bootstrap
    }

    /// Every estimate: μ, μ*, σ of each parameter in order.
    public var estimates: [SensitivityEstimate] {
        (0..<mu.count).flatMap { [mu[$0], muStar[$0], sigma[$0]] }
    }

    /// `sensitivity.csv` rows: μ, μ*, σ of each parameter, named by `parameterNames` (one per
    /// design column).
    public func rows(
        parameterNames: [String], outcome: String, arm: String,
        kind: SensitivityKind
    ) -> [SensitivityRow] {
        SensitivityRow.rows(estimates, parameterNames: parameterNames, outcome: outcome, arm: arm, kind: kind)
    }
}
