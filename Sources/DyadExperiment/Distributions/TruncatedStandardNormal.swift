import DyadCore

/// Z ~ N(0, 1) conditioned on α ≤ Z ≤ β (α < β; either may be infinite), computed so that an interval
/// far in a tail (e.g. [37, 38] or [−1000, −999]) keeps full precision: no NaN, no zero mass.
///
/// Three regimes: an interval around 0 (α < 0 < β) works with Φ(α), Φᶜ(β) and Φ − ½; an upper-tail
/// interval (α ≥ 0) works with ratios of Φᶜ in log space, Φᶜ(z)/Φᶜ(α) = e^(ln Φᶜ(z) − ln Φᶜ(α)); a
/// lower-tail interval (β ≤ 0) is the reflection of an upper-tail one (Z ↦ −Z).
struct TruncatedStandardNormal: Sendable, Hashable {
    /// α, the lower bound on the standard scale.
    let lower: Double
    /// β, the upper bound on the standard scale.
    let upper: Double
    /// ln P(α ≤ Z ≤ β).
    let logMass: Double
    private let regime: Regime

    private enum Regime: Sendable, Hashable {
        /// α < 0 < β: Φ(α), Φᶜ(β), ½ − Φ(α) and Φ(β) − ½.
        case centre(lowerMass: Double, upperMass: Double, lowerHalf: Double, upperHalf: Double)
        /// α ≥ 0.
        case upperTail(UpperTail)
        /// β ≤ 0, stored as the upper tail of −Z on [−β, −α].
        case lowerTail(UpperTail)
    }

