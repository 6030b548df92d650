/// How an episode ended (docs/model.md §7.8–§7.9); the raw value is its name in traces.csv.
public enum EpisodeEnding: String, Sendable, CaseIterable {
    case resolved
    case withdrawal
    case unannouncedBreak = "unannounced_break"
    case timeout
}

extension CoupleSimulation {
    /// One conflict episode (docs/model.md §7.5–§7.10) followed by its outcome bookkeeping and the
    /// post-episode rumination update (§7.11, step 5).
    mutating func runEpisode<Observer: EpisodeObserver>(initiatorIsA: Bool, observer: inout Observer) {
        observer.beginEpisode()
        today.hadEpisode = true
        statistics.episodes += 1
        if initiatorIsA {
            statistics.initiatedByA += 1
            a.arousal = clamp01(a.arousal + a.parameters.onsetArousal)
        } else {
            b.arousal = clamp01(b.arousal + b.parameters.onsetArousal)
        }
        a.prepareEpisodeUtilities()
        b.prepareEpisodeUtilities()
        a.clearHistory()
        b.clearHistory()

        let constants = self.constants  // one copy per episode, not one per action
        let maximumTurns = constants.maximumTurns
        let turnMinutes = constants.turnMinutes
        var turn = 0
        var lastValidateTurn = Int.min / 2
        var completedTurns = 0
        var breakMinutes = 0.0
        var peakA = -1.0, peakB = -1.0
        var ending = EpisodeEnding.timeout

        turnLoop: while turn < maximumTurns {
            for slot in 0..<2 {
                let actorIsA = (slot == 0) == initiatorIsA
                let forced = turn == 0 && slot == 0
                let action =
                    actorIsA
                    ? Self.act(
                        actor: &a, receiver: &b, actorIsA: true, forced: forced, stream: &stream,
                        statistics: &statistics, today: &today, constants: constants)
                    : Self.act(
                        actor: &b, receiver: &a, actorIsA: false, forced: forced, stream: &stream,
                        statistics: &statistics, today: &today, constants: constants)
                if action == .validate { lastValidateTurn = turn }
                if action.isBreak {
                    let trained =
                        actorIsA
                        ? Self.takeBreak(
                            actor: &a, receiver: &b, stream: &stream, breakMinutes: &breakMinutes,
                            turnMinutes: turnMinutes)
                        : Self.takeBreak(
                            actor: &b, receiver: &a, stream: &stream, breakMinutes: &breakMinutes,
                            turnMinutes: turnMinutes)
                    observer.record(
                        turn: turn, actorIsA: actorIsA, action: action, forced: forced, a: a, b: b, constants: constants
                    )
                    if action == .breakAnnounced || trained {
                        a.clearHistory()
                        b.clearHistory()
                        turn += 1
                        continue turnLoop
                    }
                    ending = .unannouncedBreak
                    break turnLoop
                }
                observer.record(
                    turn: turn, actorIsA: actorIsA, action: action, forced: forced, a: a, b: b, constants: constants)
            }
            // §7.9 end of turn: both relax with noise; these are the sampled arousals.
            Self.relaxTurn(&a, z: stream.normal())
            Self.relaxTurn(&b, z: stream.normal())
            peakA = max(peakA, a.arousal)
            peakB = max(peakB, b.arousal)
            today.conflictArousalSum += a.arousal + b.arousal
            today.conflictSamples += 2
            completedTurns += 1
            if a.arousal < constants.resolveArousal && b.arousal < constants.resolveArousal
                && lastValidateTurn > turn - constants.validateWindow
            {
                ending = .resolved
                break
            }
            if a.withdrawStreak >= constants.withdrawStreakEnd || b.withdrawStreak >= constants.withdrawStreakEnd {
                ending = .withdrawal
                break
            }
            turn += 1
        }
        observer.endEpisode(ending)
        finishEpisode(
            ending: ending, repairMinutes: Double(completedTurns) * turnMinutes + breakMinutes,
            peakA: peakA, peakB: peakB)
        statistics.completedTurns += completedTurns
    }

    /// Episode outcome bookkeeping (§7.10) and step 5 (rumination relief or gain).
    private mutating func finishEpisode(ending: EpisodeEnding, repairMinutes: Double, peakA: Double, peakB: Double) {
        let horizon = constants.repairHorizonMinutes
        switch ending {
        case .resolved:
            statistics.resolvedEpisodes += 1
            statistics.resolvedRepairMinutes += repairMinutes
            statistics.restrictedRepairMinutes += min(repairMinutes, horizon)
        case .withdrawal:
            statistics.endsWithdraw += 1
            statistics.restrictedRepairMinutes += horizon
        case .unannouncedBreak:
            statistics.endsBreak += 1
            statistics.restrictedRepairMinutes += horizon
        case .timeout:
            statistics.endsTimeout += 1
            statistics.restrictedRepairMinutes += horizon
        }
        let tolerance = constants.recoveryTolerance
        Self.recordEpisodeEnd(&a, peak: peakA, tolerance: tolerance, resolved: ending == .resolved)
        Self.recordEpisodeEnd(&b, peak: peakB, tolerance: tolerance, resolved: ending == .resolved)
    }

