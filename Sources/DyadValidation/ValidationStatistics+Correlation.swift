import DyadExperiment

extension ValidationStatistics {
    /// Pearson correlation r = Σ(x − x̄)(y − ȳ) / √(Σ(x − x̄)² Σ(y − ȳ)²) over the pairs where both
    /// values are present, with a distribution-free (delta-method) SE: with x, y standardised by
    /// their mean and population SD and m_jk = mean(x^j·y^k),
    /// Var(r) ≈ [m22 + r²/4·(m40 + m04 + 2·m22) − r·(m31 + m13)] / n,
    /// which is (1 − r²)²/n for bivariate normal data and stays honest for skewed outcomes
    /// (shares, counts) where the normal-theory SE is too small.
    package static func correlation(_ x: [Double], _ y: [Double]) -> ValidationEstimate {
        precondition(x.count == y.count, "correlated samples of different lengths")
        var first: [Double] = [], second: [Double] = []
        for (u, v) in zip(x, y) where !u.isNaN && !v.isNaN {
            first.append(u)
            second.append(v)
        }
        let n = Double(first.count)
        let meanX = first.reduce(0, +) / n, meanY = second.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (u, v) in zip(first, second) {
            sxy += (u - meanX) * (v - meanY)
            sxx += (u - meanX) * (u - meanX)
            syy += (v - meanY) * (v - meanY)
        }
        let r = sxy / (sxx * syy).squareRoot()
        let sdX = (sxx / n).squareRoot(), sdY = (syy / n).squareRoot()
        var m22 = 0.0, m40 = 0.0, m04 = 0.0, m31 = 0.0, m13 = 0.0
        for (u, v) in zip(first, second) {
            let zx = (u - meanX) / sdX, zy = (v - meanY) / sdY
            let xx = zx * zx, yy = zy * zy
            m22 += xx * yy
            m40 += xx * xx
            m04 += yy * yy
            m31 += xx * zx * zy
            m13 += zx * yy * zy
        }
        let variance = (m22 + r * r / 4 * (m40 + m04 + 2 * m22) - r * (m31 + m13)) / n / n
        return ValidationEstimate(value: r, standardError: max(0, variance).squareRoot(), count: first.count)
    }

    /// SE of r_jk − r_jh, two correlations that share variable j, measured on the same n units:
    /// Var = [(1 − r_jk²)² + (1 − r_jh²)² − 2ψ]/n with Steiger's (1980, eq. 3) asymptotic covariance
    /// ψ = r_kh(1 − r_jk² − r_jh²) − ½·r_jk·r_jh·(1 − r_jk² − r_jh² − r_kh²).
    package static func overlappingCorrelationDifferenceStandardError(
        _ rJK: Double, _ rJH: Double, _ rKH: Double, count: Int
    ) -> Double {
        let psi = rKH * (1 - rJK * rJK - rJH * rJH) - 0.5 * rJK * rJH * (1 - rJK * rJK - rJH * rJH - rKH * rKH)
        let variance = ((1 - rJK * rJK) * (1 - rJK * rJK) + (1 - rJH * rJH) * (1 - rJH * rJH) - 2 * psi) / Double(count)
        return max(0, variance).squareRoot()
    }

    /// Quantile of type 7 (linear interpolation between order statistics x_(⌊h⌋), x_(⌈h⌉) at
    /// h = (n − 1)p, 0-based) of the non-NaN values; NaN if none.
    package static func quantile(_ values: [Double], _ probability: Double) -> Double {
        let sorted = values.filter { !$0.isNaN }.sorted()
        return quantile(sorted: sorted, probability)
    }

    /// Quantile of type 7 of values already sorted ascending (NaN if empty).
    package static func quantile(sorted: [Double], _ probability: Double) -> Double {
        Quantile.type7(sorted: sorted, probability)
    }

    /// Median of the non-NaN values with a distribution-free SE from order statistics: the
    /// 95 % interval for the median runs from x_(j) to x_(k) (1-based) with
    /// j = ⌊n/2 − 1.96·√n/2⌋ and k = ⌈n/2 + 1 + 1.96·√n/2⌉ (clamped to 1…n), and
    /// SE = (x_(k) − x_(j)) / (2·1.96). Equivalent to the asymptotic 1/(2f(m)√n) without estimating
    /// the density f, and robust to ties.
    package static func median(_ values: [Double]) -> ValidationEstimate {
        let sorted = values.filter { !$0.isNaN }.sorted()
        let n = sorted.count
        guard n > 0 else { return ValidationEstimate(value: .nan, standardError: .nan, count: 0) }
        let half = 1.96 * Double(n).squareRoot() / 2
        let j = min(n, max(1, Int((Double(n) / 2 - half).rounded(.down))))
        let k = min(n, max(1, Int((Double(n) / 2 + 1 + half).rounded(.up))))
        let standardError = (sorted[k - 1] - sorted[j - 1]) / (2 * 1.96)
        return ValidationEstimate(value: quantile(sorted: sorted, 0.5), standardError: standardError, count: n)
    }
}
