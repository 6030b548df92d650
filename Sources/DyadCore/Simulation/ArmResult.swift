/// The outputs of one arm of a run.
public struct ArmResult: Sendable {
    /// The arm's name.
    public let name: String
    /// The per-couple outcomes (docs/model.md §9.2) of the run's couples in this arm.
    public let outcomes: CoupleOutcomeTable
    /// The per-day totals (docs/model.md §9.3) of this arm.
    public let daily: DailyAggregates
}
