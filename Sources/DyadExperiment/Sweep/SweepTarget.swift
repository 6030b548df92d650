import DyadCore

/// What a sweep path (e.g. `params.imp_harsh`, `population.r_cross`,
/// `arms.validation.consistent_validation.strength`) changes in a scenario (issue: sweeps).
public enum SweepTarget: Sendable, Equatable {
    /// A model parameter in `params`, `params_a` or `params_b`.
    case parameter(group: OverrideGroup, parameter: ParameterInfo)
    /// A scalar of the `population` object.
    case population(ParameterInfo)
    case couples, days, burnInDays, baselineDay
    /// A field of every intervention of `type` in the arm named `arm` (or of the one at `index`).
    case intervention(arm: String, selector: InterventionSelector, field: InterventionField)
}
