import DyadCore

extension UnivariateDistribution {
    /// Uniform on [low, high]; both finite, low < high.
    public static func uniform(low: Double, high: Double) throws(DistributionError) -> UnivariateDistribution {
        try make(.uniform, parameters: [.low: low, .high: high])
    }

    /// Log-uniform on [low, high] (ln X uniform); 0 < low < high < ∞.
    public static func logUniform(low: Double, high: Double) throws(DistributionError) -> UnivariateDistribution {
        try make(.logUniform, parameters: [.low: low, .high: high])
    }

    /// Normal with `mean` and `sd` > 0, truncated to [low, high] when either bound is finite.
    public static func normal(mean: Double, sd: Double, low: Double = -.infinity, high: Double = .infinity)
        throws(DistributionError) -> UnivariateDistribution
    {
        try make(.normal, parameters: truncated([.mean: mean, .sd: sd], low: low, high: high))
    }

    /// Log-normal: ln X ~ N(mu, sigma²), sigma > 0, truncated to [low, high] (0 ≤ low < high) when given.
    public static func logNormal(mu: Double, sigma: Double, low: Double = 0, high: Double = .infinity)
        throws(DistributionError) -> UnivariateDistribution
    {
        try make(
            .logNormal,
            parameters: truncated(
                [.mu: mu, .sigma: sigma], low: low == 0 ? -.infinity : low,
                high: high))
    }

    /// Triangular on [low, high] with its peak at `mode`; low ≤ mode ≤ high, low < high.
    public static func triangular(low: Double, mode: Double, high: Double) throws(DistributionError)
        -> UnivariateDistribution
    {
        try make(.triangular, parameters: [.low: low, .mode: mode, .high: high])
    }

    /// Adds the truncation bounds that are not infinite.
    private static func truncated(_ parameters: [DistributionParameter: Double], low: Double, high: Double)
        -> [DistributionParameter: Double]
    {
        var result = parameters
        if low != -.infinity { result[.low] = low }
        if high != .infinity { result[.high] = high }
        return result
    }

    /// The distribution of `family` with the given parameters (as read from a file), or every problem:
    /// missing required parameters, parameters the family does not take, values out of range.
    /// Truncation bounds may be infinite; all other values must be finite. A normal truncation interval
    /// must hold probability the doubles can represent (its nearer bound within 10¹⁰⁰ sd of the mean).
    public static func make(_ family: DistributionFamily, parameters: [DistributionParameter: Double])
        throws(DistributionError) -> UnivariateDistribution
    {
        var problems: [DistributionProblem] = []
        let allowed = family.allowedParameters
        let unexpected = DistributionParameter.allCases.filter { parameters[$0] != nil && !allowed.contains($0) }
        for parameter in unexpected {
            let names = allowed.map(\.rawValue).joined(separator: ", ")
            problems.append(DistributionProblem(parameter, .notAllowed, allowed: names))
        }
        for parameter in family.requiredParameters where parameters[parameter] == nil {
            problems.append(DistributionProblem(parameter, .missing, allowed: "a number"))
        }
        if !problems.isEmpty { throw DistributionError(problems: problems) }
        var checks = RangeChecks()
        let distribution: UnivariateDistribution?
        switch family {
        case .uniform: distribution = makeUniform(parameters, &checks)
        case .logUniform: distribution = makeLogUniform(parameters, &checks)
        case .normal: distribution = makeNormal(parameters, &checks)
        case .logNormal: distribution = makeLogNormal(parameters, &checks)
        case .triangular: distribution = makeTriangular(parameters, &checks)
        }
        guard let distribution, checks.problems.isEmpty else { throw DistributionError(problems: checks.problems) }
        return distribution
    }

    // MARK: - Families

    private static func makeUniform(_ values: [DistributionParameter: Double], _ checks: inout RangeChecks)
        -> UnivariateDistribution?
    {
        let low = values[.low] ?? .nan, high = values[.high] ?? .nan
        let lowValid = checks.require(.low, low, low.isFinite, "a finite number")
        if lowValid { checks.require(.high, high, high.isFinite && high > low, aboveLow(low)) }
        guard checks.problems.isEmpty else { return nil }
        return UnivariateDistribution(
            family: .uniform, parameters: values, shape: .uniform(low: low, high: high),
            lowerBound: low, upperBound: high)
    }

    private static func makeLogUniform(_ values: [DistributionParameter: Double], _ checks: inout RangeChecks)
        -> UnivariateDistribution?
    {
        let low = values[.low] ?? .nan, high = values[.high] ?? .nan
        let lowValid = checks.require(.low, low, low.isFinite && low > 0, "a finite number more than 0")
        if lowValid { checks.require(.high, high, high.isFinite && high > low, aboveLow(low)) }
        guard checks.problems.isEmpty else { return nil }
        let logLow = DyadMath.log(low), logHigh = DyadMath.log(high)
        guard logHigh > logLow else {
            checks.require(.high, high, false, "a number whose logarithm differs from that of low")
            return nil
        }
        return UnivariateDistribution(
            family: .logUniform, parameters: values,
            shape: .logUniform(logLow: logLow, logHigh: logHigh),
            lowerBound: low, upperBound: high)
    }

