/// Per-partner outcome accumulators over outcome days (d ≥ 0), docs/model.md §9.2.
struct PartnerStatistics {
    var actions = 0
    var pursuits = 0
    var withdrawals = 0
    var validations = 0
    var selfRegulations = 0
    var harshPursuits = 0
    var turnArousalSum = 0.0
    var floodedTurns = 0
    var episodePeakSum = 0.0
    /// Largest end-of-turn E of the run (−1: none yet).
    var maximumArousal = -1.0
    var recoveryTimeSum = 0.0
    var endOfDayArousalSum = 0.0
    var endOfDaySecuritySum = 0.0
    var endOfDayRuminationSum = 0.0
    var bidsMade = 0
    var bidsTurnedToward = 0
}
