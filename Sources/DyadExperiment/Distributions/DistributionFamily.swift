/// The families of ``UnivariateDistribution``: the vocabulary of priors (calibration) and input
/// distributions (sensitivity designs). Raw values are the names used in files.
public enum DistributionFamily: String, CaseIterable, Sendable {
    /// Uniform on [low, high].
    case uniform
    /// ln X uniform on [ln low, ln high], 0 < low < high.
    case logUniform = "loguniform"
    /// Normal with `mean` and `sd`, optionally truncated to [low, high].
    case normal
    /// ln X normal with mean `mu` and sd `sigma`, optionally truncated to [low, high] (low ≥ 0).
    case logNormal = "lognormal"
    /// Triangular on [low, high] with its peak at `mode`.
    case triangular

    /// Parameters that must be given.
    public var requiredParameters: [DistributionParameter] {
        switch self {
        case .uniform, .logUniform: return [.low, .high]
        case .normal: return [.mean, .sd]
        case .logNormal: return [.mu, .sigma]
        case .triangular: return [.low, .mode, .high]
        }
    }

    /// Parameters that may be given (truncation bounds).
    public var optionalParameters: [DistributionParameter] {
        switch self {
        case .uniform, .logUniform, .triangular: return []
        case .normal, .logNormal: return [.low, .high]
        }
    }

    /// Every parameter the family accepts, required first.
    public var allowedParameters: [DistributionParameter] { requiredParameters + optionalParameters }
}

/// A named parameter of a ``DistributionFamily``; raw values are the keys used in files.
public enum DistributionParameter: String, CaseIterable, Sendable {
    /// The lower end of the support (uniform, loguniform, triangular) or the lower truncation bound.
    case low
    /// The upper end of the support or the upper truncation bound.
    case high
    /// The peak of a triangular distribution, low ≤ mode ≤ high.
    case mode
    /// The mean of a normal distribution (before truncation).
    case mean
    /// The standard deviation of a normal distribution (before truncation), > 0.
    case sd
    /// The mean of ln X for a log-normal distribution.
    case mu
    /// The standard deviation of ln X for a log-normal distribution, > 0.
    case sigma
}
