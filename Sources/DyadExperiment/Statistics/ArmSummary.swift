import DyadCore

/// Per-arm summary of one run: couples and the NA-aware mean of every numeric outcome.
public struct ArmSummary: Sendable, Equatable {
    public let name: String
    public let couples: Int
    /// Means in ``CoupleOutcomeColumn/numeric`` order (NaN when every value is NA).
    public let means: [Double]

    public init(name: String, couples: Int, means: [Double]) {
        self.name = name
        self.couples = couples
        self.means = means
    }
}
