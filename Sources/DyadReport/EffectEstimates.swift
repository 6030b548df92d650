import DyadCore
import DyadExperiment

/// One treatment arm compared with the control arm on one outcome: the paired difference with
/// its 95 % CI and the standardised effect d with an approximate 95 % CI.
struct EffectEstimate {
    let arm: String
    /// The outcome name (effects.csv `outcome`, or the couples.csv stem for derived outcomes).
    let outcome: String
    /// Couple pairs compared.
    let count: Int
    let controlMean: Double
    let armMean: Double
    /// Paired mean difference arm − control, with its 95 % CI.
    let difference: Double
    let low: Double
    let high: Double
    /// d = difference / s_pooled, s_pooled = √((s_control² + s_arm²)/2).
    let d: Double

    /// The CI of d: the CI of the difference divided by the pooled SD implied by difference / d
    /// (treats s_pooled as known; NaN when d or the difference is zero or missing).
    var dInterval: (low: Double, high: Double) {
        let pooled = difference / d
        guard pooled.isFinite, pooled > 0 else { return (.nan, .nan) }
        return (low / pooled, high / pooled)
    }
}

/// Reading effects.csv and deriving effects for the more anxious partner from couples.csv.
enum EffectEstimates {
    /// The rows of effects.csv at sweep point `point`.
    static func load(_ path: String, point: Int) throws(ReportError) -> [EffectEstimate] {
        let table = try ReportTable.read(
            path, numbers: ["n", "control_mean", "arm_mean", "difference", "ci_low", "ci_high", "d"],
            labels: ["arm", "outcome"], filter: ("sweep_point", Double(point)))
        let arms = table.labels("arm"), outcomes = table.labels("outcome")
        let counts = table.numbers("n"), controls = table.numbers("control_mean"), means = table.numbers("arm_mean")
        let differences = table.numbers("difference"), lows = table.numbers("ci_low"), highs = table.numbers("ci_high")
        let ds = table.numbers("d")
        return (0..<table.rowCount).map { row in
            EffectEstimate(
                arm: arms[row], outcome: outcomes[row], count: ReportNumber.index(counts[row]) ?? 0,
                controlMean: controls[row], armMean: means[row], difference: differences[row],
                low: lows[row], high: highs[row], d: ds[row])
        }
    }

    /// Columns of couples.csv the derived effects need.
    static let coupleColumns =
        ["replicate", "couple", "a0_a", "a0_b"]
        + ReportOutcome.moreAnxiousPartner.outcomes.flatMap { [$0.name + "_a", $0.name + "_b"] }

    /// Paired effects on the partner who was more anxious on day 0 (a0_a ≥ a0_b: partner a),
    /// matching each couple of `arm` with the same replicate and couple of `control`.
    static func moreAnxiousPartner(_ couples: ReportTable, arms: [String], control: String) -> [EffectEstimate] {
        let armLabels = couples.labels("arm")
        let replicates = couples.numbers("replicate"), coupleIndices = couples.numbers("couple")
        let anxietyA = couples.numbers("a0_a"), anxietyB = couples.numbers("a0_b")
        // Rows whose replicate or couple is not an index (NA, huge) pair with nothing.
        func key(_ row: Int) -> Int? {
            guard let replicate = ReportNumber.index(replicates[row]),
                let couple = ReportNumber.index(coupleIndices[row])
            else { return nil }
            return replicate << 32 | couple
        }
        var controlRows: [Int: Int] = [:]
        for row in 0..<couples.rowCount where armLabels[row] == control {
            if let key = key(row) { controlRows[key] = row }
        }
        let stems = ReportOutcome.moreAnxiousPartner.outcomes.map(\.name)
        let columns = stems.map { (a: couples.numbers($0 + "_a"), b: couples.numbers($0 + "_b")) }
        var estimates: [EffectEstimate] = []
        for arm in arms where arm != control {
            var moments = Array(repeating: PairedMoments(), count: stems.count)
            for row in 0..<couples.rowCount where armLabels[row] == arm {
                guard let key = key(row), let controlRow = controlRows[key] else { continue }
                let partnerA = RoleFreeGrouping.aIsMoreAnxious(a0A: anxietyA[controlRow], a0B: anxietyB[controlRow])
                for slot in stems.indices {
                    let values = partnerA ? columns[slot].a : columns[slot].b
                    moments[slot].add(control: values[controlRow], treatment: values[row])
                }
            }
            for (slot, stem) in stems.enumerated() where moments[slot].difference.count > 1 {
                let paired = moments[slot]
                let interval = paired.difference.confidenceInterval95
                estimates.append(
                    EffectEstimate(
                        arm: arm, outcome: stem, count: paired.difference.count, controlMean: paired.control.mean,
                        armMean: paired.treatment.mean, difference: paired.difference.mean, low: interval.low,
                        high: interval.high, d: paired.cohensD))
            }
        }
        return estimates
    }
}
