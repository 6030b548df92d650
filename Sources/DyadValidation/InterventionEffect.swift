import DyadCore

/// One cell of docs/model.md §12.4: an arm's paired effect on a measure.
public struct InterventionEffect: Sendable {
    /// Name of the intervention arm.
    public let arm: String
    /// The compared quantity.
    public let measure: InterventionMeasure
    /// Mean of the measure in the control arm.
    public let controlMean: Double
    /// mean(arm − control) over couples where both are present, SE sd(diff)/√n.
    public let effect: ValidationEstimate
}
