/// Per-partner outcome accumulators over outcome days (d ≥ 0), MODEL.md §9.1.
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

/// Per-couple outcome accumulators over outcome days (d ≥ 0), MODEL.md §9.1.
struct CoupleStatistics {
    var episodes = 0
    var initiatedByA = 0
    var resolvedEpisodes = 0
    var resolvedRepairMinutes = 0.0
    var restrictedRepairMinutes = 0.0
    var breaks = 0
    var endsBreak = 0
    var endsWithdraw = 0
    var endsTimeout = 0
    var actionPairs = 0
    var pursueWithdrawPairs = 0
    var pursueWithdrawPairsAB = 0
    var pursueWithdrawPairsBA = 0
    var completedTurns = 0
    /// Unweighted positive / negative episode events received by either partner.
    var conflictPositive = 0.0
    var conflictNegative = 0.0
    /// Same plus bids and share-vulnerability positives.
    var allPositive = 0.0
    var allNegative = 0.0
    var endOfDaySatisfactionSum = 0.0
    var recordedDays = 0
}

/// What one couple contributed to today's per-day aggregates before step 8.
struct DayActivity {
    var hadEpisode = false
    var actionPairs = 0
    var pursueWithdrawPairs = 0
    var conflictArousalSum = 0.0
    var conflictSamples = 0
}
