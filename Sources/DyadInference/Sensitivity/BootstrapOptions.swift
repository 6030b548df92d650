import DyadCore
import DyadExperiment

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

    /// Options with `resamples` resamples at level `confidenceLevel`, drawn from the stream keyed by `seed`.
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
    /// c = 0.95), as SALib's `norm.ppf(0.5 + conf_level / 2)` (``StandardNormal/quantile(_:)``).
    public var criticalValue: Double { StandardNormal.quantile(0.5 + confidenceLevel / 2) }

    /// Draws the indices of one resample: `count` block indices uniform in 0..<`count`
    /// (Lemire's multiply-high; bias below count/2⁶⁴).
    static func draw(into sample: inout [Int], count: Int, random: inout RandomStream) {
        for slot in 0..<count {
            sample[slot] = Int(truncatingIfNeeded: random.next().multipliedFullWidth(by: UInt64(count)).high)
        }
    }
}
