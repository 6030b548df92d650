/// Outputs of a design: for every design row (in design order) the values of its R ≥ 1
/// replicates (in replicate order). The estimators analyse the row means ȳ_i; with R ≥ 2 they
/// also compute noise thresholds from a pure-noise realization.
///
/// **Why noise thresholds.** In a stochastic model ȳ_i = f(x_i) + e_i with noise e_i of
/// variance σ²_i/R. Noise biases and blurs the indices: Jansen's ST_j of a parameter that does
/// nothing is ½·mean((e_A − e_ABj)²)/V ≈ (σ²/R)/V, the noise share of the means, not 0; S1_j of
/// such a parameter is mean((ȳ_B − m)(e_ABj − e_A))/V, zero on average but spread by the noise
/// *and* by the other parameters' signal in ȳ_B; a Morris elementary effect of such a parameter
/// is (e_high − e_low)/Δ. An index is only evidence of an effect when it exceeds what the same
/// estimator gives when the parameter has no effect and only noise changes the output.
///
/// **The counterfactual.** Replicates give noise realizations without signal: with
/// m = ⌊R/2⌋, z_i = (Σ_{r<m} y_ir − Σ_{m≤r<2m} y_ir)/(2m) · √(2m/R) has mean 0 and the variance
/// σ²_i/R of e_i (exactly; it uses all replicates when R is even and drops the last one when R
/// is odd). "Parameter j has no effect" means the rows where only j differs have the same f:
/// ȳ_ABj = ȳ_A + (e_ABj − e_A). The counterfactual design output replaces those differences by
/// z_ABj − z_A (same distribution, independent of the signal) and leaves the A and B rows, and
/// hence V and the other parameters' signal, as observed; Morris elementary effects of j become
/// (z_high − z_low)/Δ. For S1, ST and the Morris statistics the substituted differences have the
/// mean and variance (for Gaussian noise: the distribution) that the estimator's inputs have for
/// a parameter without effect, given the design and the signal: since the
/// contrast weights c_r sum to 0, z_ABj − z_A = Σ_r c_r (e_ABj,r − e_A,r) has the variance of the
/// noise in ȳ_ABj − ȳ_A even when replicates share random numbers across points. For S2 the
/// counterfactual makes both parameters of the pair inert (the null "no effect of j or k"),
/// which approximates "no interaction" when j or k has main effects.
///
/// **The threshold** comes from the counterfactual estimate I₀ and its bootstrap SD s (same
/// resamples as the index's interval; `SensitivityEstimate.noiseThreshold`):
/// z_{(1+c)/2}·s for S1, S2 and μ, whose null distribution is centred on 0, and I₀ + z·√2·s for
/// ST, μ* and σ, whose null is centred near I₀ (the observed index and I₀ are two draws from it).
/// An index with |value| (S1, S2, μ) or value (ST, μ*, σ) at or below it is flagged
/// (``SensitivityEstimate/isBelowNoise``): the data cannot tell it from a parameter that does
/// nothing; a parameter without effect is flagged with probability about c (signed indices) or
/// (1 + c)/2 (the others).
/// This answers "could noise alone give this index?"; it does not correct the index.
public struct ReplicatedOutputs: Sendable, Equatable {
    /// values[row][replicate].
    public let values: [[Double]]
    /// R, the same for every row.
    public let replicateCount: Int
    /// ȳ_i = Σ_r y_ir / R, summed in replicate order.
    public let means: [Double]

    /// Checks that every row has the same number (≥ 1) of finite values.
    public init(rows: [[Double]]) throws {
        let replicates = rows.first?.count ?? 1
        guard replicates >= 1 else { throw SensitivityError.replicateCount(row: 0, count: 0, expected: 1) }
        var means: [Double] = []
        means.reserveCapacity(rows.count)
        for (row, values) in rows.enumerated() {
            guard values.count == replicates else {
                throw SensitivityError.replicateCount(row: row, count: values.count, expected: replicates)
            }
            var sum = 0.0
            for (replicate, value) in values.enumerated() {
                guard value.isFinite else {
                    throw SensitivityError.nonFiniteOutput(row: row, replicate: replicate, value: value)
                }
                sum += value
            }
            means.append(sum / Double(replicates))
        }
        self.values = rows
        self.replicateCount = replicates
        self.means = means
    }

    /// One replicate per row.
    public init(outputs: [Double]) throws {
        try self.init(rows: outputs.map { [$0] })
    }

    /// Number of design rows.
    public var rowCount: Int { values.count }

    /// The pure-noise realization z_i (see the type's documentation); nil when R = 1.
    public var noiseRealization: [Double]? {
        guard replicateCount >= 2 else { return nil }
        let half = replicateCount / 2
        let scale = (Double(2 * half) / Double(replicateCount)).squareRoot() / Double(2 * half)
        return values.map { row in
            var difference = 0.0
            for replicate in 0..<half { difference += row[replicate] - row[half + replicate] }
            return difference * scale
        }
    }

    /// Noise shares (``ReplicateNoise``); nil when R = 1 or fewer than 2 rows.
    public var noise: ReplicateNoise? {
        guard replicateCount >= 2, rowCount >= 2 else { return nil }
        let runs = Double(rowCount * replicateCount)
        var grandSum = 0.0
        for row in values { for value in row { grandSum += value } }
        let grandMean = grandSum / runs
        var within = 0.0, total = 0.0
        for (row, mean) in zip(values, means) {
            for value in row {
                within += (value - mean) * (value - mean)
                total += (value - grandMean) * (value - grandMean)
            }
        }
        var meanSum = 0.0
        for mean in means { meanSum += mean }
        let meanOfMeans = meanSum / Double(rowCount)
        var between = 0.0
        for mean in means { between += (mean - meanOfMeans) * (mean - meanOfMeans) }
        let withinVariance = within / Double(rowCount * (replicateCount - 1))
        let totalVariance = total / (runs - 1)
        let meansVariance = between / Double(rowCount - 1)
        return ReplicateNoise(
            replicates: replicateCount,
            withinPointShare: totalVariance > 0 ? withinVariance / totalVariance : .nan,
            noiseShareOfMeans: meansVariance > 0 ? withinVariance / Double(replicateCount) / meansVariance : .nan)
    }
}
