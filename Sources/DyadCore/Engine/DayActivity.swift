/// What one couple contributed to today's per-day aggregates before step 8.
struct DayActivity {
    var hadEpisode = false
    var actionPairs = 0
    var pursueWithdrawPairs = 0
    var conflictArousalSum = 0.0
    var conflictSamples = 0
}
