/// Sobol indices of one output (``SobolAnalysis``).
public struct SobolIndices: Sendable, Equatable {
    /// k, the number of parameters (design columns).
    public var parameterCount: Int
    /// N, the number of base samples.
    public var baseSamples: Int
    /// S1_j for j = 0…k − 1.
    public var firstOrder: [SensitivityEstimate]
    /// ST_j for j = 0…k − 1.
    public var total: [SensitivityEstimate]
    /// S2_jk for the pairs j < k in SALib's order (0,1), (0,2), …, (1,2), …; empty without
    /// second-order rows.
    public var secondOrder: [SensitivityEstimate]
    /// Replicate-noise shares; nil with one replicate.
    public var noise: ReplicateNoise?
    /// How the intervals were computed.
    public var bootstrap: BootstrapOptions

    /// The indices as computed by ``SobolAnalysis``.
    public init(
        parameterCount: Int, baseSamples: Int, firstOrder: [SensitivityEstimate], total: [SensitivityEstimate],
        secondOrder: [SensitivityEstimate], noise: ReplicateNoise?, bootstrap: BootstrapOptions
    ) {
        self.parameterCount = parameterCount
        self.baseSamples = baseSamples
        self.firstOrder = firstOrder
        self.total = total
        self.secondOrder = secondOrder
        self.noise = noise
        self.bootstrap = bootstrap
    }

    /// Every estimate: S1 and ST of each parameter in order, then the S2 pairs.
    public var estimates: [SensitivityEstimate] {
        zip(firstOrder, total).flatMap { [$0, $1] } + secondOrder
    }

    /// `sensitivity.csv` rows: S1 and ST of each parameter, then S2 pairs, named by
    /// `parameterNames` (one per design column; pairs as `p1×p2`).
    public func rows(
        parameterNames: [String], outcome: String, arm: String,
        kind: SensitivityKind
    ) -> [SensitivityRow] {
        SensitivityRow.rows(estimates, parameterNames: parameterNames, outcome: outcome, arm: arm, kind: kind)
    }
}
