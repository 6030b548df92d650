/// Global sensitivity methods; the raw value is the `method` column of `sensitivity.csv`.
public enum SensitivityMethod: String, Sendable, CaseIterable {
    /// Variance-based indices from a Saltelli design (``SobolAnalysis``).
    case sobol
    /// Elementary effects from Morris trajectories (``MorrisAnalysis``).
    case morris
}
