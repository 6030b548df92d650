import DyadCore

/// Simple statistics for statistical test assertions.
public enum TestStatistics {
    public static func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }

    public static func variance(_ values: [Double]) -> Double {
        let m = mean(values)
        return values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(values.count - 1)
    }

    /// Standard error of the mean.
    public static func standardError(_ values: [Double]) -> Double {
        (variance(values) / Double(values.count)).squareRoot()
    }

    /// Pearson correlation.
    public static func correlation(_ x: [Double], _ y: [Double]) -> Double {
        let mx = mean(x), my = mean(y)
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (u, v) in zip(x, y) {
            sxy += (u - mx) * (v - my)
            sxx += (u - mx) * (u - mx)
            syy += (v - my) * (v - my)
        }
        return sxy / (sxx * syy).squareRoot()
    }
}
