import DyadCore

/// Sweepable intervention fields.
public enum InterventionField: String, Sendable, CaseIterable {
    case strength
    case startDay = "start_day"
    case endDay = "end_day"
    /// The target value of a `set` intervention.
    case value
}