    private static func recordEpisodeEnd(_ partner: inout PartnerState, peak: Double, tolerance: Double, resolved: Bool)
    {
        partner.statistics.episodePeakSum += peak >= 0 ? peak : partner.arousal
        let gap = partner.arousal - partner.setPoint
        if gap > tolerance {
            partner.statistics.recoveryTimeSum += partner.halfLife * DyadMath.log2(gap / tolerance)
        }
        let p = partner.parameters
        if resolved {
            partner.rumination *= 1 - p.ruminationRelief
        } else {
            partner.rumination += p.ruminationGain * partner.anxiety * max(partner.arousal, p.ruminationArousalFloor)
        }
    }

    /// §7.9: E ← clamp01(E* + r(E − E*) + sigma_e·z), with its per-turn statistics.
    @inline(__always)
    static func relaxTurn(_ partner: inout PartnerState, z: Double) {
        let p = partner.parameters
        let arousal = clamp01(
            partner.setPoint + partner.turnInertia * (partner.arousal - partner.setPoint) + p.arousalNoise * z)
        partner.arousal = arousal
        partner.statistics.turnArousalSum += arousal
        if arousal > p.floodThreshold { partner.statistics.floodedTurns += 1 }
        if arousal > partner.statistics.maximumArousal { partner.statistics.maximumArousal = arousal }
    }

    /// §7.8: a break in closed form. Trained with probability s^SS (drawn only if s^SS > 0);
    /// E_k ← E*_k + (E_k − E*_k)·0.5^(LΔ/hb_k), E_j ← E*_j + (E_j − E*_j)·0.5^(LΔ/h_j).
    /// Returns whether the break was trained.
    static func takeBreak(
        actor: inout PartnerState, receiver: inout PartnerState, stream: inout RandomStream,
        breakMinutes: inout Double, turnMinutes: Double
    ) -> Bool {
        let trained = actor.soothingStrength > 0 && stream.uniform() < actor.soothingStrength
        let ownDecay = trained ? actor.ownTrainedBreakDecay : actor.ownBreakDecay
        let partnerDecay = trained ? actor.partnerTrainedBreakDecay : actor.partnerBreakDecay
        actor.arousal = actor.setPoint + (actor.arousal - actor.setPoint) * ownDecay
        receiver.arousal = receiver.setPoint + (receiver.arousal - receiver.setPoint) * partnerDecay
        breakMinutes += Double(trained ? actor.trainedBreakTurns : actor.breakTurns) * turnMinutes
        return trained
    }

    /// One action of `actor` toward `receiver`: choice (§7.6), statistics (§7.10), impulse and
    /// events (§7.7), history update.
    static func act(
        actor: inout PartnerState, receiver: inout PartnerState, actorIsA: Bool, forced: Bool,
        stream: inout RandomStream, statistics: inout CoupleStatistics, today: inout DayActivity,
        constants: borrowing CoupleConstants
    ) -> Action {
        let action: Action
        if forced {
            action = stream.uniform() < actor.softPursuitProbability() ? .pursueSoft : .pursueHarsh
        } else {
            action = ChoiceRule.choose(
                actor: actor, partnerLast: receiver.lastAction,
                partnerPursuedRecently: receiver.pursuedRecently, stream: &stream)
            countAction(action, of: &actor, statistics: &statistics)
        }
        let partnerLast = receiver.lastAction
        if partnerLast != .none {
            statistics.actionPairs += 1
            today.actionPairs += 1
            let actorPursued = action.isPursuit && partnerLast.isWithdrawal
            if actorPursued || (action.isWithdrawal && partnerLast.isPursuit) {
                statistics.pursueWithdrawPairs += 1
                today.pursueWithdrawPairs += 1
                if actorPursued == actorIsA {
                    statistics.pursueWithdrawPairsAB += 1
                } else {
                    statistics.pursueWithdrawPairsBA += 1
                }
            }
        }
        Impulse.apply(
            action, withdrawalRelief: actor.intentionsStrength * actor.parameters.intentionsWithdrawalRelief,
            to: &receiver, statistics: &statistics, constants: constants)
        actor.secondLastAction = actor.lastAction
        actor.lastAction = action
        actor.withdrawStreak = action == .withdraw ? actor.withdrawStreak + 1 : 0
        return action
    }

    @inline(__always)
    private static func countAction(_ action: Action, of actor: inout PartnerState, statistics: inout CoupleStatistics)
    {
        actor.statistics.actions += 1
        switch action {
        case .pursueSoft:
            actor.statistics.pursuits += 1
        case .pursueHarsh:
            actor.statistics.pursuits += 1
            actor.statistics.harshPursuits += 1
        case .withdraw:
            actor.statistics.withdrawals += 1
        case .validate:
            actor.statistics.validations += 1
        case .breakAnnounced, .breakUnannounced:
            actor.statistics.selfRegulations += 1
            statistics.breaks += 1
        case .neutral, .none:
            break
        }
    }
}
