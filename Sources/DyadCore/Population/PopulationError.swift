/// Error for a population that cannot be sampled.
public enum PopulationError: Error, Equatable, Sendable {
    /// The trait correlation matrix R is not positive definite.
    case correlationMatrixNotPositiveDefinite
    /// A pairing names a prototype that does not exist.
    case unknownPrototype(String)
    /// All pairing shares are zero, or one is negative or not finite.
    case invalidShares
}
