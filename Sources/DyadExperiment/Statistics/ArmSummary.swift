import DyadCore

/// Per-arm summary of one run: couples and the NA-aware mean of every summarised outcome.
public struct ArmSummary: Sendable, Equatable {
    /// The arm's name.
    public let name: String
    /// Couples of the run in this arm (rows of couples.csv for it).
    public let couples: Int
    /// Means in ``OutcomeSelection/means`` order (NaN when every value is NA).
    public let means: [Double]

    /// The summary of arm `name` over `couples` couples with `means` in numeric-column order.
    public init(name: String, couples: Int, means: [Double]) {
        self.name = name
        self.couples = couples
        self.means = means
    }
}
