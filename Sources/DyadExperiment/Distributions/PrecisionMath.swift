import DyadCore

/// ln(1 + x) and eˣ − 1 without cancellation near 0, from `DyadMath.log`/`exp` by W. Kahan's
/// compensation tricks (a few ulps; "What every computer scientist should know about floating-point
/// arithmetic", Goldberg 1991, Theorem 4), so they are as portable as `DyadMath`.
enum PrecisionMath {
    /// ln(1 + x): with u = 1 ⊕ x, ln(1 + x) = ln(u)·x/(u − 1) (exact when u = 1: the result is x).
    static func logOnePlus(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x < -1 { return .nan }
        if x == .infinity { return x }
        let u = 1 + x
        if u == 1 { return x }
        return DyadMath.log(u) * (x / (u - 1))
    }

    /// eˣ − 1: for |x| < ½, with u = eˣ, (u − 1)·x/ln(u); otherwise eˣ − 1 directly.
    static func expMinusOne(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x.magnitude >= 0.5 { return DyadMath.exp(x) - 1 }
        let u = DyadMath.exp(x)
        if u == 1 { return x }
        return (u - 1) * (x / DyadMath.log(u))
    }

    /// ln(eᵘ − 1) for u ≥ 0 (−∞ at 0, u itself once e⁻ᵘ is below the rounding of u).
    static func logExpMinusOne(_ u: Double) -> Double {
        if u > 40 { return u + logOnePlus(-DyadMath.exp(-u)) }
        return DyadMath.log(expMinusOne(u))
    }
}
