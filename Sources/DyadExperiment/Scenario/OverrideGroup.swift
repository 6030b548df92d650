import DyadCore

/// The three override groups of a scenario.
public enum OverrideGroup: String, Sendable, CaseIterable {
    case shared = "params"
    case roleA = "params_a"
    case roleB = "params_b"
}
