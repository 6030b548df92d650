/// An estimate with its standard error and the number of observations behind it.
package struct ValidationEstimate: Sendable, Equatable {
    /// The estimate.
    package var value: Double
    /// Its standard error (NaN when it cannot be computed, e.g. fewer than two observations).
    package var standardError: Double
    /// Observations behind it (pairs, couples or partners, as the producing helper states).
    package var count: Int

    /// An estimate `value` ± `standardError` from `count` observations.
    package init(value: Double, standardError: Double, count: Int) {
        self.value = value
        self.standardError = standardError
        self.count = count
    }

    /// value / SE (±inf when SE = 0 and value ≠ 0; NaN when both are 0).
    package var zScore: Double { value / standardError }
}
