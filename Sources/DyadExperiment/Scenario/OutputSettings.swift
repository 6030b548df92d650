import DyadCore

/// Which output files a run writes (the scenario's `outputs` object).
public struct OutputSettings: Sendable, Equatable {
    /// Output directory; nil means `Results/<name>/`.
    public var directory: String?
    /// Write `couples.csv` (one row per couple × arm × run).
    public var couples = true
    /// Write `daily.csv` (one row per day × arm × run).
    public var daily = true
    /// Write `partners.csv` (one row per partner × couple × arm × run; off by default).
    public var partners = false
    /// Write `traces.csv` for these couples and days; nil: no traces.
    public var traces: TraceSettings?
    /// Write every N-th day to `daily.csv` (days 0, N, 2N, … and always the last day).
    public var dailyEvery = 1

    /// The defaults: couples.csv and daily.csv every day, no partners.csv, no traces, `Results/<name>/`.
    public init() {}

    /// Whether `day` of a run with `days` outcome days is written to `daily.csv`.
    public func writesDay(_ day: Int, of days: Int) -> Bool {
        day % dailyEvery == 0 || day == days - 1
    }
}