    init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
        if lower >= 0 {
            regime = .upperTail(UpperTail(a: lower, b: upper))
        } else if upper <= 0 {
            regime = .lowerTail(UpperTail(a: -upper, b: -lower))
        } else {
            regime = .centre(
                lowerMass: StandardNormal.cdf(lower), upperMass: StandardNormal.complementaryCDF(upper),
                lowerHalf: StandardNormal.halfDeviation(-lower),
                upperHalf: StandardNormal.halfDeviation(upper))
        }
        switch regime {
        case .centre(_, _, let lowerHalf, let upperHalf): logMass = DyadMath.log(lowerHalf + upperHalf)
        case .upperTail(let tail), .lowerTail(let tail): logMass = tail.logMass
        }
    }

    /// ln of the density at z ∈ [α, β] (the caller checks the support): ln φ(z) − ln P(α ≤ Z ≤ β).
    func logDensityInside(_ z: Double) -> Double {
        StandardNormal.logDensity(z) - logMass
    }

    /// P(Z ≤ z | α ≤ Z ≤ β).
    func cdf(_ z: Double) -> Double {
        if z.isNaN { return z }
        if z <= lower { return 0 }
        if z >= upper { return 1 }
        switch regime {
        case .centre(let lowerMass, _, let lowerHalf, let upperHalf):
            let mass = lowerHalf + upperHalf
            if z <= 0 { return (StandardNormal.cdf(z) - lowerMass) / mass }
            return (StandardNormal.halfDeviation(z) + lowerHalf) / mass
        case .upperTail(let tail): return tail.cdf(z)
        case .lowerTail(let tail): return tail.complementaryCDF(-z)
        }
    }

    /// P(Z > z | α ≤ Z ≤ β), precise where the CDF is close to 1.
    func complementaryCDF(_ z: Double) -> Double {
        if z.isNaN { return z }
        if z <= lower { return 1 }
        if z >= upper { return 0 }
        switch regime {
        case .centre(_, let upperMass, let lowerHalf, let upperHalf):
            let mass = lowerHalf + upperHalf
            if z >= 0 { return (StandardNormal.complementaryCDF(z) - upperMass) / mass }
            return (StandardNormal.halfDeviation(-z) + upperHalf) / mass
        case .upperTail(let tail): return tail.complementaryCDF(z)
        case .lowerTail(let tail): return tail.cdf(-z)
        }
    }

    /// The z ∈ [α, β] with P(Z ≤ z | α ≤ Z ≤ β) = p, for p ∈ [0, 1].
    func quantile(_ p: Double) -> Double {
        if p.isNaN { return p }
        if p <= 0 { return lower }
        if p >= 1 { return upper }
        let z: Double
        switch regime {
        case .centre(let lowerMass, let upperMass, let lowerHalf, let upperHalf):
            let mass = lowerHalf + upperHalf
            let below = lowerMass + p * mass
            z =
                below <= 0.5
                ? StandardNormal.quantile(below)
                : -StandardNormal.quantile(upperMass + (1 - p) * mass)
        case .upperTail(let tail): z = tail.quantile(p)
        case .lowerTail(let tail): z = -tail.complementaryQuantile(p)
        }
        return min(max(z, lower), upper)
    }

    /// The z ∈ [α, β] with P(Z > z | α ≤ Z ≤ β) = q, for q ∈ [0, 1].
    func complementaryQuantile(_ q: Double) -> Double {
        if q.isNaN { return q }
        if q <= 0 { return upper }
        if q >= 1 { return lower }
        let z: Double
        switch regime {
        case .centre(let lowerMass, let upperMass, let lowerHalf, let upperHalf):
            let mass = lowerHalf + upperHalf
            let above = upperMass + q * mass
            z =
                above <= 0.5
                ? -StandardNormal.quantile(above)
                : StandardNormal.quantile(lowerMass + (1 - q) * mass)
        case .upperTail(let tail): z = tail.complementaryQuantile(q)
        case .lowerTail(let tail): z = -tail.quantile(q)
        }
        return min(max(z, lower), upper)
    }

    /// E[Z | α ≤ Z ≤ β] = (φ(α) − φ(β))/P(α ≤ Z ≤ β).
    var mean: Double {
        switch regime {
        case .centre(_, _, let lowerHalf, let upperHalf):
            return (StandardNormal.density(lower) - StandardNormal.density(upper)) / (lowerHalf + upperHalf)
        case .upperTail(let tail): return tail.mean
        case .lowerTail(let tail): return -tail.mean
        }
    }

    /// Var[Z | α ≤ Z ≤ β] = 1 + (αφ(α) − βφ(β))/P − mean² (P the mass), at least 0; far in a tail by
    /// quadrature (see `UpperTail.variance`).
    var variance: Double {
        switch regime {
        case .centre(_, _, let lowerHalf, let upperHalf):
            let mass = lowerHalf + upperHalf
            let m = mean
            let moment = (Self.boundTerm(lower) - Self.boundTerm(upper)) / mass
            return max(0, 1 + moment - m * m)
        case .upperTail(let tail), .lowerTail(let tail):
            return tail.variance
        }
    }

    /// x·φ(x), 0 at ±∞.
    private static func boundTerm(_ x: Double) -> Double {
        x.isFinite ? x * StandardNormal.density(x) : 0
    }
}

