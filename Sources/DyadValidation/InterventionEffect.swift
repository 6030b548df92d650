import DyadCore

/// One cell of docs/model.md §12.4: an arm's paired effect on a measure.
package struct InterventionEffect: Sendable {
    /// Name of the intervention arm.
    package let arm: String
    /// The compared quantity.
    package let measure: InterventionMeasure
    /// Mean of the measure in the control arm.
    package let controlMean: Double
    /// mean(arm − control) over couples where both are present, SE sd(diff)/√n.
    package let effect: ValidationEstimate
}
