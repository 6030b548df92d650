import DyadExperiment
import Foundation

/// Small descriptive statistics for the figures.
enum ReportStatistics {
    /// Mean of the finite values with a two-sided 95 % Student-t interval (n − 1 df); the
    /// interval is NaN with fewer than two values.
    static func meanInterval(_ values: [Double]) -> (mean: Double, low: Double, high: Double, count: Int) {
        let moments = Moments(of: values.filter(\.isFinite))
        let interval = moments.confidenceInterval95
        return (moments.meanOrMissing, interval.low, interval.high, moments.count)
    }

    /// The p-quantile of ascending `sorted` values (type 7, the R default).
    static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        Quantile.type7(sorted: sorted, p)
    }

    /// Box summary of the finite values: quartiles, median, whiskers at the 5th and 95th
    /// percentiles, and the mean; nil without values.
    static func box(_ values: [Double], position: Double) -> BoxSummary? {
        let sorted = values.filter(\.isFinite).sorted()
        guard !sorted.isEmpty else { return nil }
        return BoxSummary(
            position: position, whiskerLow: quantile(sorted, 0.05), lowerQuartile: quantile(sorted, 0.25),
            median: quantile(sorted, 0.5), upperQuartile: quantile(sorted, 0.75), whiskerHigh: quantile(sorted, 0.95),
            mean: sorted.reduce(0, +) / Double(sorted.count))
    }

    /// Centred moving average over `window` (odd) neighbouring values, NaN skipped; NaN where the
    /// window holds no value. Near the ends the window is truncated.
    static func movingAverage(_ values: [Double], window: Int) -> [Double] {
        let half = window / 2
        return values.indices.map { index in
            let slice = values[max(0, index - half)...min(values.count - 1, index + half)].filter(\.isFinite)
            return slice.isEmpty ? .nan : slice.reduce(0, +) / Double(slice.count)
        }
    }

    /// The Wilson score 95 % interval of a proportion `successes / trials` (E. B. Wilson, 1927).
    static func wilson(successes: Int, trials: Int) -> (share: Double, low: Double, high: Double) {
        guard trials > 0 else { return (.nan, .nan, .nan) }
        let z = 1.959963984540054
        let n = Double(trials), p = Double(successes) / n
        let centre = (p + z * z / (2 * n)) / (1 + z * z / n)
        let half = z / (1 + z * z / n) * (p * (1 - p) / n + z * z / (4 * n * n)).squareRoot()
        return (p, max(0, centre - half), min(1, centre + half))
    }
}
