/// Statistics of weighted samples (importance-weighted particles). Weights are non-negative and
/// normalised by their sum; sums run in index order, so results are the same bits on every run.
public enum WeightedStatistics {
    /// Σᵢ wᵢxᵢ / Σᵢ wᵢ.
    public static func mean(_ values: [Double], weights: [Double]) -> Double {
        var total = 0.0
        var sum = 0.0
        for index in values.indices {
            total += weights[index]
            sum += weights[index] * values[index]
        }
        return sum / total
    }

    /// The weighted (biased, maximum-likelihood) covariance Σ = Σᵢ w̃ᵢ(θᵢ − m)(θᵢ − m)ᵀ with
    /// w̃ᵢ = wᵢ/Σⱼwⱼ and m = Σᵢ w̃ᵢθᵢ, as a row-major d×d array; `rows[i]` is θᵢ.
    public static func covariance(_ rows: [[Double]], weights: [Double], dimension: Int) -> [Double] {
        var total = 0.0
        for weight in weights { total += weight }
        var mean = [Double](repeating: 0, count: dimension)
        for (row, weight) in zip(rows, weights) {
            for column in 0..<dimension { mean[column] += weight / total * row[column] }
        }
        var covariance = [Double](repeating: 0, count: dimension * dimension)
        var centred = [Double](repeating: 0, count: dimension)
        for (row, weight) in zip(rows, weights) {
            let share = weight / total
            for column in 0..<dimension { centred[column] = row[column] - mean[column] }
            for first in 0..<dimension {
                for second in 0...first {
                    covariance[first * dimension + second] += share * centred[first] * centred[second]
                }
            }
        }
        for first in 0..<dimension {
            for second in 0..<first { covariance[second * dimension + first] = covariance[first * dimension + second] }
        }
        return covariance
    }

    /// 1/Σᵢ w̃ᵢ², the effective sample size, in (0, n] (n for equal weights).
    public static func effectiveSampleSize(_ weights: [Double]) -> Double {
        var total = 0.0
        var squares = 0.0
        for weight in weights { total += weight }
        for weight in weights { squares += (weight / total) * (weight / total) }
        return 1 / squares
    }

    /// The weighted α-quantile, as pyABC's `weighted_quantile`: values sorted ascending (ties by index),
    /// normalised cumulative weights Cₖ, and linear interpolation of the values at the mid-points
    /// Cₖ − w̃ₖ/2; the smallest value below the first mid-point, the largest above the last. With equal
    /// weights this is the Hazen quantile (type 5 of Hyndman & Fan 1996).
    public static func quantile(_ values: [Double], weights: [Double], probability alpha: Double) -> Double {
        precondition(
            !values.isEmpty && values.count == weights.count, "weighted quantile of an empty or mismatched sample")
        let order = values.indices.sorted { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) }
        var total = 0.0
        for weight in weights { total += weight }
        var cumulative = 0.0
        var previousMidpoint = -Double.infinity
        var previousValue = values[order[0]]
        for index in order {
            let share = weights[index] / total
            let midpoint = cumulative + share / 2
            cumulative += share
            let value = values[index]
            if alpha < midpoint {
                if previousMidpoint == -.infinity { return value }
                let fraction = (alpha - previousMidpoint) / (midpoint - previousMidpoint)
                return previousValue + fraction * (value - previousValue)
            }
            if share > 0 {
                previousMidpoint = midpoint
                previousValue = value
            }
        }
        return previousValue
    }
}
