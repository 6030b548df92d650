/// What an analysed output is; the raw value is the `kind` column of `sensitivity.csv`.
public enum SensitivityKind: String, Sendable, CaseIterable {
    /// An outcome of one arm (its run mean).
    case level
    /// A paired trial effect: arm − control on the same couples.
    case effect
}
