/// Where a parameter lives (docs/model.md §2.1, §8).
public enum ParameterLevel: String, Sendable {
    /// One value per partner; `params_a`/`params_b` and `set` change it per partner.
    case partner
    /// One value per couple.
    case couple
    /// A scalar of the scenario's `population` object.
    case population
}
