import DyadCore
import DyadExperiment

/// Morris screening statistics from the outputs of one-at-a-time trajectories, computed exactly
/// as SALib 1.6's `SALib.analyze.morris.analyze` (unscaled, no groups) computes its point
/// estimates.
///
/// **Layout.** Rows come in trajectories of k + 1 consecutive rows (DyadSim's `sweep.sample`
/// method `morris` and SALib's `morris` sampler). Between consecutive rows exactly one parameter
/// changes, and each parameter changes once per trajectory; which one, and in which direction,
/// is read from the inputs (any affine scaling of the unit design, e.g. the values actually run),
/// as SALib does from the sign of X_{i+1} − X_i.
///
/// **Elementary effects** (Morris 1991, Technometrics 33:161): for parameter j in trajectory t,
/// with y⁺ the output of the row where X_j is at its higher value and y⁻ at its lower,
/// EE_j,t = (y⁺ − y⁻)/Δ, Δ = p/(2(p − 1)) the step in the unit cube for p levels. Δ is the unit
/// step even when the inputs are scaled (SALib's convention), so an EE is the output change per
/// full range of X_j: for y = Σ c_j x_j on ranges of width w_j, EE_j = c_j·w_j exactly.
///
/// **Statistics** over the r trajectories: μ_j = mean EE_j; μ*_j = mean |EE_j| (Campolongo,
/// Cariboni & Saltelli 2007, Environmental Modelling & Software 22:1509); σ_j = sample standard
/// deviation of EE_j (divisor r − 1, numpy `ddof=1`).
///
/// **Intervals** resample the r trajectories (``BootstrapOptions``); SALib reports one for μ*
/// only (`mu_star_conf`), DyadSim gives the same kind of interval for μ and σ too. Cost
/// O(resamples · r · k) time.
public enum MorrisAnalysis {
    /// Δ = p/(2(p − 1)), the unit-cube step for p ≥ 2 levels (SALib's `_compute_delta`).
    public static func step(levels: Int) -> Double {
        Double(levels) / (2 * Double(levels - 1))
    }

    /// EE[j][t] for parameter j and trajectory t of a single-replicate design.
    public static func elementaryEffects(inputs: [[Double]], outputs: [Double], levels: Int) throws -> [[Double]] {
        guard levels >= 2 else { throw SensitivityError.levels(levels) }
        let steps = try MorrisSteps(inputs: inputs, outputCount: outputs.count)
        for (row, value) in outputs.enumerated() where !value.isFinite {
            throw SensitivityError.nonFiniteOutput(row: row, replicate: 0, value: value)
        }
        return steps.effects(outputs, step: step(levels: levels))
    }

    /// μ, μ*, σ of a single-replicate design.
    public static func analyze(
        inputs: [[Double]], outputs: [Double], levels: Int,
        bootstrap: BootstrapOptions
    ) throws -> MorrisIndices {
        try analyze(inputs: inputs, outputs: ReplicatedOutputs(outputs: outputs), levels: levels, bootstrap: bootstrap)
    }

    /// μ, μ*, σ of the row means, with noise thresholds when there are ≥ 2 replicates
    /// (``ReplicatedOutputs``). Throws ``SensitivityError`` when the rows are not r ≥ 2
    /// trajectories of k + 1 rows that move one parameter per step, or levels < 2.
    public static func analyze(
        inputs: [[Double]], outputs: ReplicatedOutputs, levels: Int,
        bootstrap: BootstrapOptions
    ) throws -> MorrisIndices {
        try bootstrap.validate()
        guard levels >= 2 else { throw SensitivityError.levels(levels) }
        let steps = try MorrisSteps(inputs: inputs, outputCount: outputs.rowCount)
        let delta = step(levels: levels)
        let effects = steps.effects(outputs.means, step: delta)
        let noiseEffects = outputs.noiseRealization.map { steps.effects($0, step: delta) }
        let parameterCount = effects.count, trajectories = steps.trajectories

        let identity = Array(0..<trajectories)
        var point = [Double](repeating: 0, count: 3 * parameterCount)
        var noisePoint = point
        statistics(effects, sample: identity, into: &point)
        if let noiseEffects { statistics(noiseEffects, sample: identity, into: &noisePoint) }

        var spread = [Moments](repeating: Moments(), count: point.count)
        var noiseSpread = spread
        var random = RandomStream(key: bootstrap.seed)
        var sample = identity
        var resampled = point
        for _ in 0..<bootstrap.resamples {
            BootstrapOptions.draw(into: &sample, count: trajectories, random: &random)
            statistics(effects, sample: sample, into: &resampled)
            for slot in resampled.indices { spread[slot].add(resampled[slot]) }
            if let noiseEffects {
                statistics(noiseEffects, sample: sample, into: &resampled)
                for slot in resampled.indices { noiseSpread[slot].add(resampled[slot]) }
            }
        }

        let z = bootstrap.criticalValue
        func result(_ index: SensitivityIndex, offset: Int) -> [SensitivityEstimate] {
            (0..<parameterCount).map { parameter in
                let slot = 3 * parameter + offset
                let threshold =
                    noiseEffects == nil
                    ? nil
                    : SensitivityEstimate.noiseThreshold(
                        index, counterfactual: noisePoint[slot], standardDeviation: noiseSpread[slot].standardDeviation,
                        criticalValue: z)
                return SensitivityEstimate(
                    index: index, parameter: parameter, value: point[slot],
                    halfWidth: z * spread[slot].standardDeviation, noiseThreshold: threshold)
            }
        }
        return MorrisIndices(
            trajectories: trajectories, levels: levels, elementaryEffects: effects,
            mu: result(.mu, offset: 0), muStar: result(.muStar, offset: 1), sigma: result(.sigma, offset: 2),
            noise: outputs.noise, bootstrap: bootstrap)
    }