/// Z ~ N(0, 1) on [a, b] with 0 ≤ a < b ≤ ∞, in terms of Φᶜ ratios: with Δ = ln(Φᶜ(b)/Φᶜ(a)) and
/// r = e^Δ, P(Z ≤ z | ·) = (1 − Φᶜ(z)/Φᶜ(a))/(1 − r).
fileprivate struct UpperTail: Sendable, Hashable {
    let a: Double
    let b: Double
    /// ln Φᶜ(a).
    let logTailAtA: Double
    /// Δ = ln(Φᶜ(b)/Φᶜ(a)) ≤ 0 (−∞ for b = ∞).
    let logRatio: Double
    /// r = Φᶜ(b)/Φᶜ(a).
    let ratio: Double
    /// 1 − r, from −expm1(Δ).
    let oneMinusRatio: Double

    init(a: Double, b: Double) {
        self.a = a
        self.b = b
        logTailAtA = StandardNormal.logComplementaryCDF(a)
        logRatio = StandardNormal.logTailRatio(b, a)
        ratio = DyadMath.exp(logRatio)
        oneMinusRatio = -PrecisionMath.expMinusOne(logRatio)
    }

    /// ln P(a ≤ Z ≤ b) = ln Φᶜ(a) + ln(1 − r).
    var logMass: Double { logTailAtA + DyadMath.log(oneMinusRatio) }

    /// (1 − Φᶜ(z)/Φᶜ(a))/(1 − r) for z ∈ (a, b).
    func cdf(_ z: Double) -> Double {
        -PrecisionMath.expMinusOne(StandardNormal.logTailRatio(z, a)) / oneMinusRatio
    }

    /// (Φᶜ(z) − Φᶜ(b))/(Φᶜ(a) − Φᶜ(b)) = r·(Φᶜ(z)/Φᶜ(b) − 1)/(1 − r) for z ∈ (a, b).
    func complementaryCDF(_ z: Double) -> Double {
        if b == .infinity { return DyadMath.exp(StandardNormal.logTailRatio(z, a)) }
        let aboveB = -StandardNormal.logTailRatio(b, z)  // ln(Φᶜ(z)/Φᶜ(b)) ≥ 0
        return DyadMath.exp(logRatio + PrecisionMath.logExpMinusOne(aboveB)) / oneMinusRatio
    }

    /// Solves Φᶜ(z)/Φᶜ(a) = 1 − p(1 − r) = (1 − p) + p·r in log space.
    func quantile(_ p: Double) -> Double {
        let logShare =
            p < 0.5
            ? PrecisionMath.logOnePlus(-p * oneMinusRatio)
            : DyadMath.log((1 - p) + p * ratio)
        return Self.inverseLogTail(logTailAtA + logShare)
    }

    /// Solves Φᶜ(z)/Φᶜ(a) = r + q(1 − r) = 1 − (1 − q)(1 − r) in log space.
    func complementaryQuantile(_ q: Double) -> Double {
        let logShare =
            q > 0.5
            ? PrecisionMath.logOnePlus(-(1 - q) * oneMinusRatio)
            : DyadMath.log(ratio + q * oneMinusRatio)
        return Self.inverseLogTail(logTailAtA + logShare)
    }

    /// The z with ln Φᶜ(z) = L, i.e. ln Φ(−z) = L.
    private static func inverseLogTail(_ logTail: Double) -> Double {
        -StandardNormal.quantile(logProbability: min(logTail, 0))
    }

    /// e^(−(b − a)(b + a)/2) = φ(b)/φ(a) (0 for b = ∞).
    private var densityRatio: Double {
        b == .infinity ? 0 : DyadMath.exp(-0.5 * (b - a) * (b + a))
    }

    /// E[Z | a ≤ Z ≤ b] = λ(a)·(1 − φ(b)/φ(a))/(1 − r), with λ(a) = φ(a)/Φᶜ(a) the hazard.
    var mean: Double {
        let drop = b == .infinity ? 1 : -PrecisionMath.expMinusOne(-0.5 * (b - a) * (b + a))
        return StandardNormal.hazard(a) * drop / oneMinusRatio
    }

    /// Var[Z | a ≤ Z ≤ b] = 1 + λ(a)·(a − b·φ(b)/φ(a))/(1 − r) − mean², at least 0, for a ≤ 8. Beyond,
    /// where the terms cancel (relative error ∝ a⁴·2⁻⁵³), the variance of t = Z − a with density
    /// ∝ e^(−at − t²/2) on [0, min(b − a, 40/a)] by Simpson's rule (20,000 intervals; about 1e-12).
    var variance: Double {
        if a > 8 { return shiftedVariance }
        let boundTerm = b == .infinity ? a : a - b * densityRatio
        let m = mean
        return max(0, 1 + StandardNormal.hazard(a) * boundTerm / oneMinusRatio - m * m)
    }

    private var shiftedVariance: Double {
        let intervals = 20_000
        let step = min(b - a, 40 / a) / Double(intervals)
        var mass = 0.0, first = 0.0, second = 0.0
        for index in 0...intervals {
            let weight = index == 0 || index == intervals ? 1.0 : (index % 2 == 1 ? 4.0 : 2.0)
            let t = Double(index) * step
            let density = weight * DyadMath.exp(-t * (a + 0.5 * t))
            mass += density
            first += density * t
            second += density * t * t
        }
        let mean = first / mass
        return max(0, second / mass - mean * mean)
    }
}
