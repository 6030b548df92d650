import DyadCore

/// A continuous univariate distribution: uniform, log-uniform, normal, log-normal (the last two
/// optionally truncated to [low, high]) or triangular. Values are made by the validating factories
/// (``uniform(low:high:)``, ``make(_:parameters:)`` …), so every instance is well defined.
///
/// Densities, CDFs and quantiles are portable (``StandardNormal``, `DyadMath`), so a draw
/// `quantile(u)` is the same bits everywhere. Truncated normals stay exact far in a tail.
public struct UnivariateDistribution: Sendable, Hashable, CustomStringConvertible {
    /// The family.
    public let family: DistributionFamily
    /// The parameters as given (including truncation bounds when given).
    public let parameters: [DistributionParameter: Double]
    /// The lower end of the support (after truncation); may be −∞.
    public let lowerBound: Double
    /// The upper end of the support (after truncation); may be +∞.
    public let upperBound: Double
    /// E[X] (closed form for every family; +∞ if it overflows, e.g. a log-normal with a huge sigma).
    public let mean: Double
    /// √Var[X] (closed form; +∞ if it overflows).
    public let standardDeviation: Double

    private let shape: Shape
    /// The log-density's constant term (see ``logDensity(_:)``).
    private let logNormaliser: Double

    /// The internal form of each family (normal families on the standard scale).
    enum Shape: Sendable, Hashable {
        case uniform(low: Double, high: Double)
        case logUniform(logLow: Double, logHigh: Double)
        case normal(mean: Double, sd: Double, standard: TruncatedStandardNormal)
        case logNormal(mu: Double, sigma: Double, standard: TruncatedStandardNormal)
        case triangular(low: Double, mode: Double, high: Double)
    }

    /// Builds a distribution from validated parameters (see `UnivariateDistribution+Construction`).
    init(
        family: DistributionFamily, parameters: [DistributionParameter: Double], shape: Shape,
        lowerBound: Double, upperBound: Double
    ) {
        self.family = family
        self.parameters = parameters
        self.shape = shape
        self.lowerBound = lowerBound
        self.upperBound = upperBound
        switch shape {
        case .uniform(let low, let high):
            logNormaliser = -DyadMath.log(high - low)
            mean = 0.5 * low + 0.5 * high
            standardDeviation = (high - low) / 12.0.squareRoot()
        case .logUniform(let logLow, let logHigh):
            let width = logHigh - logLow
            logNormaliser = -DyadMath.log(width)
            // E[X] = (b − a)/ln(b/a), E[X²] = (b² − a²)/(2 ln(b/a)).
            mean = (upperBound - lowerBound) / width
            let second = (upperBound - lowerBound) * (upperBound + lowerBound) / (2 * width)
            standardDeviation = max(0, second - mean * mean).squareRoot()
        case .normal(let location, let sd, let standard):
            logNormaliser = -DyadMath.log(sd) - standard.logMass
            mean = location + sd * standard.mean
            standardDeviation = sd * standard.variance.squareRoot()
        case .logNormal(let mu, let sigma, let standard):
            logNormaliser = -DyadMath.log(sigma) - standard.logMass
            // E[Xᵏ] = e^(kμ + k²σ²/2)·P(α − kσ ≤ Z ≤ β − kσ)/P(α ≤ Z ≤ β).
            func moment(_ k: Double) -> Double {
                let shifted = TruncatedStandardNormal(
                    lower: standard.lower - k * sigma,
                    upper: standard.upper - k * sigma)
                return DyadMath.exp(k * mu + 0.5 * k * k * sigma * sigma + shifted.logMass - standard.logMass)
            }
            mean = moment(1)
            let variance = moment(2) - mean * mean
            standardDeviation = variance.isNaN ? .infinity : max(0, variance).squareRoot()
        case .triangular(let low, let mode, let high):
            logNormaliser = DyadMath.log(2 / (high - low))
            mean = (low + mode + high) / 3
            let variance = (low * low + mode * mode + high * high - low * mode - low * high - mode * high) / 18
            standardDeviation = max(0, variance).squareRoot()
        }
    }

    /// ln f(x): −∞ outside [lowerBound, upperBound] (and for NaN).
    /// - uniform: −ln(b − a); log-uniform: −ln(ln b − ln a) − ln x;
    /// - normal: ln φ(z) − ln σ − ln P, z = (x − μ)/σ, P the probability of the truncation interval;
    /// - log-normal: ln φ(z) − ln σ − ln P − ln x, z = (ln x − μ)/σ;
    /// - triangular: ln(2(x − a)/((b − a)(c − a))) below the mode c, ln(2(b − x)/((b − a)(b − c))) above.
    public func logDensity(_ x: Double) -> Double {
        guard x >= lowerBound, x <= upperBound else { return -.infinity }
        switch shape {
        case .uniform:
            return logNormaliser
        case .logUniform:
            return logNormaliser - DyadMath.log(x)
        case .normal(let location, let sd, _):
            return StandardNormal.logDensity((x - location) / sd) + logNormaliser
        case .logNormal(let mu, let sigma, _):
            guard x > 0 else { return -.infinity }
            let logX = DyadMath.log(x)
            return StandardNormal.logDensity((logX - mu) / sigma) + logNormaliser - logX
        case .triangular(let low, let mode, let high):
            if x < mode || (x == mode && mode == high) {
                return logNormaliser + DyadMath.log((x - low) / (mode - low))
            }
            return logNormaliser + DyadMath.log((high - x) / (high - mode))
        }
    }

