/// The outputs of one arm of a run.
public struct ArmResult: Sendable {
    public let name: String
    public let outcomes: CoupleOutcomeTable
    public let daily: DailyAggregates
}
