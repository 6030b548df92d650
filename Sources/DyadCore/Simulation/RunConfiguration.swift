/// Everything the engine needs for one run (a sweep point × replicate): docs/model.md §5.1 inputs
/// after the experiment layer resolved defaults, overrides and the point's values.
public struct RunConfiguration: Sendable {
    /// N: couples of the run (styles allocation and dissolved_cum use this total).
    public var coupleCount: Int
    /// Couple indices simulated here (default all); a subset reproduces exactly those rows.
    public var coupleRange: Range<Int>
    /// D: outcome days.
    public var days: Int
    /// B: burn-in days.
    public var burnInDays: Int
    /// Day at whose start `sat_baseline` is recorded (0 ≤ baseline_day < D).
    public var baselineDay: Int
    /// Model parameters of the run, after overrides and the sweep point's values (docs/model.md §8).
    public var parameters: ModelParameters
    /// The trait population the couples are drawn from (docs/model.md §5.2–§5.3).
    public var population: PopulationParameters
    /// Trial arms; the first is simulated like any other (the control is an experiment notion).
    public var arms: [Arm]
    /// The run's stream key (``StreamKey/run(seed:pointKey:replicate:)``).
    public var runKey: UInt64
    /// Measured scores (``MeasuredColumn``) after each couple's outcome row; nil: none.
    public var measurement: MeasurementSettings?

    /// A run of `coupleCount` couples (all simulated unless `coupleRange` picks some) with the defaults of
    /// docs/model.md §5.7 unless given.
    public init(
        coupleCount: Int, days: Int, burnInDays: Int = 90, baselineDay: Int = 0,
        parameters: ModelParameters = ModelParameters(), population: PopulationParameters = PopulationParameters(),
        arms: [Arm] = [Arm(name: "control")], runKey: UInt64, coupleRange: Range<Int>? = nil
    ) {
        self.coupleCount = coupleCount
        self.coupleRange = coupleRange ?? 0..<coupleCount
        self.days = days
        self.burnInDays = burnInDays
        self.baselineDay = baselineDay
        self.parameters = parameters
        self.population = population
        self.arms = arms
        self.runKey = runKey
    }

    /// Outcome couple-days of the run (couples × days × arms).
    public var coupleDays: Int { coupleRange.count * days * arms.count }
}
