import DyadCore

/// Per-arm summary of one run: couples and the NA-aware mean of every summarised outcome.
public struct ArmSummary: Sendable, Equatable {
    public let name: String
    public let couples: Int
    /// Means in ``OutcomeSelection/means`` order (NaN when every value is NA).
    public let means: [Double]

    public init(name: String, couples: Int, means: [Double]) {
        self.name = name
        self.couples = couples
        self.means = means
    }
}
