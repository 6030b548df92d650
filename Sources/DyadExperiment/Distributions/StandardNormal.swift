import DyadCore

/// The standard normal distribution N(0, 1), computed portably (only `DyadMath.exp`/`log` and IEEE
/// arithmetic, so results are the same bits on every platform and C library).
///
/// - Φ(x) and Φᶜ(x) = 1 − Φ(x) = Φ(−x): W. J. Cody's rational Chebyshev approximations (Cody 1969,
///   "Rational Chebyshev approximations for the error function", Math. Comp. 23; the ANORM routine of
///   TOMS 715) with x² split into an exact part, so both tails keep full relative precision
///   (about 1e-15) down to the underflow limit, Φ(−38.4) ≈ 1e-323; `logCDF` has no limit.
/// - Φ⁻¹(p): M. J. Wichura's AS 241 (PPND16, Applied Statistics 37, 1988; relative error about
///   1e-16) from r = √(−ln min(p, 1 − p)); in the tails one Newton step on ln Φ, and beyond the
///   range of AS 241 (ln p < −729) Newton iterations from the asymptotic expansion.
public enum StandardNormal {
    /// 1/√(2π).
    static let inverseSquareRootTwoPi = 0.398942280401432677939946059934
    /// ln √(2π).
    static let logSquareRootTwoPi = 0.918938533204672741780329736406
    /// |x| up to which Φ(x) − ½ comes from Cody's first (central) approximation; Φ(0.67449) ≈ 0.75.
    static let centralLimit = 0.67448975
    /// √32, where Cody's second approximation hands over to the asymptotic one.
    private static let squareRootOf32 = 5.656854249492380195206754896838

    /// φ(x) = e^(−x²/2)/√(2π); x² is split as x₁² + (x − x₁)(x + x₁) with x₁ = x rounded to 1/65536,
    /// so the result keeps full relative precision in the tails.
    public static func density(_ x: Double) -> Double {
        if x.isNaN { return x }
        guard x.magnitude < 64 else { return 0 }  // φ(38.6) is already below the smallest double
        let head = (x * 65536).rounded(.towardZero) / 65536
        let tail = x - head
        return inverseSquareRootTwoPi * (DyadMath.exp(-0.5 * head * head) * DyadMath.exp((-0.5 * tail - head) * tail))
    }

    /// ln φ(x) = −x²/2 − ln √(2π).
    public static func logDensity(_ x: Double) -> Double {
        -0.5 * x * x - logSquareRootTwoPi
    }

    /// Φ(x) = P(Z ≤ x), relative error about 1e-15 for every x (0 below −38.4, where Φ underflows).
    public static func cdf(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x.magnitude <= centralLimit { return 0.5 + centralDeviation(x) }
        let tail = lowerTail(x.magnitude).value
        return x < 0 ? tail : 1 - tail
    }

    /// Φᶜ(x) = P(Z > x) = Φ(−x), with full relative precision in the upper tail.
    public static func complementaryCDF(_ x: Double) -> Double {
        cdf(-x)
    }

    /// ln Φ(x), finite for every finite x (about −x²/2 − ln(−x√(2π)) far in the lower tail).
    public static func logCDF(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x < -centralLimit { return lowerTail(-x).logValue }
        if x <= centralLimit { return DyadMath.log(0.5 + centralDeviation(x)) }
        return PrecisionMath.logOnePlus(-lowerTail(x).value)
    }

    /// ln Φᶜ(x) = ln Φ(−x).
    public static func logComplementaryCDF(_ x: Double) -> Double {
        logCDF(-x)
    }

    /// The hazard (inverse Mills ratio) φ(x)/Φᶜ(x), computed without underflow for large x
    /// (it grows like x + 1/x); 0 at −∞, +∞ at +∞.
    public static func hazard(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x > centralLimit {
            if x == .infinity { return .infinity }
            // Φᶜ(x) = e^(−x²/2)·factor exactly as φ(x) = e^(−x²/2)/√(2π), so the exponentials cancel.
            return inverseSquareRootTwoPi / lowerTail(x).factor
        }
        return density(x) / complementaryCDF(x)
    }

