/// The scenario's `measurement` section: the reliability of each questionnaire and the CSI-16
/// distress cut-off (docs/dyadic-data.md). Defaults are published values:
/// - ECR-R anxiety and avoidance: internal consistency α ≈ .90–.93 in the development and
///   validation samples (Fraley, Waller & Brennan 2000; Sibley & Liu 2004): 0.92 each;
/// - CSI-16: α = .94 (Funk & Rogge 2007);
/// - CSI-16 distress cut-off: scores below 51.5 (of 0–81) indicate notable relationship
///   dissatisfaction (Funk & Rogge 2007).
public struct MeasurementSettings: Sendable, Equatable {
    /// Reliability ρ of ECR-R anxiety, in (0, 1].
    public var anxietyReliability = 0.92
    /// Reliability ρ of ECR-R avoidance, in (0, 1].
    public var avoidanceReliability = 0.92
    /// Reliability ρ of CSI-16 satisfaction, in (0, 1].
    public var satisfactionReliability = 0.94
    /// CSI-16 score below which a partner counts as distressed (0–81).
    public var distressCutoff = 51.5
    /// The run's first min(N, referenceCouples) couples set the true-score variances at intake.
    public var referenceCouples = 4096

    /// The published defaults above (ρ = 0.92, 0.92, 0.94; cut-off 51.5; 4096 reference couples).
    public init() {}

    /// The reliability of `instrument`.
    public func reliability(_ instrument: MeasuredColumn.Instrument) -> Double {
        switch instrument {
        case .ecrAnxiety: anxietyReliability
        case .ecrAvoidance: avoidanceReliability
        case .csi: satisfactionReliability
        }
    }
}
