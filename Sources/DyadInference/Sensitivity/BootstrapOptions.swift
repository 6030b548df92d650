import DyadCore

/// How confidence intervals of sensitivity indices are bootstrapped (Efron & Tibshirani 1993),
/// as SALib does it: `resamples` times, the blocks of the design (Saltelli base samples or Morris
/// trajectories) are drawn with replacement and every index is recomputed; the interval is
/// value ± z_{(1+c)/2} · SD, SD the sample standard deviation (n − 1) of the resampled indices
/// and c the `confidenceLevel`. The draws come from a ``RandomStream`` keyed by `seed`, so the
/// same seed gives bit-identical intervals; they cannot equal SALib's, which draws with numpy.
public struct BootstrapOptions: Sendable, Equatable {
    /// Number of resamples, 2…1 000 000 (SALib's default is 100; 1000 is steadier).
    public var resamples: Int
    /// Two-sided confidence level c, strictly between 0 and 1.
    public var confidenceLevel: Double
    /// Key of the resampling stream.
    public var seed: UInt64

    public init(resamples: Int = 1000, confidenceLevel: Double = 0.95, seed: UInt64) {
        self.resamples = resamples
        self.confidenceLevel = confidenceLevel
        self.seed = seed
    }

    /// Throws ``SensitivityError/bootstrap(_:)`` unless 2 ≤ resamples ≤ 1 000 000 and 0 < c < 1.
    public func validate() throws {
        guard (2...1_000_000).contains(resamples) else {
            throw SensitivityError.bootstrap("\(resamples) bootstrap resamples (allowed 2...1000000)")
        }
        guard confidenceLevel > 0, confidenceLevel < 1 else {
            throw SensitivityError.bootstrap("confidence level \(confidenceLevel) (allowed strictly between 0 and 1)")
        }
    }

    /// z_{(1+c)/2}, the half-width of the interval in standard deviations (1.959963984540054 for
    /// c = 0.95), as SALib's `norm.ppf(0.5 + conf_level / 2)`.
    public var criticalValue: Double { Self.normalQuantile(0.5 + confidenceLevel / 2) }

    /// Draws the indices of one resample: `count` block indices uniform in 0..<`count`
    /// (Lemire's multiply-high; bias below count/2⁶⁴).
    static func draw(into sample: inout [Int], count: Int, random: inout RandomStream) {
        for slot in 0..<count {
            sample[slot] = Int(truncatingIfNeeded: random.next().multipliedFullWidth(by: UInt64(count)).high)
        }
    }

    /// Φ⁻¹(p) for 0 < p < 1 by Wichura's algorithm AS 241 (PPND16, Applied Statistics 37:477,
    /// 1988): a ratio of degree-7 polynomials in three ranges, relative error about 1e-16.
    static func normalQuantile(_ p: Double) -> Double {
        guard p > 0, p < 1 else { return p == 0 ? -.infinity : (p == 1 ? .infinity : .nan) }
        let q = p - 0.5
        if abs(q) <= 0.425 {
            let r = 0.180625 - q * q
            return q * horner(centralNumerator, r) / horner(centralDenominator, r)
        }
        let r = (-DyadMath.log(q < 0 ? p : 1 - p)).squareRoot()
        let value = r <= 5
            ? horner(intermediateNumerator, r - 1.6) / horner(intermediateDenominator, r - 1.6)
            : horner(tailNumerator, r - 5) / horner(tailDenominator, r - 5)
        return q < 0 ? -value : value
    }

    /// Σ c_i x^i with coefficients from c_0.
    private static func horner(_ coefficients: [Double], _ x: Double) -> Double {
        coefficients.reversed().reduce(0) { $0 * x + $1 }
    }

    // AS 241 coefficients, constant term first (a, b; c, d; e, f in Wichura's notation).
    private static let centralNumerator = [
        3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125,
        45921.953931549871457, 67265.770927008700853, 33430.575583588128105, 2509.0809287301226727,
    ]
    private static let centralDenominator = [
        1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077,
        21213.794301586595867, 39307.89580009271061, 28729.085735721942674, 5226.495278852545925,
    ]
    private static let intermediateNumerator = [
        1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504,
        1.27045825245236838258, 0.24178072517745061177, 0.0227238449892691845833, 7.7454501427834140764e-4,
    ]
    private static let intermediateDenominator = [
        1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455,
        0.14810397642748007459, 0.0151986665636164571966, 5.475938084995344946e-4, 1.05075007164441684324e-9,
    ]
    private static let tailNumerator = [
        6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123,
        0.026532189526576123093, 0.0012426609473880784386, 2.71155556874348757815e-5, 2.01033439929228813265e-7,
    ]
    private static let tailDenominator = [
        1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525,
        7.868691311456132591e-4, 1.8463183175100546818e-5, 1.4215117583164458887e-7, 2.04426310338993978564e-15,
    ]
}
