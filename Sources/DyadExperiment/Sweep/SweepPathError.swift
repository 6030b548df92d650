import DyadCore

/// Why a sweep path is not valid for a scenario.
public struct SweepPathError: Error, Sendable, Equatable {
    /// One sentence, e.g. `unknown parameter "imp_hrash"; did you mean "imp_harsh"?`.
    public let message: String
}