    /// μ, μ*, σ of every parameter over the trajectories in `sample`, into values[3j…3j + 2].
    static func statistics(_ effects: [[Double]], sample: [Int], into values: inout [Double]) {
        let count = Double(sample.count)
        for (parameter, row) in effects.enumerated() {
            var sum = 0.0, absoluteSum = 0.0
            for t in sample {
                sum += row[t]
                absoluteSum += abs(row[t])
            }
            let mean = sum / count
            var squares = 0.0
            for t in sample { squares += (row[t] - mean) * (row[t] - mean) }
            values[3 * parameter] = mean
            values[3 * parameter + 1] = absoluteSum / count
            values[3 * parameter + 2] = (squares / (count - 1)).squareRoot()
        }
    }
}

/// Which rows of each trajectory hold each parameter's lower and higher value.
struct MorrisSteps {
    /// low[j][t], high[j][t]: design rows.
    var low: [[Int]]
    var high: [[Int]]
    var trajectories: Int

    /// Validates the design: same-width finite rows, a whole number r ≥ 2 of trajectories of
    /// k + 1 rows, one parameter changing per step and each once per trajectory.
    init(inputs: [[Double]], outputCount: Int) throws {
        guard inputs.count == outputCount else {
            throw SensitivityError.rowCountMismatch(inputs: inputs.count, outputs: outputCount)
        }
        guard let width = inputs.first?.count else {
            throw SensitivityError.tooFewBlocks(count: 0, minimum: 2, noun: "trajectory")
        }
        guard width >= 1 else { throw SensitivityError.noParameters }
        for (row, values) in inputs.enumerated() {
            guard values.count == width else {
                throw SensitivityError.rowWidth(row: row, count: values.count, expected: width)
            }
            for (parameter, value) in values.enumerated() where !value.isFinite {
                throw SensitivityError.nonFiniteInput(row: row, parameter: parameter, value: value)
            }
        }
        guard inputs.count % (width + 1) == 0 else {
            throw SensitivityError.designShape(
                rows: inputs.count, rowsPerBlock: width + 1,
                design: "Morris trajectories for \(width) parameters (k + 1)")
        }
        trajectories = inputs.count / (width + 1)
        guard trajectories >= 2 else {
            throw SensitivityError.tooFewBlocks(count: trajectories, minimum: 2, noun: "trajectory")
        }
        low = [[Int]](repeating: [Int](repeating: -1, count: trajectories), count: width)
        high = low
        for trajectory in 0..<trajectories {
            for offset in 0..<width {
                let before = trajectory * (width + 1) + offset, after = before + 1
                let changed = (0..<width).filter { inputs[after][$0] != inputs[before][$0] }
                guard changed.count == 1, let parameter = changed.first else {
                    let reason =
                        changed.isEmpty
                        ? "no parameter changes (allowed exactly one per step)"
                        : "parameters \(changed.map(String.init).joined(separator: ", ")) change together"
                            + " (allowed exactly one per step)"
                    throw SensitivityError.notATrajectory(trajectory: trajectory, row: after, reason: reason)
                }
                guard low[parameter][trajectory] < 0 else {
                    throw SensitivityError.notATrajectory(
                        trajectory: trajectory, row: after,
                        reason: "parameter \(parameter) changes a second time (allowed once per trajectory)")
                }
                let increases = inputs[after][parameter] > inputs[before][parameter]
                low[parameter][trajectory] = increases ? before : after
                high[parameter][trajectory] = increases ? after : before
            }
        }
    }

    /// EE[j][t] = (y[high] − y[low]) / Δ.
    func effects(_ outputs: [Double], step: Double) -> [[Double]] {
        zip(low, high).map { lows, highs in
            zip(lows, highs).map { (outputs[$1] - outputs[$0]) / step }
        }
    }
}
