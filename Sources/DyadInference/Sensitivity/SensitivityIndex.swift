/// The sensitivity indices DyadSim reports; the raw value is the `index` column of
/// `sensitivity.csv`.
public enum SensitivityIndex: String, Sendable, CaseIterable {
    /// Sobol first-order index S1_j = V[E(Y | X_j)] / V(Y), in −∞…1 as estimated (0…1 in theory).
    case firstOrder = "S1"
    /// Sobol total index ST_j = E[V(Y | X_~j)] / V(Y), ≥ 0.
    case total = "ST"
    /// Sobol second-order index S2_jk = V_jk / V(Y) of a pair (its interaction alone).
    case secondOrder = "S2"
    /// Morris μ_j: mean elementary effect (signed), in output units per full range of X_j.
    case mu = "mu"
    /// Morris μ*_j: mean absolute elementary effect (Campolongo et al. 2007), ≥ 0.
    case muStar = "mu_star"
    /// Morris σ_j: standard deviation of the elementary effects (n − 1), ≥ 0: interactions and
    /// non-linearity.
    case sigma = "sigma"

    /// The method the index belongs to.
    public var method: SensitivityMethod {
        switch self {
        case .firstOrder, .total, .secondOrder: return .sobol
        case .mu, .muStar, .sigma: return .morris
        }
    }

    /// True when the estimate can be negative (S1, S2, μ); noise thresholds then bound |value|.
    public var isSigned: Bool {
        switch self {
        case .firstOrder, .secondOrder, .mu: return true
        case .total, .muStar, .sigma: return false
        }
    }
}
