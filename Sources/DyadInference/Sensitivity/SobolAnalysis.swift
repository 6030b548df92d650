import DyadCore
import DyadExperiment

/// Sobol indices from the outputs of a Saltelli design, computed exactly as SALib 1.6's
/// `SALib.analyze.sobol.analyze` computes its point estimates.
///
/// **Layout.** Rows come in blocks of s = 2k + 2 (with second-order rows) or k + 2 (without),
/// one block per base sample i = 1…N: A_i, AB_i^(1…k), [BA_i^(1…k),] B_i, where AB^(j) is A with
/// column j from B and BA^(j) is B with column j from A. This is the order of DyadSim's
/// `sweep.sample` method `sobol` and of SALib's `saltelli`/`sobol` samplers.
///
/// **Normalisation (SALib).** The outputs are standardised over all M = N·s rows,
/// y ← (y − ȳ)/sd with sd the population standard deviation (divisor M); V is then the
/// population variance (divisor 2N) of the concatenated A and B outputs. Indices are invariant
/// to the scale, but the centring by the mean of *all* rows enters S1 and S2 in finite samples,
/// so it is reproduced.
///
/// **Estimators** (means over the N base samples, all divided by V):
/// - first order, Saltelli et al. (2010, Computer Physics Communications 181:259, table 2 (b)):
///   S1_j = mean(f_B · (f_ABj − f_A)) / V;
/// - total, Jansen (1999, Computer Physics Communications 117:35) as in Saltelli et al. 2010
///   table 2 (f): ST_j = ½ · mean((f_A − f_ABj)²) / V;
/// - second order, Saltelli (2002, Computer Physics Communications 145:280) as SALib:
///   S2_jk = mean(f_BAj · f_ABk − f_A · f_B) / V − S1_j − S1_k, for j < k.
/// When the A and B outputs are constant (range ≤ machine ε, or V ≤ ε) every index of that
/// (re)sample is 0, as in SALib.
///
/// **Intervals** resample the N base samples (``BootstrapOptions``); every index of a resample
/// uses the same draw, as in SALib. Cost O(resamples · N · k²) time, O(M) memory.
public enum SobolAnalysis {
    /// Rows per base sample: 2k + 2 with second-order rows, k + 2 without.
    public static func rowsPerBaseSample(parameterCount: Int, secondOrder: Bool) -> Int {
        secondOrder ? 2 * parameterCount + 2 : parameterCount + 2
    }

    /// Indices of a single-replicate design (outputs in design row order).
    public static func analyze(
        outputs: [Double], parameterCount: Int, secondOrder: Bool = true,
        bootstrap: BootstrapOptions
    ) throws -> SobolIndices {
        try analyze(
            ReplicatedOutputs(outputs: outputs), parameterCount: parameterCount, secondOrder: secondOrder,
            bootstrap: bootstrap)
    }

    /// Indices of the row means, with noise thresholds when there are ≥ 2 replicates
    /// (``ReplicatedOutputs``). Throws ``SensitivityError`` when the rows are not N ≥ 2 whole
    /// blocks, when k < 1, or when every output is equal.
    public static func analyze(
        _ outputs: ReplicatedOutputs, parameterCount: Int, secondOrder: Bool = true,
        bootstrap: BootstrapOptions
    ) throws -> SobolIndices {
        try bootstrap.validate()
        guard parameterCount >= 1 else { throw SensitivityError.noParameters }
        let blockSize = rowsPerBaseSample(parameterCount: parameterCount, secondOrder: secondOrder)
        guard outputs.rowCount % blockSize == 0 else {
            throw SensitivityError.designShape(
                rows: outputs.rowCount, rowsPerBlock: blockSize,
                design: secondOrder
                    ? "a Saltelli design with second-order rows for \(parameterCount) parameters (2k + 2)"
                    : "a Saltelli design without second-order rows for \(parameterCount) parameters (k + 2)")
        }
        let baseCount = outputs.rowCount / blockSize
        guard baseCount >= 2 else {
            throw SensitivityError.tooFewBlocks(count: baseCount, minimum: 2, noun: "base sample")
        }

        let (mean, deviation) = populationMoments(outputs.means)
        guard deviation > 0 else { throw SensitivityError.constantOutput(value: outputs.means[0]) }
        let normalised = outputs.means.map { ($0 - mean) / deviation }
        let columns = SaltelliColumns(normalised, parameterCount: parameterCount, secondOrder: secondOrder)
        let counterfactual = outputs.noiseRealization.map { noise in
            columns.withoutEffects(noise: noise.map { $0 / deviation }, secondOrder: secondOrder)
        }

        let pairs =
            secondOrder
            ? (0..<parameterCount).flatMap { j in ((j + 1)..<parameterCount).map { (j, $0) } } : []
        let slotCount = 2 * parameterCount + pairs.count
        var point = [Double](repeating: 0, count: slotCount)
        var noisePoint = point
        let identity = Array(0..<baseCount)
        estimate(columns, sample: identity, pairs: pairs, into: &point)
        if let counterfactual { estimate(counterfactual, sample: identity, pairs: pairs, into: &noisePoint) }

        var spread = [Moments](repeating: Moments(), count: slotCount)
        var noiseSpread = spread
        var random = RandomStream(key: bootstrap.seed)
        var sample = identity
        var resampled = point
        for _ in 0..<bootstrap.resamples {
            BootstrapOptions.draw(into: &sample, count: baseCount, random: &random)
            estimate(columns, sample: sample, pairs: pairs, into: &resampled)
            for slot in 0..<slotCount { spread[slot].add(resampled[slot]) }
            if let counterfactual {
                estimate(counterfactual, sample: sample, pairs: pairs, into: &resampled)
                for slot in 0..<slotCount { noiseSpread[slot].add(resampled[slot]) }
            }
        }

        let z = bootstrap.criticalValue
        func result(_ index: SensitivityIndex, slot: Int, parameter: Int, second: Int? = nil) -> SensitivityEstimate {
            SensitivityEstimate(
                index: index, parameter: parameter, secondParameter: second, value: point[slot],
                halfWidth: z * spread[slot].standardDeviation,
                noiseThreshold: counterfactual == nil
                    ? nil
                    : SensitivityEstimate.noiseThreshold(
                        index, counterfactual: noisePoint[slot], standardDeviation: noiseSpread[slot].standardDeviation,
                        criticalValue: z))
        }
        return SobolIndices(
            parameterCount: parameterCount, baseSamples: baseCount,
            firstOrder: (0..<parameterCount).map { result(.firstOrder, slot: $0, parameter: $0) },
            total: (0..<parameterCount).map { result(.total, slot: parameterCount + $0, parameter: $0) },
            secondOrder: pairs.enumerated().map { slot, pair in
                result(.secondOrder, slot: 2 * parameterCount + slot, parameter: pair.0, second: pair.1)
            },
            noise: outputs.noise, bootstrap: bootstrap)
    }

