extension CoupleSimulation {
    /// Writes the couple's row of docs/model.md §9.2 (NaN = NA; labels as codes).
    func writeOutcomes(_ row: OutcomeRowWriter, classifier: StyleClassifier) {
        for column in CoupleOutcomeColumn.allCases {
            row.set(column, outcome(column, classifier: classifier))
        }
    }

    /// The couple's value of `column` at the end of the run (NaN = NA; labels as codes: style raw
    /// values, prototype indices).
    func outcome(_ column: CoupleOutcomeColumn, classifier: StyleClassifier) -> Double {
        func ratio(_ numerator: Double, _ denominator: Double) -> Double {
            denominator > 0 ? numerator / denominator : .nan
        }
        func ratio(_ numerator: Int, _ denominator: Int) -> Double {
            denominator > 0 ? Double(numerator) / Double(denominator) : .nan
        }
        func style(_ anxiety: Double, _ avoidance: Double) -> Double {
            Double(classifier.style(anxiety: anxiety, avoidance: avoidance).rawValue)
        }
        /// Share of a partner's non-forced actions.
        func share(_ count: Int, _ partner: PartnerState) -> Double {
            let actions = Double(partner.statistics.actions)
            return actions > 0 ? Double(count) / actions : .nan
        }
        /// Share of a partner's non-forced PURSUEs that are harsh.
        func harshShare(_ partner: PartnerState) -> Double {
            let s = partner.statistics
            return s.pursuits > 0 ? Double(s.harshPursuits) / Double(s.pursuits) : .nan
        }
        let s = statistics
        let episodes = s.episodes
        let turns = s.completedTurns
        let days = Double(s.recordedDays)
        switch column {
        case .a0A: return a.anxiety0
        case .v0A: return a.avoidance0
        case .a0B: return b.anxiety0
        case .v0B: return b.avoidance0
        case .style0A: return style(a.anxiety0, a.avoidance0)
        case .style0B: return style(b.anxiety0, b.avoidance0)
        case .protoA: return prototypeA >= 0 ? Double(prototypeA) : .nan
        case .protoB: return prototypeB >= 0 ? Double(prototypeB) : .nan
        case .aA: return a.anxiety
        case .vA: return a.avoidance
        case .aB: return b.anxiety
        case .vB: return b.avoidance
        case .styleA: return style(a.anxiety, a.avoidance)
        case .styleB: return style(b.anxiety, b.avoidance)
        case .treated: return treated ? 1 : 0
        case .episodes: return Double(episodes)
        case .initiatedA: return Double(s.initiatedByA)
        case .resolvedFrac: return ratio(s.resolvedEpisodes, episodes)
        case .repairTime: return ratio(s.resolvedRepairMinutes, Double(s.resolvedEpisodes))
        case .repairRMST: return ratio(s.restrictedRepairMinutes, Double(episodes))
        case .breaks: return Double(s.breaks)
        case .endsBreak: return Double(s.endsBreak)
        case .endsWithdraw: return Double(s.endsWithdraw)
        case .endsTimeout: return Double(s.endsTimeout)
        case .pwCycleFrac: return ratio(s.pursueWithdrawPairs, s.actionPairs)
        case .pwAB: return Double(s.pursueWithdrawPairsAB)
        case .pwBA: return Double(s.pursueWithdrawPairsBA)
        case .actionsA: return Double(a.statistics.actions)
        case .actionsB: return Double(b.statistics.actions)
        case .pursueFracA: return share(a.statistics.pursuits, a)
        case .withdrawFracA: return share(a.statistics.withdrawals, a)
        case .validateFracA: return share(a.statistics.validations, a)
        case .selfregFracA: return share(a.statistics.selfRegulations, a)
        case .harshFracA: return harshShare(a)
        case .pursueFracB: return share(b.statistics.pursuits, b)
        case .withdrawFracB: return share(b.statistics.withdrawals, b)
        case .validateFracB: return share(b.statistics.validations, b)
        case .selfregFracB: return share(b.statistics.selfRegulations, b)
        case .harshFracB: return harshShare(b)
        case .meanEA: return ratio(a.statistics.turnArousalSum, Double(turns))
        case .meanEB: return ratio(b.statistics.turnArousalSum, Double(turns))
        case .peakEA: return ratio(a.statistics.episodePeakSum, Double(episodes))
        case .peakEB: return ratio(b.statistics.episodePeakSum, Double(episodes))
        case .maxHRA: return maximumHeartRate(a)
        case .maxHRB: return maximumHeartRate(b)
        case .floodFracA: return ratio(a.statistics.floodedTurns, turns)
        case .floodFracB: return ratio(b.statistics.floodedTurns, turns)
        case .recoveryTimeA: return ratio(a.statistics.recoveryTimeSum, Double(episodes))
        case .recoveryTimeB: return ratio(b.statistics.recoveryTimeSum, Double(episodes))
        case .tonicEA: return ratio(a.statistics.endOfDayArousalSum, days)
        case .tonicEB: return ratio(b.statistics.endOfDayArousalSum, days)
        case .securityA: return a.security
        case .securityB: return b.security
        case .meanSecurityA: return ratio(a.statistics.endOfDaySecuritySum, days)
        case .meanSecurityB: return ratio(b.statistics.endOfDaySecuritySum, days)
        case .ruminationA: return ratio(a.statistics.endOfDayRuminationSum, days)
        case .ruminationB: return ratio(b.statistics.endOfDayRuminationSum, days)
        case .turnTowardA: return ratio(a.statistics.bidsTurnedToward, a.statistics.bidsMade)
        case .turnTowardB: return ratio(b.statistics.bidsTurnedToward, b.statistics.bidsMade)
        case .ratioConflict: return ratio(s.conflictPositive + constants.prior, s.conflictNegative + constants.prior)
        case .ratioAll: return ratio(s.allPositive + constants.prior, s.allNegative + constants.prior)
        case .satA: return a.satisfaction
        case .satB: return b.satisfaction
        case .satisfaction: return coupleSatisfaction
        case .meanSatisfaction: return ratio(s.endOfDaySatisfactionSum, days)
        case .satBaseline: return baselineSatisfaction
        case .distressedBaseline:
            return baselineSatisfaction.isNaN ? .nan : (baselineSatisfaction < constants.distressThreshold ? 1 : 0)
        case .distressed: return coupleSatisfaction < constants.distressThreshold ? 1 : 0
        case .dissolved: return dissolvedDay >= 0 ? 1 : 0
        case .dayDissolved: return dissolvedDay >= 0 ? Double(dissolvedDay) : .nan
        case .aMoreAnxious, .aMoreAvoidant, .vMoreAnxious, .vMoreAvoidant, .satMoreAnxious, .satMoreAvoidant,
            .meanEMoreAnxious, .meanEMoreAvoidant, .floodFracMoreAnxious, .floodFracMoreAvoidant,
            .pursueFracMoreAnxious, .pursueFracMoreAvoidant, .withdrawFracMoreAnxious, .withdrawFracMoreAvoidant,
            .securityMoreAnxious, .securityMoreAvoidant:
            guard let source = column.roleFreeSource else { return .nan }
            let aIsPartner = RoleFreeGrouping.aIs(
                source.partner, a0A: a.anxiety0, v0A: a.avoidance0, a0B: b.anxiety0, v0B: b.avoidance0)
            return outcome(aIsPartner ? source.a : source.b, classifier: classifier)
        }
    }

    /// HR = min(hr_max, hr_rest + (100 − hr_rest)·E/theta_flood) at the largest end-of-turn E.
    private func maximumHeartRate(_ partner: PartnerState) -> Double {
        let arousal = partner.statistics.maximumArousal
        guard arousal >= 0 else { return .nan }
        let p = partner.parameters
        return min(
            constants.maximumHeartRate, p.restingHeartRate + (100 - p.restingHeartRate) * arousal / p.floodThreshold)
    }
}
