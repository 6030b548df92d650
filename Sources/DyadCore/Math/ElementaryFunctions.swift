/// Elementary functions implemented in portable Swift (after FreeBSD/Sun fdlibm `e_exp.c`,
/// `e_log.c`), so DyadCore needs no libm and its results are bit-identical on every platform
/// and C library. Accuracy: below 1 ulp over the whole domain (checked against libm in tests).
public enum DyadMath {
    private static let ln2High = 6.93147180369123816490e-01
    private static let ln2Low = 1.90821492927058770002e-10
    private static let inverseLn2 = 1.44269504088896338700e+00
    /// ln 2.
    public static let ln2 = 0.6931471805599453094

    /// e^x. Returns +inf above 709.78, 0 below −745.13, NaN for NaN.
    public static func exp(_ x: Double) -> Double {
        if !(x > -745.13321910194110842) {
            return x.isNaN ? x : 0
        }
        if x > 709.782712893383973096 { return .infinity }
        if x.magnitude < 0x1p-28 { return 1 + x }
        let k = (x * inverseLn2).rounded(.toNearestOrAwayFromZero)
        let high = x - k * ln2High
        let low = k * ln2Low
        let r = high - low
        let r2 = r * r
        let c = r - r2 * (1.66666666666666019037e-01 + r2 * (-2.77777777770155933842e-03
            + r2 * (6.61375632143793436117e-05 + r2 * (-1.65339022054652515390e-06
            + r2 * 4.13813679705723846039e-08))))
        let y = 1 - ((low - (r * c) / (2 - c)) - high)
        return scaleByPowerOfTwo(y, Int(k))
    }

    /// Natural logarithm. log(0) = −inf, log(x < 0) = NaN, log(+inf) = +inf.
    public static func log(_ x: Double) -> Double {
        var value = x
        var exponentAdjust = 0
        if !(value > 0) {
            if value == 0 { return -.infinity }
            return .nan
        }
        if value == .infinity || value.isNaN { return value }
        if value < 0x1p-1022 {  // subnormal: scale into the normal range
            value *= 0x1p54
            exponentAdjust = -54
        }
        let bits = value.bitPattern
        var k = Int((bits >> 52) & 0x7ff) - 1023 + exponentAdjust
        let highMantissa = UInt32(truncatingIfNeeded: bits >> 32) & 0x000f_ffff
        let i = (highMantissa &+ 0x95f64) & 0x10_0000
        // Normalise the significand into [sqrt(2)/2, sqrt(2)).
        let newHigh = UInt64(highMantissa | (i ^ 0x3ff0_0000))
        let normalised = Double(bitPattern: (newHigh << 32) | (bits & 0xffff_ffff))
        k += Int(i >> 20)
        let f = normalised - 1
        let dk = Double(k)
        let s = f / (2 + f)
        let z = s * s
        let w = z * z
        let t1 = w * (3.999999999940941908e-01 + w * (2.222219843214978396e-01 + w * 1.531383769920937332e-01))
        let t2 = z * (6.666666666666735130e-01 + z * (2.857142874366239149e-01
            + z * (1.818357216161805012e-01 + z * 1.479819860511658591e-01)))
        let r = t2 + t1
        let hx = Int32(bitPattern: UInt32(newHigh & 0x000f_ffff))
        let branch = (hx - 0x6147a) | (0x6b851 - hx)
        if branch > 0 {
            let halfSquare = 0.5 * f * f
            return dk * ln2High - ((halfSquare - (s * (halfSquare + r) + dk * ln2Low)) - f)
        }
        return dk * ln2High - ((s * (f - r) - dk * ln2Low) - f)
    }

    /// log₂ x.
    public static func log2(_ x: Double) -> Double { log(x) * inverseLn2 }

    /// 0.5^x (= 2^−x), the decay factor of x half-lives. +inf half-lives give 0.
    public static func halfPower(_ x: Double) -> Double { exp(-x * ln2) }

    /// y · 2^k for a finite y near 1 (|k| ≤ 1100), correct into the subnormal range.
    @inline(__always)
    static func scaleByPowerOfTwo(_ y: Double, _ k: Int) -> Double {
        if k >= -1021 && k <= 1023 {
            return y * Double(bitPattern: UInt64(1023 + k) << 52)
        }
        if k > 1023 {
            return y * 0x1p1023 * Double(bitPattern: UInt64(1023 + (k - 1023)) << 52)
        }
        return y * 0x1p-1000 * Double(bitPattern: UInt64(1023 + (k + 1000)) << 52)
    }
}

/// clamp01(x) = min(1, max(0, x)) (MODEL.md §0). NaN maps to 0.
@inline(__always)
public func clamp01(_ x: Double) -> Double {
    x > 0 ? (x < 1 ? x : 1) : 0
}

/// Round half to even, the rounding MODEL.md §0 prescribes for integer-valued parameters.
@inline(__always)
public func roundedCount(_ x: Double) -> Int {
    Int(x.rounded(.toNearestOrEven))
}
