/// One index of one parameter (or pair, for S2) with its bootstrap interval and, when the design
/// has replicates, the size noise alone would give it.
public struct SensitivityEstimate: Sendable, Equatable {
    /// Which index: S1, ST, S2 (Sobol) or μ, μ*, σ (Morris).
    public var index: SensitivityIndex
    /// Position of the parameter in the design's column order.
    public var parameter: Int
    /// The second parameter of an S2 pair (> `parameter`); nil otherwise.
    public var secondParameter: Int?
    /// The point estimate.
    public var value: Double
    /// z_{(1+c)/2} · SD of the bootstrap estimates (SALib's `*_conf`); 0 when every resample
    /// gives the same value.
    public var halfWidth: Double
    /// What replicate noise alone produces (``noiseThreshold(_:counterfactual:standardDeviation:criticalValue:)``,
    /// reasoning in ``ReplicatedOutputs``); nil without replicates.
    public var noiseThreshold: Double?

    /// An estimate of `index` for `parameter` (and `secondParameter` for S2) with its interval half-width.
    public init(
        index: SensitivityIndex, parameter: Int, secondParameter: Int? = nil, value: Double,
        halfWidth: Double, noiseThreshold: Double? = nil
    ) {
        self.index = index
        self.parameter = parameter
        self.secondParameter = secondParameter
        self.value = value
        self.halfWidth = halfWidth
        self.noiseThreshold = noiseThreshold
    }

    /// value − half-width.
    public var ciLow: Double { value - halfWidth }
    /// value + half-width.
    public var ciHigh: Double { value + halfWidth }

    /// The noise threshold of an index from its counterfactual estimate I₀ (the parameter without
    /// effect, ``ReplicatedOutputs``) and the bootstrap SD s of I₀: z·s for signed indices (S1,
    /// S2, μ: their null distribution is centred on 0, so |value| ≤ z·s is within it), and
    /// I₀ + z·√2·s for non-negative ones (ST, μ*, σ: the null is centred near I₀, and the observed
    /// index is a second draw from it, so the difference of two draws has SD √2·s).
    public static func noiseThreshold(
        _ index: SensitivityIndex, counterfactual: Double, standardDeviation: Double,
        criticalValue z: Double
    ) -> Double {
        index.isSigned ? z * standardDeviation : counterfactual + z * 2.0.squareRoot() * standardDeviation
    }

    /// True when the index is no larger than what noise alone produces (|value| for signed
    /// indices); false without replicates.
    public var isBelowNoise: Bool {
        guard let noiseThreshold else { return false }
        return (index.isSigned ? abs(value) : value) <= noiseThreshold
    }
}
