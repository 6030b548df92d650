/// How the couples' traits are drawn (MODEL.md §3).
public enum PopulationMode: String, Sendable, CaseIterable {
    /// 4-variate Gaussian copula on the ECR scale with rejection (§3.1, the default).
    case traits
    /// Stratified pairings of style prototypes plus jitter (§3.2).
    case styles
}
