/// Per-couple outcome accumulators over outcome days (d ≥ 0), docs/model.md §9.2.
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