    private static func makeNormal(_ values: [DistributionParameter: Double], _ checks: inout RangeChecks)
        -> UnivariateDistribution?
    {
        let mean = values[.mean] ?? .nan, sd = values[.sd] ?? .nan
        checks.require(.mean, mean, mean.isFinite, "a finite number")
        checks.require(.sd, sd, sd.isFinite && sd > 0, "a finite number more than 0")
        guard let (low, high) = checkTruncation(values, minimum: -.infinity, &checks), checks.problems.isEmpty else {
            return nil
        }
        guard
            let standard = standardInterval(
                lower: (low - mean) / sd, upper: (high - mean) / sd,
                low: low, high: high, &checks)
        else { return nil }
        return UnivariateDistribution(
            family: .normal, parameters: values,
            shape: .normal(mean: mean, sd: sd, standard: standard),
            lowerBound: low, upperBound: high)
    }

    private static func makeLogNormal(_ values: [DistributionParameter: Double], _ checks: inout RangeChecks)
        -> UnivariateDistribution?
    {
        let mu = values[.mu] ?? .nan, sigma = values[.sigma] ?? .nan
        checks.require(.mu, mu, mu.isFinite, "a finite number")
        checks.require(.sigma, sigma, sigma.isFinite && sigma > 0, "a finite number more than 0")
        guard let (low, high) = checkTruncation(values, minimum: 0, &checks), checks.problems.isEmpty else {
            return nil
        }
        let logLow = low > 0 ? DyadMath.log(low) : -.infinity
        let logHigh = high < .infinity ? DyadMath.log(high) : .infinity
        guard
            let standard = standardInterval(
                lower: (logLow - mu) / sigma, upper: (logHigh - mu) / sigma,
                low: low, high: high, &checks)
        else { return nil }
        return UnivariateDistribution(
            family: .logNormal, parameters: values,
            shape: .logNormal(mu: mu, sigma: sigma, standard: standard),
            lowerBound: max(low, 0), upperBound: high)
    }

    private static func makeTriangular(_ values: [DistributionParameter: Double], _ checks: inout RangeChecks)
        -> UnivariateDistribution?
    {
        let low = values[.low] ?? .nan, mode = values[.mode] ?? .nan, high = values[.high] ?? .nan
        let lowValid = checks.require(.low, low, low.isFinite, "a finite number")
        guard lowValid else { return nil }
        let highValid = checks.require(.high, high, high.isFinite && high > low, aboveLow(low))
        guard highValid else { return nil }
        checks.require(.mode, mode, mode >= low && mode <= high, "\(text(low))...\(text(high)) (low...high)")
        guard checks.problems.isEmpty else { return nil }
        return UnivariateDistribution(
            family: .triangular, parameters: values,
            shape: .triangular(low: low, mode: mode, high: high),
            lowerBound: low, upperBound: high)
    }

    // MARK: - Truncation

    /// The truncation interval [low, high] (defaults −∞/`minimum` and +∞), or nil with problems recorded.
    private static func checkTruncation(
        _ values: [DistributionParameter: Double], minimum: Double,
        _ checks: inout RangeChecks
    ) -> (Double, Double)? {
        let low = values[.low] ?? (minimum == 0 ? 0 : -.infinity)
        let high = values[.high] ?? .infinity
        let lowText = minimum == 0 ? "0 or more, below infinity" : "a number below infinity"
        let lowValid = checks.require(.low, low, low >= minimum && low < .infinity, lowText)
        guard lowValid else { return nil }
        let highValid = checks.require(.high, high, high > low, "more than \(text(low)) (low)")
        return highValid ? (low, high) : nil
    }

    /// The standard-scale interval [α, β] if it holds representable probability.
    private static func standardInterval(
        lower: Double, upper: Double, low: Double, high: Double,
        _ checks: inout RangeChecks
    ) -> TruncatedStandardNormal? {
        let limit = 1e100
        if lower > limit {
            checks.require(.low, low, false, "within 1e100 standard deviations of the mean")
            return nil
        }
        if upper < -limit {
            checks.require(.high, high, false, "within 1e100 standard deviations of the mean")
            return nil
        }
        guard lower < upper else {
            checks.require(.high, high, false, "an interval wider than the rounding of the standardised bounds")
            return nil
        }
        let standard = TruncatedStandardNormal(lower: lower, upper: upper)
        guard standard.logMass.isFinite, standard.logMass <= 0 else {
            checks.require(.high, high, false, "an interval holding representable probability")
            return nil
        }
        return standard
    }

    private static func text(_ value: Double) -> String { NumberText.shortest(value) }

    /// "a finite number more than <low> (low)".
    private static func aboveLow(_ low: Double) -> String { "a finite number more than \(text(low)) (low)" }
}

/// Collects out-of-range problems in order.
private struct RangeChecks {
    var problems: [DistributionProblem] = []

    /// Records a problem unless `condition` holds; returns `condition`.
    @discardableResult
    mutating func require(
        _ parameter: DistributionParameter, _ value: Double, _ condition: Bool,
        _ allowed: String
    ) -> Bool {
        if !condition { problems.append(DistributionProblem(parameter, .outOfRange(value), allowed: allowed)) }
        return condition
    }
}