    /// f(x) = e^(ln f(x)).
    public func density(_ x: Double) -> Double {
        DyadMath.exp(logDensity(x))
    }

    /// F(x) = P(X ≤ x): 0 at and below the lower bound, 1 at and above the upper bound.
    public func cdf(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x <= lowerBound { return 0 }
        if x >= upperBound { return 1 }
        switch shape {
        case .uniform(let low, let high):
            return (x - low) / (high - low)
        case .logUniform(let logLow, let logHigh):
            return (DyadMath.log(x) - logLow) / (logHigh - logLow)
        case .normal(let location, let sd, let standard):
            return standard.cdf((x - location) / sd)
        case .logNormal(let mu, let sigma, let standard):
            return standard.cdf((DyadMath.log(x) - mu) / sigma)
        case .triangular(let low, let mode, let high):
            if x <= mode { return (x - low) * (x - low) / ((high - low) * (mode - low)) }
            return 1 - (high - x) * (high - x) / ((high - low) * (high - mode))
        }
    }

    /// 1 − F(x) = P(X > x), with full relative precision where F(x) is close to 1.
    public func complementaryCDF(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x <= lowerBound { return 1 }
        if x >= upperBound { return 0 }
        switch shape {
        case .uniform(let low, let high):
            return (high - x) / (high - low)
        case .logUniform(let logLow, let logHigh):
            return (logHigh - DyadMath.log(x)) / (logHigh - logLow)
        case .normal(let location, let sd, let standard):
            return standard.complementaryCDF((x - location) / sd)
        case .logNormal(let mu, let sigma, let standard):
            return standard.complementaryCDF((DyadMath.log(x) - mu) / sigma)
        case .triangular(let low, let mode, let high):
            if x >= mode { return (high - x) * (high - x) / ((high - low) * (high - mode)) }
            return 1 - (x - low) * (x - low) / ((high - low) * (mode - low))
        }
    }

    /// F⁻¹(p), the inverse CDF, in [lowerBound, upperBound]: the bounds at p = 0 and 1 (possibly
    /// infinite), NaN for NaN. Uniform a + p(b − a); log-uniform e^(ln a + p(ln b − ln a)); normal
    /// μ + σ·z_p and log-normal e^(μ + σ·z_p) with z_p the truncated standard-normal quantile;
    /// triangular a + √(p(b − a)(c − a)) below F(c) = (c − a)/(b − a), b − √((1 − p)(b − a)(b − c)) above.
    public func quantile(_ p: Double) -> Double {
        if p.isNaN { return p }
        if p <= 0 { return lowerBound }
        if p >= 1 { return upperBound }
        let x: Double
        switch shape {
        case .uniform(let low, let high):
            x = low + p * (high - low)
        case .logUniform(let logLow, let logHigh):
            x = DyadMath.exp(logLow + p * (logHigh - logLow))
        case .normal(let location, let sd, let standard):
            x = location + sd * standard.quantile(p)
        case .logNormal(let mu, let sigma, let standard):
            x = DyadMath.exp(mu + sigma * standard.quantile(p))
        case .triangular(let low, let mode, let high):
            x =
                p < (mode - low) / (high - low)
                ? low + (p * (high - low) * (mode - low)).squareRoot()
                : high - ((1 - p) * (high - low) * (high - mode)).squareRoot()
        }
        return min(max(x, lowerBound), upperBound)
    }

    /// The x with P(X > x) = q: the inverse of ``complementaryCDF(_:)``, precise for small q.
    public func complementaryQuantile(_ q: Double) -> Double {
        if q.isNaN { return q }
        if q <= 0 { return upperBound }
        if q >= 1 { return lowerBound }
        let x: Double
        switch shape {
        case .uniform(let low, let high):
            x = high - q * (high - low)
        case .logUniform(let logLow, let logHigh):
            x = DyadMath.exp(logHigh - q * (logHigh - logLow))
        case .normal(let location, let sd, let standard):
            x = location + sd * standard.complementaryQuantile(q)
        case .logNormal(let mu, let sigma, let standard):
            x = DyadMath.exp(mu + sigma * standard.complementaryQuantile(q))
        case .triangular(let low, let mode, let high):
            x =
                q <= (high - mode) / (high - low)
                ? high - (q * (high - low) * (high - mode)).squareRoot()
                : low + ((1 - q) * (high - low) * (mode - low)).squareRoot()
        }
        return min(max(x, lowerBound), upperBound)
    }

    /// A draw by inverse CDF: `quantile(u)` for one open uniform u ∈ (0, 1) from `stream`.
    public func sample(_ stream: inout RandomStream) -> Double {
        quantile(stream.openUniform())
    }

    /// The family and parameters as written in files, e.g. `normal(mean: 0.2, sd: 0.1, low: 0)`.
    public var description: String {
        let listed = family.allowedParameters.compactMap { parameter in
            parameters[parameter].map { "\(parameter.rawValue): \(NumberText.shortest($0))" }
        }
        return "\(family.rawValue)(\(listed.joined(separator: ", ")))"
    }
}
