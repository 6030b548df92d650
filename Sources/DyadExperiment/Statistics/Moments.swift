/// Count, mean and sum of squared deviations of a sample, combined exactly in a fixed order
/// (Welford 1962; Chan, Golub & LeVeque 1979 for merging).
public struct Moments: Sendable, Equatable {
    /// n: values added (NaN skipped).
    public private(set) var count: Int = 0
    /// The running mean x̄ (0 when n = 0).
    public private(set) var mean = 0.0
    /// Σ (x − mean)².
    public private(set) var squaredDeviations = 0.0

    /// No values: n = 0.
    public init() {}

    /// Moments with the given n, mean and Σ (x − mean)² (e.g. read back from a run record).
    public init(count: Int, mean: Double, squaredDeviations: Double) {
        self.count = count
        self.mean = mean
        self.squaredDeviations = squaredDeviations
    }

    /// Moments of `values` (NaN skipped) in two passes with compensated (Neumaier) sums, so a
    /// mean of values with few decimals prints with few decimals.
    public init<Values: Sequence<Double>>(of values: Values) {
        var sum = CompensatedSum()
        var count = 0
        for value in values where !value.isNaN {
            sum.add(value)
            count += 1
        }
        guard count > 0 else {
            self.init()
            return
        }
        let mean = sum.value / Double(count)
        var deviations = CompensatedSum()
        for value in values where !value.isNaN { deviations.add((value - mean) * (value - mean)) }
        self.init(count: count, mean: mean, squaredDeviations: deviations.value)
    }

    /// Adds one observation (NaN is ignored: NA-aware).
    public mutating func add(_ value: Double) {
        guard !value.isNaN else { return }
        count += 1
        let delta = value - mean
        mean += delta / Double(count)
        squaredDeviations += delta * (value - mean)
    }

    /// Merges another sample into this one.
    public mutating func merge(_ other: Moments) {
        guard other.count > 0 else { return }
        guard count > 0 else {
            self = other
            return
        }
        let total = count + other.count
        let delta = other.mean - mean
        mean += delta * Double(other.count) / Double(total)
        squaredDeviations +=
            other.squaredDeviations + delta * delta * Double(count) * Double(other.count) / Double(total)
        count = total
    }

    /// Sample variance (n − 1 denominator), NaN below two observations.
    public var variance: Double { count > 1 ? squaredDeviations / Double(count - 1) : .nan }

    /// Sample standard deviation.
    public var standardDeviation: Double { variance.squareRoot() }

    /// Standard error of the mean.
    public var standardError: Double { (variance / Double(count)).squareRoot() }

    /// The mean, NaN when empty.
    public var meanOrMissing: Double { count > 0 ? mean : .nan }

    /// Two-sided 95 % confidence interval of the mean (Student t with n − 1 degrees of freedom).
    public var confidenceInterval95: (low: Double, high: Double) {
        guard count > 1 else { return (.nan, .nan) }
        let half = StudentT.quantile(0.975, degreesOfFreedom: Double(count - 1)) * standardError
        return (mean - half, mean + half)
    }
}

/// Paired statistics of one outcome over the same couples in a treatment arm and the control
/// arm: moments of the differences and of each arm's values (pairs where both are present).
public struct PairedMoments: Sendable, Equatable {
    /// Moments of the paired differences treatment − control.
    public var difference = Moments()
    /// Moments of the control arm's values (pairs where both values are present).
    public var control = Moments()
    /// Moments of the treatment arm's values (pairs where both values are present).
    public var treatment = Moments()

    /// No pairs.
    public init() {}

    /// Paired moments over the couples where both values are present (two-pass, compensated).
    public init(control controlValues: ArraySlice<Double>, treatment treatmentValues: ArraySlice<Double>) {
        var controls: [Double] = [], treatments: [Double] = [], differences: [Double] = []
        for (controlValue, treatmentValue) in zip(controlValues, treatmentValues)
        where !controlValue.isNaN && !treatmentValue.isNaN {
            controls.append(controlValue)
            treatments.append(treatmentValue)
            differences.append(treatmentValue - controlValue)
        }
        difference = Moments(of: differences)
        control = Moments(of: controls)
        treatment = Moments(of: treatments)
    }

    /// Adds one couple's pair (skipped when either value is NA).
    public mutating func add(control controlValue: Double, treatment treatmentValue: Double) {
        guard !controlValue.isNaN, !treatmentValue.isNaN else { return }
        difference.add(treatmentValue - controlValue)
        control.add(controlValue)
        treatment.add(treatmentValue)
    }

    /// Merges `other` (Chan et al.'s pairwise update of each of the three moments).
    public mutating func merge(_ other: PairedMoments) {
        difference.merge(other.difference)
        control.merge(other.control)
        treatment.merge(other.treatment)
    }

    /// Standardised effect size d: mean difference over the pooled SD √((s_c² + s_t²)/2).
    public var cohensD: Double {
        let pooled = ((control.variance + treatment.variance) / 2).squareRoot()
        return pooled > 0 ? difference.mean / pooled : .nan
    }
}

/// Neumaier's compensated summation: the sum of many doubles with one rounding at the end.
public struct CompensatedSum: Sendable {
    private var sum = 0.0
    private var compensation = 0.0

    /// A sum of 0.
    public init() {}

    /// Adds `value`, carrying the rounding error of the addition in the compensation term.
    public mutating func add(_ value: Double) {
        let total = sum + value
        if abs(sum) >= abs(value) {
            compensation += (sum - total) + value
        } else {
            compensation += (value - total) + sum
        }
        sum = total
    }

    /// The sum: the running sum plus the compensation.
    public var value: Double { sum + compensation }
}
