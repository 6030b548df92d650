/// An estimate with its standard error and the number of observations behind it.
public struct ValidationEstimate: Sendable, Equatable {
    /// The estimate.
    public var value: Double
    /// Its standard error (NaN when it cannot be computed, e.g. fewer than two observations).
    public var standardError: Double
    /// Observations behind it (pairs, couples or partners, as the producing helper states).
    public var count: Int

    /// An estimate `value` ± `standardError` from `count` observations.
    public init(value: Double, standardError: Double, count: Int) {
        self.value = value
        self.standardError = standardError
        self.count = count
    }

    /// value / SE (±inf when SE = 0 and value ≠ 0; NaN when both are 0).
    public var zScore: Double { value / standardError }
}
