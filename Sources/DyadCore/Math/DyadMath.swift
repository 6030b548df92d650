/// Elementary functions implemented in portable Swift (exp: table-driven after ARM's
/// optimized-routines; log: table-driven in the same style), so DyadCore needs no libm and its
/// results are bit-identical on every platform and C library. Accuracy: below 1 ulp over the
/// whole domain (checked against libm in tests).
public enum DyadMath {
    private static let ln2High = 6.93147180369123816490e-01
    private static let ln2Low = 1.90821492927058770002e-10
    private static let inverseLn2 = 1.44269504088896338700e+00
    /// ln 2.
    public static let ln2 = 0.6931471805599453094

    /// e^x (< 1 ulp). Table-driven: x = (k·128 + i)·ln2/128 + r with |r| ≤ ln2/256, then
    /// e^x = 2^k · 2^(i/128) · (1 + tail + r + r²/2 + r³/6 + r⁴/24 + r⁵/120); no division, no
    /// libm. Returns +inf above 709.78, 0 below −745.13, NaN for NaN.
    @inline(__always)
    public static func exp(_ x: Double) -> Double {
        guard x.magnitude < 704 else { return exponentialOutsideFastRange(x) }
        let shift = 0x1.8p52
        let shifted = x * 184.66496523378731 + shift  // x · 128/ln2, rounded to an integer
        let index = shifted.bitPattern
        let k = shifted - shift
        let r = x - k * ln2Over128High - k * ln2Over128Low
        let slot = Int(truncatingIfNeeded: index & 127) &* 2
        let scaleBits = exponentialTable[slot &+ 1] &+ (index << 45)
        let tail = Double(bitPattern: exponentialTable[slot])
        let r2 = r * r
        let polynomial = tail + r + r2 * (0.5 + r * (1.0 / 6)) + r2 * r2 * (1.0 / 24 + r * (1.0 / 120))
        let scale = Double(bitPattern: scaleBits)
        return scale + scale * polynomial
    }

    /// e^x for |x| ≥ 704 or NaN: (e^(x/2))², exact limits for overflow and underflow.
    @inline(never)
    private static func exponentialOutsideFastRange(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x > 709.782712893383973096 { return .infinity }
        if x < -745.13321910194110842 { return 0 }
        let half = exp(x / 2)
        return half * half
    }

    /// Natural logarithm (< 1 ulp). Table-driven: x = 2^k·z, z ∈ [0.6875, 1.375) in one of 128
    /// intervals with centre c; log x = k·ln2 + log c + log1p(r), r = (z − c)/c computed exactly
    /// enough from c = chi + clo, log1p by its degree-8 Taylor polynomial (|r| < 2⁻⁷); no
    /// division, no libm. log 0 = −inf, log(x < 0) = NaN, log(+inf) = +inf.
    @inline(__always)
    public static func log(_ x: Double) -> Double {
        guard x >= 0x1p-1022, x < .infinity else { return logarithmOutsideNormalRange(x) }
        let bits = x.bitPattern
        let offset = bits &- 0x3fe6_0000_0000_0000
        let slot = Int(truncatingIfNeeded: (offset >> 45) & 127) &* 4
        let k = Double(Int64(bitPattern: offset) >> 52)
        let z = Double(bitPattern: bits &- (offset & (0xfff << 52)))
        let inverseCentre = logarithmTable[slot]
        let logCentre = logarithmTable[slot &+ 1]
        let r = ((z - logarithmTable[slot &+ 2]) - logarithmTable[slot &+ 3]) * inverseCentre
        let w = k * ln2High + logCentre
        let high = w + r
        let low = (w - high) + r + k * ln2Low
        let polynomial =
            r * r
            * (-0.5 + r
                * (1.0 / 3 + r
                    * (-0.25 + r
                        * (0.2 + r
                            * (-1.0 / 6
                                + r * (1.0 / 7 - r * 0.125))))))
        return low + polynomial + high
    }

    /// log for zero, negative, subnormal, infinite and NaN arguments.
    @inline(never)
    private static func logarithmOutsideNormalRange(_ x: Double) -> Double {
        if x.isNaN || x < 0 { return .nan }
        if x == 0 { return -.infinity }
        if x == .infinity { return x }
        return log(x * 0x1p54) - 54 * ln2
    }

    /// log₂ x.
    public static func log2(_ x: Double) -> Double { log(x) * inverseLn2 }

    /// 0.5^x (= 2^−x), the decay factor of x half-lives. +inf half-lives give 0.
    public static func halfPower(_ x: Double) -> Double { exp(-x * ln2) }

}

/// clamp01(x) = min(1, max(0, x)) (docs/model.md §2.1). NaN maps to 0.
public func clamp01(_ x: Double) -> Double {
    let atLeastZero = x > 0 ? x : 0
    return atLeastZero < 1 ? atLeastZero : 1
}

/// Round half to even, the rounding docs/model.md §2.1 prescribes for integer-valued parameters.
public func roundedCount(_ x: Double) -> Int {
    Int(x.rounded(.toNearestOrEven))
}
