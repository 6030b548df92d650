extension CoupleSimulation {
    /// Writes the couple's row of MODEL.md §9.1 (NaN = NA; labels as codes).
    func writeOutcomes(_ row: OutcomeRowWriter, classifier: StyleClassifier) {
        func ratio(_ numerator: Double, _ denominator: Double) -> Double {
            denominator > 0 ? numerator / denominator : .nan
        }
        func ratio(_ numerator: Int, _ denominator: Int) -> Double {
            denominator > 0 ? Double(numerator) / Double(denominator) : .nan
        }
        func style(_ anxiety: Double, _ avoidance: Double) -> Double {
            Double(classifier.style(anxiety: anxiety, avoidance: avoidance).rawValue)
        }
        let s = statistics
        let episodes = s.episodes
        let prior = constants.prior
        row.set(.a0A, a.anxiety0)
        row.set(.v0A, a.avoidance0)
        row.set(.a0B, b.anxiety0)
        row.set(.v0B, b.avoidance0)
        row.set(.style0A, style(a.anxiety0, a.avoidance0))
        row.set(.style0B, style(b.anxiety0, b.avoidance0))
        row.set(.protoA, prototypeA >= 0 ? Double(prototypeA) : .nan)
        row.set(.protoB, prototypeB >= 0 ? Double(prototypeB) : .nan)
        row.set(.aA, a.anxiety)
        row.set(.vA, a.avoidance)
        row.set(.aB, b.anxiety)
        row.set(.vB, b.avoidance)
        row.set(.styleA, style(a.anxiety, a.avoidance))
        row.set(.styleB, style(b.anxiety, b.avoidance))
        row.set(.treated, treated ? 1 : 0)
        row.set(.episodes, Double(episodes))
        row.set(.initiatedA, Double(s.initiatedByA))
        row.set(.resolvedFrac, ratio(s.resolvedEpisodes, episodes))
        row.set(.repairTime, ratio(s.resolvedRepairMinutes, Double(s.resolvedEpisodes)))
        row.set(.repairRMST, ratio(s.restrictedRepairMinutes, Double(episodes)))
        row.set(.breaks, Double(s.breaks))
        row.set(.endsBreak, Double(s.endsBreak))
        row.set(.endsWithdraw, Double(s.endsWithdraw))
        row.set(.endsTimeout, Double(s.endsTimeout))
        row.set(.pwCycleFrac, ratio(s.pursueWithdrawPairs, s.actionPairs))
        row.set(.pwAB, Double(s.pursueWithdrawPairsAB))
        row.set(.pwBA, Double(s.pursueWithdrawPairsBA))
        row.set(.actionsA, Double(a.statistics.actions))
        row.set(.actionsB, Double(b.statistics.actions))
        writeActionShares(a.statistics, row: row, columns: (.pursueFracA, .withdrawFracA, .validateFracA, .selfregFracA, .harshFracA))
        writeActionShares(b.statistics, row: row, columns: (.pursueFracB, .withdrawFracB, .validateFracB, .selfregFracB, .harshFracB))
        let turns = s.completedTurns
        row.set(.meanEA, ratio(a.statistics.turnArousalSum, Double(turns)))
        row.set(.meanEB, ratio(b.statistics.turnArousalSum, Double(turns)))
        row.set(.peakEA, ratio(a.statistics.episodePeakSum, Double(episodes)))
        row.set(.peakEB, ratio(b.statistics.episodePeakSum, Double(episodes)))
        row.set(.maxHRA, maximumHeartRate(a))
        row.set(.maxHRB, maximumHeartRate(b))
        row.set(.floodFracA, ratio(a.statistics.floodedTurns, turns))
        row.set(.floodFracB, ratio(b.statistics.floodedTurns, turns))
        row.set(.recoveryTimeA, ratio(a.statistics.recoveryTimeSum, Double(episodes)))
        row.set(.recoveryTimeB, ratio(b.statistics.recoveryTimeSum, Double(episodes)))
        let days = Double(s.recordedDays)
        row.set(.tonicEA, ratio(a.statistics.endOfDayArousalSum, days))
        row.set(.tonicEB, ratio(b.statistics.endOfDayArousalSum, days))
        row.set(.securityA, a.security)
        row.set(.securityB, b.security)
        row.set(.meanSecurityA, ratio(a.statistics.endOfDaySecuritySum, days))
        row.set(.meanSecurityB, ratio(b.statistics.endOfDaySecuritySum, days))
        row.set(.ruminationA, ratio(a.statistics.endOfDayRuminationSum, days))
        row.set(.ruminationB, ratio(b.statistics.endOfDayRuminationSum, days))
        row.set(.turnTowardA, ratio(a.statistics.bidsTurnedToward, a.statistics.bidsMade))
        row.set(.turnTowardB, ratio(b.statistics.bidsTurnedToward, b.statistics.bidsMade))
        row.set(.ratioConflict, ratio(s.conflictPositive + prior, s.conflictNegative + prior))
        row.set(.ratioAll, ratio(s.allPositive + prior, s.allNegative + prior))
        row.set(.satA, a.satisfaction)
        row.set(.satB, b.satisfaction)
        let satisfaction = coupleSatisfaction
        row.set(.satisfaction, satisfaction)
        row.set(.meanSatisfaction, ratio(s.endOfDaySatisfactionSum, days))
        row.set(.satBaseline, baselineSatisfaction)
        row.set(.distressedBaseline,
            baselineSatisfaction.isNaN ? .nan : (baselineSatisfaction < constants.distressThreshold ? 1 : 0))
        row.set(.distressed, satisfaction < constants.distressThreshold ? 1 : 0)
        row.set(.dissolved, dissolvedDay >= 0 ? 1 : 0)
        row.set(.dayDissolved, dissolvedDay >= 0 ? Double(dissolvedDay) : .nan)
    }

    private func writeActionShares(
        _ s: PartnerStatistics, row: OutcomeRowWriter,
        columns: (CoupleOutcomeColumn, CoupleOutcomeColumn, CoupleOutcomeColumn, CoupleOutcomeColumn, CoupleOutcomeColumn)
    ) {
        let actions = Double(s.actions)
        let share: (Int) -> Double = { actions > 0 ? Double($0) / actions : .nan }
        row.set(columns.0, share(s.pursuits))
        row.set(columns.1, share(s.withdrawals))
        row.set(columns.2, share(s.validations))
        row.set(columns.3, share(s.selfRegulations))
        row.set(columns.4, s.pursuits > 0 ? Double(s.harshPursuits) / Double(s.pursuits) : .nan)
    }

    /// HR = min(hr_max, hr_rest + (100 − hr_rest)·E/theta_flood) at the largest end-of-turn E.
    private func maximumHeartRate(_ partner: PartnerState) -> Double {
        let arousal = partner.statistics.maximumArousal
        guard arousal >= 0 else { return .nan }
        let p = partner.parameters
        return min(constants.maximumHeartRate, p.restingHeartRate + (100 - p.restingHeartRate) * arousal / p.floodThreshold)
    }
}
