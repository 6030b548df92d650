import DyadCore

/// Sampling methods for `sweep.sample`.
public enum SampleMethod: String, Sendable, CaseIterable {
    /// Independent uniform draws in each range.
    case random
    /// Latin hypercube: each range cut into n strata, one draw per stratum, strata permuted.
    case lhs
    /// Saltelli's extension of a Sobol sequence for first- and second-order indices
    /// (n·(2d + 2) points, in SALib's row order).
    case sobol
    /// Morris's one-at-a-time trajectories on a p-level grid (r·(d + 1) points for r
    /// trajectories, in SALib's row order): screening by elementary effects.
    case morris
}
