import DyadCore

/// Selects interventions of an arm by type (all of that type) or by position.
public enum InterventionSelector: Sendable, Equatable {
    case type(InterventionType)
    case index(Int)
}