    /// Mean and population standard deviation (divisor n), two passes.
    static func populationMoments(_ values: [Double]) -> (mean: Double, deviation: Double) {
        var sum = 0.0
        for value in values { sum += value }
        let mean = sum / Double(values.count)
        var squares = 0.0
        for value in values { squares += (value - mean) * (value - mean) }
        return (mean, (squares / Double(values.count)).squareRoot())
    }

    /// All indices of one (re)sample of base samples into `values`: S1 (k), ST (k), S2 (pairs).
    static func estimate(_ columns: SaltelliColumns, sample: [Int], pairs: [(Int, Int)], into values: inout [Double]) {
        let a = columns.a, b = columns.b
        let parameterCount = columns.ab.count
        let count = Double(sample.count)
        var sum = 0.0, minimum = Double.infinity, maximum = -Double.infinity
        for i in sample {
            sum += a[i] + b[i]
            minimum = min(minimum, a[i], b[i])
            maximum = max(maximum, a[i], b[i])
        }
        let mean = sum / (2 * count)
        var squares = 0.0
        for i in sample { squares += (a[i] - mean) * (a[i] - mean) + (b[i] - mean) * (b[i] - mean) }
        let variance = squares / (2 * count)
        guard maximum - minimum > Double.ulpOfOne, variance > Double.ulpOfOne else {
            for slot in values.indices { values[slot] = 0 }
            return
        }
        for j in 0..<parameterCount {
            let ab = columns.ab[j]
            var first = 0.0, total = 0.0
            for i in sample {
                let difference = ab[i] - a[i]
                first += b[i] * difference
                total += difference * difference
            }
            values[j] = first / count / variance
            values[parameterCount + j] = 0.5 * (total / count) / variance
        }
        for (slot, pair) in pairs.enumerated() {
            let ba = columns.ba[pair.0], ab = columns.ab[pair.1]
            var cross = 0.0
            for i in sample { cross += ba[i] * ab[i] - a[i] * b[i] }
            values[2 * parameterCount + slot] = cross / count / variance - values[pair.0] - values[pair.1]
        }
    }
}

/// The outputs of a Saltelli design split by role: a[i], b[i], ab[j][i], ba[j][i] for base
/// sample i and parameter j (ba is empty without second-order rows).
struct SaltelliColumns {
    var a: [Double]
    var b: [Double]
    var ab: [[Double]]
    var ba: [[Double]]

    init(_ outputs: [Double], parameterCount: Int, secondOrder: Bool) {
        let blockSize = SobolAnalysis.rowsPerBaseSample(parameterCount: parameterCount, secondOrder: secondOrder)
        let blocks = stride(from: 0, to: outputs.count, by: blockSize)
        a = blocks.map { outputs[$0] }
        b = blocks.map { outputs[$0 + blockSize - 1] }
        ab = (0..<parameterCount).map { j in blocks.map { outputs[$0 + 1 + j] } }
        ba = secondOrder ? (0..<parameterCount).map { j in blocks.map { outputs[$0 + 1 + parameterCount + j] } } : []
    }

    private init(a: [Double], b: [Double], ab: [[Double]], ba: [[Double]]) {
        self.a = a
        self.b = b
        self.ab = ab
        self.ba = ba
    }

    /// The counterfactual design where no parameter changes the signal (``ReplicatedOutputs``):
    /// ab[j][i] = a[i] + (ζ_ABj − ζ_A), ba[j][i] = b[i] + (ζ_BAj − ζ_B), with ζ the noise
    /// realization (same normalisation as the outputs) in design row order.
    func withoutEffects(noise: [Double], secondOrder: Bool) -> SaltelliColumns {
        let noiseColumns = SaltelliColumns(noise, parameterCount: ab.count, secondOrder: secondOrder)
        func shifted(_ base: [Double], _ other: [Double], _ reference: [Double]) -> [Double] {
            (0..<base.count).map { base[$0] + (other[$0] - reference[$0]) }
        }
        return SaltelliColumns(
            a: a, b: b,
            ab: noiseColumns.ab.map { shifted(a, $0, noiseColumns.a) },
            ba: noiseColumns.ba.map { shifted(b, $0, noiseColumns.b) })
    }
}
