/// What a streamed run returns (``Simulator/run(_:sink:cancellation:progress:)``); its
/// per-couple rows went to the sink.
public struct RunTotals: Sendable {
    /// Arm names in arm order.
    public let armNames: [String]
    /// Per-day aggregates of each arm, in arm order (exact sums over the run's couples).
    public let daily: [DailyAggregates]
    /// Names behind the prototype codes in `proto_x`.
    public let prototypeNames: [String]
    /// Completed episode turns over outcome days, all arms (for turns/s).
    public let episodeTurns: Int
    /// Outcome couple-days simulated (alive or not).
    public let coupleDays: Int
    /// False if the run was cancelled before every couple was simulated.
    public let isComplete: Bool
}
