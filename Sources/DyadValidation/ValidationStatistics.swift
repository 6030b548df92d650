/// Small statistics helpers of the validation layer. NaN marks NA: every helper documents
/// whether it skips NaN; none of them uses a random resampling (results are exact functions of
/// the data).
package enum ValidationStatistics {
    /// Arithmetic mean of the non-NaN values (NaN if none).
    package static func mean(_ values: [Double]) -> Double {
        var sum = 0.0, count = 0
        for value in values where !value.isNaN {
            sum += value
            count += 1
        }
        return count > 0 ? sum / Double(count) : .nan
    }

    /// Sample variance Σ(x − x̄)²/(n − 1) of the non-NaN values (NaN if fewer than 2).
    package static func variance(_ values: [Double]) -> Double {
        let present = values.filter { !$0.isNaN }
        guard present.count > 1 else { return .nan }
        let center = mean(present)
        return present.reduce(0) { $0 + ($1 - center) * ($1 - center) } / Double(present.count - 1)
    }

    /// Sample standard deviation √variance.
    package static func standardDeviation(_ values: [Double]) -> Double { variance(values).squareRoot() }

    /// Mean with SE = sd/√n over the non-NaN values.
    package static func meanEstimate(_ values: [Double]) -> ValidationEstimate {
        let present = values.filter { !$0.isNaN }
        let n = present.count
        return ValidationEstimate(
            value: mean(present), standardError: (variance(present) / Double(n)).squareRoot(), count: n)
    }

    /// Share k/n with the binomial SE √(p(1 − p)/n).
    package static func proportion(_ successes: Int, of trials: Int) -> ValidationEstimate {
        let p = trials > 0 ? Double(successes) / Double(trials) : .nan
        return ValidationEstimate(value: p, standardError: (p * (1 - p) / Double(trials)).squareRoot(), count: trials)
    }

    /// Paired difference mean(x_k − y_k) over the pairs where both are present, with
    /// SE = sd(x − y)/√n (the arms of a run share couples: docs/model.md §3.1 common random numbers).
    package static func pairedDifference(_ x: [Double], _ y: [Double]) -> ValidationEstimate {
        precondition(x.count == y.count, "paired samples of different lengths")
        var differences: [Double] = []
        differences.reserveCapacity(x.count)
        for (first, second) in zip(x, y) where !first.isNaN && !second.isNaN { differences.append(first - second) }
        return meanEstimate(differences)
    }

    /// Difference of two independent means mean(x) − mean(y) (NaN skipped) with
    /// SE = √(var x/n_x + var y/n_y); `count` is n_x + n_y.
    package static func meanDifference(_ x: [Double], _ y: [Double]) -> ValidationEstimate {
        let first = meanEstimate(x), second = meanEstimate(y)
        return ValidationEstimate(
            value: first.value - second.value,
            standardError: (first.standardError * first.standardError + second.standardError * second.standardError)
                .squareRoot(),
            count: first.count + second.count)
    }

    /// Pooled ratio R = Σx/Σy over clusters (couples) with the linearised cluster SE
    /// √(Σ(x_k − R·y_k)² / (n(n − 1))) / ȳ; pairs with a NaN are skipped.
    package static func ratio(_ numerators: [Double], _ denominators: [Double]) -> ValidationEstimate {
        precondition(numerators.count == denominators.count, "ratio samples of different lengths")
        var x: [Double] = [], y: [Double] = []
        for (top, bottom) in zip(numerators, denominators) where !top.isNaN && !bottom.isNaN {
            x.append(top)
            y.append(bottom)
        }
        let n = Double(x.count)
        let r = x.reduce(0, +) / y.reduce(0, +)
        var residual = 0.0
        for (top, bottom) in zip(x, y) { residual += (top - r * bottom) * (top - r * bottom) }
        let standardError = (residual / (n * (n - 1))).squareRoot() / (y.reduce(0, +) / n)
        return ValidationEstimate(value: r, standardError: standardError, count: x.count)
    }
}
