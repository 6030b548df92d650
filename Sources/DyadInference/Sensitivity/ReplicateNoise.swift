/// How much of an output's variation is replicate noise (runs of the same design point with
/// different seeds) rather than parameter effects.
///
/// With y_ir the output of design row i = 1…M and replicate r = 1…R, ȳ_i the row mean:
/// - within-point variance s²_w = Σ_i Σ_r (y_ir − ȳ_i)² / (M(R − 1)) (pooled, unbiased);
/// - ``withinPointShare`` = s²_w / s²_y with s²_y = Σ (y_ir − ȳ)² / (MR − 1) over all runs: the
///   share of a single run's variance that is noise (the "replicate-noise share");
/// - ``noiseShareOfMeans`` = (s²_w / R) / s²_ȳ with s²_ȳ the variance (n − 1) of the row means:
///   the share of the analysed outputs' variance that is noise. Indices are computed on ȳ_i, so
///   Jansen's ST of a parameter without effect is about this value, not 0.
/// Both are ratios of estimates and can exceed 1 by chance when the parameters do little.
public struct ReplicateNoise: Sendable, Equatable {
    /// R ≥ 2.
    public var replicates: Int
    /// s²_w / s²_y (run level).
    public var withinPointShare: Double
    /// (s²_w / R) / s²_ȳ (level of the analysed row means).
    public var noiseShareOfMeans: Double

    /// Shares as computed from a replicated design (R = `replicates` ≥ 2).
    public init(replicates: Int, withinPointShare: Double, noiseShareOfMeans: Double) {
        self.replicates = replicates
        self.withinPointShare = withinPointShare
        self.noiseShareOfMeans = noiseShareOfMeans
    }
}
