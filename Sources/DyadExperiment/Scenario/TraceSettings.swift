/// `outputs.traces`: every action of every conflict episode of some couples (traces.csv).
public struct TraceSettings: Sendable, Equatable {
    /// Couples traced per run (chosen from the run's key; the same couples in every arm).
    public var couples: Int
    /// Outcome days traced, both ends included; nil: every day.
    public var days: ClosedRange<Int>?

    /// Traces of `couples` couples per run on `days` (nil: every outcome day).
    public init(couples: Int, days: ClosedRange<Int>? = nil) {
        self.couples = couples
        self.days = days
    }
}