    /// Φ⁻¹(p), the p-quantile: −∞ at 0, +∞ at 1, NaN outside [0, 1]. Relative error about 1e-15.
    public static func quantile(_ p: Double) -> Double {
        guard p >= 0, p <= 1 else { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        let q = p - 0.5
        if q.magnitude <= 0.425 { return centralQuantile(q) }
        if p < 0.5 { return lowerTailQuantile(logProbability: DyadMath.log(p)) }
        return -lowerTailQuantile(logProbability: DyadMath.log(1 - p))  // 1 − p is exact for p ≥ ½
    }

    /// The x with ln Φ(x) = `logProbability` (≤ 0): the quantile for probabilities far below the
    /// smallest double, e.g. ln p = −10⁴ gives x ≈ −141.4. NaN for positive or NaN arguments.
    public static func quantile(logProbability: Double) -> Double {
        guard logProbability <= 0 else { return .nan }
        if logProbability == 0 { return .infinity }
        if logProbability == -.infinity { return -.infinity }
        if logProbability < -2.5902671654458267 {  // ln 0.075
            return lowerTailQuantile(logProbability: logProbability)
        }
        let p = DyadMath.exp(logProbability)
        if p <= 0.925 { return centralQuantile(p - 0.5) }
        let upper = -PrecisionMath.expMinusOne(logProbability)  // 1 − p without cancellation
        return -lowerTailQuantile(logProbability: DyadMath.log(upper))
    }

    /// Φ(x) − ½ for x ≥ 0 without cancellation (½·erf(x/√2)); used for intervals around the mean.
    static func halfDeviation(_ x: Double) -> Double {
        if x <= centralLimit { return centralDeviation(x) }
        return 0.5 - lowerTail(x).value
    }

    /// ln(Φᶜ(b)/Φᶜ(a)) for 0 ≤ a ≤ b, with no cancellation when b is close to a far in the tail:
    /// beyond 0.67449, Φᶜ(x) = e^(−x²/2)·R(x), so the ratio is −(b − a)(b + a)/2 + ln(R(b)/R(a)).
    static func logTailRatio(_ b: Double, _ a: Double) -> Double {
        if b == .infinity { return -.infinity }
        if a > centralLimit {
            return -0.5 * (b - a) * (b + a) + DyadMath.log(lowerTail(b).factor / lowerTail(a).factor)
        }
        return logComplementaryCDF(b) - logComplementaryCDF(a)
    }

    // MARK: - Cody's approximations

    /// Φ(x) − ½ for |x| ≤ 0.67449: x·P(x²)/Q(x²) (Cody's first interval).
    private static func centralDeviation(_ x: Double) -> Double {
        var numerator = 0.0
        var denominator = 0.0
        if x.magnitude > 0x1p-53 {
            let square = x * x
            numerator = 0.065682337918207449113 * square
            denominator = square
            numerator = (numerator + 2.2352520354606839287) * square
            denominator = (denominator + 47.20258190468824187) * square
            numerator = (numerator + 161.02823106855587881) * square
            denominator = (denominator + 976.09855173777669322) * square
            numerator = (numerator + 1067.6894854603709582) * square
            denominator = (denominator + 10260.932208618978205) * square
        }
        return x * (numerator + 18154.981253343561249) / (denominator + 45507.789335026729956)
    }

    /// Φ(−y) for y > 0.67449 as e^(big)·e^(small)·factor, where big + small = −y²/2 exactly
    /// (big = −y₁²/2 with y₁ = y truncated to 1/16, small = −(y − y₁)(y + y₁)/2).
    private struct TailParts {
        let big: Double
        let small: Double
        let factor: Double

        var value: Double { DyadMath.exp(big) * (DyadMath.exp(small) * factor) }
        var logValue: Double { big + small + DyadMath.log(factor) }
    }

    private static func lowerTail(_ y: Double) -> TailParts {
        if y == .infinity { return TailParts(big: -.infinity, small: 0, factor: 0) }
        let factor: Double
        if y <= squareRootOf32 {
            // Cody's second interval: Φ(−y)·e^(y²/2) = P(y)/Q(y).
            var numerator = 1.0765576773720192317e-8 * y
            var denominator = y
            numerator = (numerator + 0.39894151208813466764) * y
            denominator = (denominator + 22.266688044328115691) * y
            numerator = (numerator + 8.8831497943883759412) * y
            denominator = (denominator + 235.38790178262499861) * y
            numerator = (numerator + 93.506656132177855979) * y
            denominator = (denominator + 1519.377599407554805) * y
            numerator = (numerator + 597.27027639480026226) * y
            denominator = (denominator + 6485.558298266760755) * y
            numerator = (numerator + 2494.5375852903726711) * y
            denominator = (denominator + 18615.571640885098091) * y
            numerator = (numerator + 6848.1904505362823326) * y
            denominator = (denominator + 34900.952721145977266) * y
            numerator = (numerator + 11602.651437647350124) * y
            denominator = (denominator + 38912.003286093271411) * y
            factor = (numerator + 9842.7148383839780218) / (denominator + 19685.429676859990727)
        } else {
            // Cody's third interval: Φ(−y)·e^(y²/2) = (1/√(2π) − w·P(w)/Q(w))/y with w = 1/y².
            let w = 1 / (y * y)
            var numerator = 0.02307344176494017303 * w
            var denominator = w
            numerator = (numerator + 0.21589853405795699) * w
            denominator = (denominator + 1.28426009614491121) * w
            numerator = (numerator + 0.1274011611602473639) * w
            denominator = (denominator + 0.468238212480865118) * w
            numerator = (numerator + 0.022235277870649807) * w
            denominator = (denominator + 0.0659881378689285515) * w
            numerator = (numerator + 0.001421619193227893466) * w
            denominator = (denominator + 0.00378239633202758244) * w
            let correction = w * (numerator + 2.9112874951168792e-5) / (denominator + 7.29751555083966205e-5)
            factor = (inverseSquareRootTwoPi - correction) / y
        }
        let head = (y * 16).rounded(.towardZero) / 16
        let difference = (y - head) * (y + head)
        return TailParts(big: -0.5 * head * head, small: -0.5 * difference, factor: factor)
    }

    // MARK: - Wichura's AS 241

    /// Φ⁻¹(½ + q) for |q| ≤ 0.425: q·A(r)/B(r) with r = 0.180625 − q².
    private static func centralQuantile(_ q: Double) -> Double {
        let r = 0.180625 - q * q
        let numerator =
            (((((((2509.0809287301226727 * r + 33430.575583588128105) * r
                + 67265.770927008700853) * r + 45921.953931549871457) * r + 13731.693765509461125) * r
                + 1971.5909503065514427) * r + 133.14166789178437745) * r + 3.387132872796366608)
        let denominator =
            (((((((5226.495278852854561 * r + 28729.085735721942674) * r
                + 39307.89580009271061) * r + 21213.794301586595867) * r + 5394.1960214247511077) * r
                + 687.1870074920579083) * r + 42.313330701600911252) * r + 1)
        return q * numerator / denominator
    }

    /// The x < 0 with ln Φ(x) = L for L ≤ ln 0.075: AS 241's tail approximations in r = √(−L)
    /// (r ≤ 27), then Newton steps x ← x − (ln Φ(x) − L)·Φ(x)/φ(x) on the concave ln Φ.
    private static func lowerTailQuantile(logProbability: Double) -> Double {
        let r = (-logProbability).squareRoot()
        var x: Double
        var steps: Int
        if r <= 5 {
            let s = r - 1.6
            let numerator =
                (((((((7.7454501427834140764e-4 * s + 0.0227238449892691845833) * s
                    + 0.24178072517745061177) * s + 1.27045825245236838258) * s + 3.64784832476320460504) * s
                    + 5.7694972214606914055) * s + 4.6303378461565452959) * s + 1.42343711074968357734)
            let denominator =
                (((((((1.05075007164441684324e-9 * s + 5.475938084995344946e-4) * s
                    + 0.0151986665636164571966) * s + 0.14810397642748007459) * s + 0.68976733498510000455) * s
                    + 1.6763848301838038494) * s + 2.05319162663775882187) * s + 1)
            x = -numerator / denominator
            steps = 1
        } else if r <= 27 {
            let s = r - 5
            let numerator =
                (((((((2.01033439929228813265e-7 * s + 2.71155556874348757815e-5) * s
                    + 0.0012426609473880784386) * s + 0.026532189526576123093) * s + 0.29656057182850489123) * s
                    + 1.7848265399172913358) * s + 5.4637849111641143699) * s + 6.6579046435011037772)
            let denominator =
                (((((((2.04426310338993978564e-15 * s + 1.4215117583164458887e-7) * s
                    + 1.8463183175100546818e-5) * s + 7.868691311456132591e-4) * s + 0.0148753612908506148525) * s
                    + 0.13692988092273580531) * s + 0.59983220655588793769) * s + 1)
            x = -numerator / denominator
            steps = 1
        } else {
            // ln Φ(x) ≈ −x²/2 − ln(−x) − ln √(2π): two fixed-point steps for t = −x.
            let twiceMinusL = -2 * logProbability
            var t = twiceMinusL.squareRoot()
            for _ in 0..<2 {
                t = (twiceMinusL - 2 * DyadMath.log(t) - 2 * logSquareRootTwoPi).squareRoot()
            }
            x = -t
            steps = 8
        }
        for _ in 0..<steps {
            let step = (logCDF(x) - logProbability) / hazard(-x)
            guard step.isFinite else { break }
            x -= step
            if step.magnitude <= 0x1p-52 * x.magnitude { break }
        }
        return x
    }
}
