/// How the couples' traits are drawn (docs/model.md §5.2–§5.3).
public enum PopulationMode: String, Sendable, CaseIterable {
    /// 4-variate Gaussian copula on the ECR scale with rejection (§5.2, the default).
    case traits
    /// Stratified pairings of style prototypes plus jitter (§5.3).
    case styles
}
