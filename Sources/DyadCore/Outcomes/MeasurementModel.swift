/// Classical-test-theory measurement of one run (docs/dyadic-data.md): for a true score T on
/// the model's 0–1 scale, the observed score on the instrument's scale is
///
///     X = offset + factor·T + σ_e·z,   z ~ N(0, 1),   σ_e² = factor²·Var₀(T)·(1 − ρ)/ρ,
///
/// with ECR-R offset 1, factor 6 (1–7) and CSI-16 offset 0, factor 81 (0–81). Var₀(T) is the
/// true-score variance of the population at intake: over both partners of the run's first
/// min(N, `reference_couples`) couples, of a0 (anxiety), v0 (avoidance) and of the satisfaction
/// after burn-in (the start of day 0), so that at intake corr(X, T) = √ρ, the reliability's
/// definition. σ_e is a property of the instrument and stays the same at the end of the run and
/// in every arm, so the reliability there follows the true-score variance there (as in a real
/// trial). X is not clipped to the scale's range: clipping would lower the reliability.
///
/// The errors come from streams of their own (keyed by the couple's stream key, the occasion
/// and, for end scores, the arm name), so no true-score output changes: baseline errors are the
/// same in every arm (one intake, before randomisation), end errors are independent per arm.
struct MeasurementModel: Sendable {
    let settings: MeasurementSettings
    /// σ_e on the instrument's scale, by ``MeasuredColumn/Instrument`` order.
    let errorSD: [Double]
    /// Per arm: the key mixed into the end-of-run error streams (from the arm's name).
    let armKeys: [UInt64]

    private static let intakeTag: UInt64 = 0x6D65_6173_7572_6530
    private static let endTag: UInt64 = 0x6D65_6173_7572_6531

    /// Estimates the intake variances from the reference couples (sampled and burnt in exactly as
    /// the run does).
    init(settings: MeasurementSettings, configuration: RunConfiguration, sampler: PopulationSampler, armNames: [String])
    {
        self.settings = settings
        let count = min(configuration.coupleCount, max(2, settings.referenceCouples))
        var anxiety = VarianceAccumulator(), avoidance = VarianceAccumulator(), satisfaction = VarianceAccumulator()
        for couple in 0..<count {
            var stream = RandomStream(key: StreamKey.couple(runKey: configuration.runKey, couple: couple))
            let traits = sampler.sample(couple: couple, coupleCount: configuration.coupleCount, stream: &stream)
            var simulation = CoupleSimulation(traits: traits, parameters: configuration.parameters, stream: stream)
            simulation.runBurnIn(days: configuration.burnInDays)
            for partner in [simulation.a, simulation.b] {
                anxiety.add(partner.anxiety0)
                avoidance.add(partner.avoidance0)
                satisfaction.add(partner.satisfaction)
            }
        }
        let variances = [anxiety.variance, avoidance.variance, satisfaction.variance]
        errorSD = MeasuredColumn.Instrument.allCases.enumerated().map { index, instrument in
            Self.errorSD(
                trueVariance: variances[index], reliability: settings.reliability(instrument),
                factor: instrument.factor)
        }
        armKeys = armNames.map(Self.nameKey)
    }

    /// σ_e = factor·√(Var₀(T)·(1 − ρ)/ρ).
    static func errorSD(trueVariance: Double, reliability: Double, factor: Double) -> Double {
        guard trueVariance > 0, reliability > 0 else { return 0 }
        return factor * (trueVariance * (1 - reliability) / reliability).squareRoot()
    }

    /// FNV-1a of the name's bytes, scrambled.
    static func nameKey(_ name: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in name.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return SplitMix64.scramble(hash)
    }

    /// Writes the couple's ``MeasuredColumn`` values (after a run of `arm`) at `destination`.
    func write(
        _ simulation: CoupleSimulation, couple: Int, arm: Int, runKey: UInt64,
        to destination: UnsafeMutablePointer<Double>
    ) {
        let coupleKey = StreamKey.couple(runKey: runKey, couple: couple)
        var intake = RandomStream(key: SplitMix64.scramble(coupleKey ^ Self.intakeTag))
        var end = RandomStream(key: SplitMix64.scramble(coupleKey ^ Self.endTag ^ armKeys[arm]))
        let a = simulation.a, b = simulation.b
        let cutoff = settings.distressCutoff
        func observe(_ instrument: MeasuredColumn.Instrument, _ truth: Double, _ stream: inout RandomStream) -> Double {
            let z = stream.normal()
            guard !truth.isNaN else { return .nan }
            return instrument.offset + instrument.factor * truth + errorSD[instrumentIndex(instrument)] * z
        }
        func flag(_ score: Double) -> Double { score.isNaN ? .nan : (score < cutoff ? 1 : 0) }
        func set(_ column: MeasuredColumn, _ value: Double) { destination[column.rawValue] = value }
        set(.satBaselineA, simulation.baselineSatisfactionA)
        set(.satBaselineB, simulation.baselineSatisfactionB)
        set(.ecrAnx0A, observe(.ecrAnxiety, a.anxiety0, &intake))
        set(.ecrAnx0B, observe(.ecrAnxiety, b.anxiety0, &intake))
        set(.ecrAvo0A, observe(.ecrAvoidance, a.avoidance0, &intake))
        set(.ecrAvo0B, observe(.ecrAvoidance, b.avoidance0, &intake))
        set(.csiBaselineA, observe(.csi, simulation.baselineSatisfactionA, &intake))
        set(.csiBaselineB, observe(.csi, simulation.baselineSatisfactionB, &intake))
        set(.ecrAnxA, observe(.ecrAnxiety, a.anxiety, &end))
        set(.ecrAnxB, observe(.ecrAnxiety, b.anxiety, &end))
        set(.ecrAvoA, observe(.ecrAvoidance, a.avoidance, &end))
        set(.ecrAvoB, observe(.ecrAvoidance, b.avoidance, &end))
        set(.csiA, observe(.csi, a.satisfaction, &end))
        set(.csiB, observe(.csi, b.satisfaction, &end))
        set(.csiDistressedBaselineA, flag(destination[MeasuredColumn.csiBaselineA.rawValue]))
        set(.csiDistressedBaselineB, flag(destination[MeasuredColumn.csiBaselineB.rawValue]))
        set(.csiDistressedA, flag(destination[MeasuredColumn.csiA.rawValue]))
        set(.csiDistressedB, flag(destination[MeasuredColumn.csiB.rawValue]))
    }

    private func instrumentIndex(_ instrument: MeasuredColumn.Instrument) -> Int {
        switch instrument {
        case .ecrAnxiety: 0
        case .ecrAvoidance: 1
        case .csi: 2
        }
    }
}

/// Welford's running mean and variance (n − 1 denominator).
struct VarianceAccumulator {
    private(set) var count = 0
    private var mean = 0.0
    private var squares = 0.0

    mutating func add(_ value: Double) {
        count += 1
        let delta = value - mean
        mean += delta / Double(count)
        squares += delta * (value - mean)
    }

    /// The sample variance (0 below two values).
    var variance: Double { count > 1 ? squares / Double(count - 1) : 0 }
}
