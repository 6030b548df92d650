/// The simulation of one couple in one arm: all of docs/model.md §7.1–§7.16 and §9.2 for a single couple.
///
/// Couples never interact, so each is advanced through all its days in one pass with its whole
/// state in a value on the worker's stack (registers and L1 cache); everything stored across
/// couples (outcomes, aggregates) is kept as struct-of-arrays. Burn-in runs once per couple and
/// its end state is copied into every arm, which is exact because arms share the couple's stream
/// and burn-in has no interventions (docs/model.md §3.1).
struct CoupleSimulation {
    var a: PartnerState
    var b: PartnerState
    /// Base couple parameters; `couple` holds today's effective values.
    var coupleBase: CoupleParameters
    var couple: CoupleParameters
    var constants: CoupleConstants
    var stream: RandomStream
    var statistics = CoupleStatistics()
    var today = DayActivity()
    var prototypeA: Int
    var prototypeB: Int

    // MARK: Interventions
    /// Bit i set: partner a (b) is enrolled in intervention i of the arm.
    var enrolledA: UInt32 = 0
    var enrolledB: UInt32 = 0
    /// Active and enrolled `set` interventions at the last refresh.
    var appliedSets: UInt32 = 0
    var treated = false

    var baselineSatisfaction = Double.nan
    /// Sat_a and Sat_b at the start of baseline_day (read only by the measurement model).
    var baselineSatisfactionA = Double.nan
    var baselineSatisfactionB = Double.nan
    var dissolvedDay = -1

    init(traits: CoupleTraits, parameters: ModelParameters, stream: RandomStream) {
        a = PartnerState(parameters: parameters.roleA, anxiety: traits.anxietyA, avoidance: traits.avoidanceA)
        b = PartnerState(parameters: parameters.roleB, anxiety: traits.anxietyB, avoidance: traits.avoidanceB)
        coupleBase = parameters.couple
        couple = parameters.couple
        constants = CoupleConstants(parameters.couple)
        self.stream = stream
        prototypeA = traits.prototypeA
        prototypeB = traits.prototypeB
        refreshDerived()
        Self.initialiseState(&a, constants: constants)
        Self.initialiseState(&b, constants: constants)
    }

    /// Initial values of docs/model.md §5.5: Stress = stress_mean, Rm = 0, E = E*, S = Sbase,
    /// Pos = Neg = 0, earned-security references from es_s_ref / posdep_ref.
    private static func initialiseState(_ partner: inout PartnerState, constants: CoupleConstants) {
        partner.stress = partner.parameters.stressMean
        partner.rumination = 0
        partner.updateSetPoint()
        partner.arousal = partner.setPoint
        partner.security = partner.securityBase
        partner.positive = 0
        partner.negative = 0
        partner.satisfaction = constants.satisfaction(positive: 0, negative: 0)
        partner.securityGapReference = partner.parameters.earnedSecurityReference
        partner.positiveDependenceReference = partner.parameters.positiveDependenceReference
    }

    /// Recomputes every cached derived quantity after traits, parameters or strengths changed.
    mutating func refreshDerived() {
        constants = CoupleConstants(couple)
        let turnMinutes = constants.turnMinutes
        a.refreshOwnDerived(turnMinutes: turnMinutes)
        b.refreshOwnDerived(turnMinutes: turnMinutes)
        a.partnerBreakDecay = PartnerState.breakDecay(
            turns: a.breakTurns, turnMinutes: turnMinutes, halfLife: b.halfLife)
        a.partnerTrainedBreakDecay = PartnerState.breakDecay(
            turns: a.trainedBreakTurns, turnMinutes: turnMinutes, halfLife: b.halfLife)
        b.partnerBreakDecay = PartnerState.breakDecay(
            turns: b.breakTurns, turnMinutes: turnMinutes, halfLife: a.halfLife)
        b.partnerTrainedBreakDecay = PartnerState.breakDecay(
            turns: b.trainedBreakTurns, turnMinutes: turnMinutes, halfLife: a.halfLife)
    }

    /// Couple satisfaction Sat_c = (Sat_a + Sat_b)/2.
    var coupleSatisfaction: Double { (a.satisfaction + b.satisfaction) / 2 }

    // MARK: Run phases

    /// Burn-in days −B … −1: the daily step without interventions, dissolution, earned-security
    /// updates or recording; the last min(B, es_ref_days) days set the earned-security references.
    mutating func runBurnIn(days burnInDays: Int) {
        guard burnInDays > 0 else { return }
        let referenceDays = min(burnInDays, constants.earnedSecurityReferenceDays)
        var gapSumA = 0.0, gapSumB = 0.0, dependenceSumA = 0.0, dependenceSumB = 0.0
        for day in -burnInDays..<0 {
            // Satisfaction is read only from the end of day −1 on (baseline, eligibility).
            advanceDay(updatingSatisfaction: day == -1)
            if day >= -referenceDays {
                gapSumA += a.security - a.securityBase
                gapSumB += b.security - b.securityBase
                dependenceSumA += Self.positiveDependence(a)
                dependenceSumB += Self.positiveDependence(b)
            }
        }
        if referenceDays > 0 {
            let count = Double(referenceDays)
            a.securityGapReference = gapSumA / count
            b.securityGapReference = gapSumB / count
            a.positiveDependenceReference = dependenceSumA / count
            b.positiveDependenceReference = dependenceSumB / count
        }
    }

    /// PD = Pos/(Pos + Neg), 0.5 if both are 0.
    static func positiveDependence(_ partner: PartnerState) -> Double {
        let total = partner.positive + partner.negative
        return total > 0 ? partner.positive / total : 0.5
    }

    /// Outcome days 0 … D−1 of one arm, recording into `aggregates` (docs/model.md §7.1–§7.16, steps 0–10).
    mutating func runOutcomeDays(
        days: Int, baselineDay: Int, arm: CompiledArm, aggregates: inout DailyAggregates
    ) {
        var observer = NoEpisodeObserver()
        runOutcomeDays(days: days, baselineDay: baselineDay, arm: arm, aggregates: &aggregates, observer: &observer)
    }

    /// ``runOutcomeDays(days:baselineDay:arm:aggregates:)`` with every episode action passed to
    /// `observer` (the same draws and results).
    mutating func runOutcomeDays<Observer: EpisodeObserver>(
        days: Int, baselineDay: Int, arm: CompiledArm, aggregates: inout DailyAggregates, observer: inout Observer
    ) {
        a.statistics = PartnerStatistics()
        b.statistics = PartnerStatistics()
        statistics = CoupleStatistics()
        let hasInterventions = !arm.interventions.isEmpty
        aggregates.days.withUnsafeMutableBufferPointer { totals in
            precondition(totals.count >= days, "aggregates shorter than the run")
            for day in 0..<days {
                if day == baselineDay {
                    baselineSatisfaction = coupleSatisfaction
                    baselineSatisfactionA = a.satisfaction
                    baselineSatisfactionB = b.satisfaction
                }
                if hasInterventions && arm.isEventDay(day) { applyInterventions(day: day, arm: arm) }
                observer.beginDay(day)
                advanceDay(observer: &observer)
                record(into: &totals[day])
                if drawDissolution() {
                    dissolvedDay = day
                    totals[day].dissolved &+= 1
                    return
                }
                if (day + 1) % constants.earnedSecurityPeriod == 0 { updateEarnedSecurity() }
            }
        }
    }

    // MARK: The daily step (docs/model.md §7.2–§7.13, steps 1–7)

    /// Steps 1–7 of one day; the satisfaction update of step 7 may be skipped on burn-in days
    /// whose satisfaction nothing reads (it is a pure function of Pos and Neg).
    mutating func advanceDay(updatingSatisfaction: Bool = true) {
        var observer = NoEpisodeObserver()
        advanceDay(updatingSatisfaction: updatingSatisfaction, observer: &observer)
    }

    /// ``advanceDay(updatingSatisfaction:)`` with the day's episode actions passed to `observer`.
    mutating func advanceDay<Observer: EpisodeObserver>(updatingSatisfaction: Bool = true, observer: inout Observer) {
        today = DayActivity()
        Self.updateStress(&a, z: stream.normal())
        Self.updateStress(&b, z: stream.normal())
        Self.exchangeBids(bidder: &a, responder: &b, stream: &stream, statistics: &statistics)
        Self.exchangeBids(bidder: &b, responder: &a, stream: &stream, statistics: &statistics)
        let rate =
            constants.conflictRateBase
            * (1 + constants.conflictRatePerAnxiety * (a.anxiety + b.anxiety)
                + constants.conflictRatePerRumination * (a.rumination + b.rumination))
            * (1 + constants.conflictRatePerStress * (a.stress + b.stress))
        if Self.happens(probabilityOneMinusExpOf: rate, draw: stream.uniform()) {
            let weightA =
                a.parameters.initiationWeight
                * (1 + constants.initiationPerAnxiety * a.anxiety + constants.initiationPerRumination * a.rumination)
            let weightB =
                b.parameters.initiationWeight
                * (1 + constants.initiationPerAnxiety * b.anxiety + constants.initiationPerRumination * b.rumination)
            let total = weightA + weightB
            let shareA = total > 0 ? weightA / total : 0.5
            runEpisode(initiatorIsA: stream.uniform() < shareA, observer: &observer)
        }
        Self.relaxOvernight(&a)
        Self.relaxOvernight(&b)
        Self.updateEWMA(&a, constants: constants, updatingSatisfaction: updatingSatisfaction)
        Self.updateEWMA(&b, constants: constants, updatingSatisfaction: updatingSatisfaction)
    }

    /// Step 1: Stress ← clamp01(stress_mean + stress_phi(Stress − stress_mean) + stress_sd·z);
    /// E* recomputed; today's P and N cleared.
    @inline(__always)
    static func updateStress(_ partner: inout PartnerState, z: Double) {
        let p = partner.parameters
        partner.stress = clamp01(
            p.stressMean + p.stressPersistence * (partner.stress - p.stressMean) + p.stressNoise * z)
        partner.updateSetPoint()
        partner.todayPositive = 0
        partner.todayNegative = 0
    }

    /// Step 2: n = round(bids_per_day) bids of `bidder`, each turned toward with the responder's
    /// pTT; P += bid_weight·k·f, N += bid_weight·away_weight·(n − k); plus the responder's
    /// share-vulnerability positives.
    @inline(__always)
    static func exchangeBids(
        bidder: inout PartnerState, responder: inout PartnerState, stream: inout RandomStream,
        statistics: inout CoupleStatistics
    ) {
        let bids = bidder.bidsPerDay
        let toward = stream.successes(trials: bids, probability: responder.turnTowardProbability())
        let p = bidder.parameters
        let positiveWeight = p.bidWeight * Double(toward)
        let negativeWeight = p.bidWeight * p.turnAwayWeight * Double(bids - toward)
        bidder.todayPositive += positiveWeight * bidder.positiveWeight
        bidder.todayNegative += negativeWeight
        bidder.statistics.bidsMade += bids
        bidder.statistics.bidsTurnedToward += toward
        statistics.allPositive += positiveWeight
        statistics.allNegative += negativeWeight
        if responder.vulnerabilityStrength > 0 {
            let gift = responder.vulnerabilityStrength * responder.parameters.vulnerabilityDailyPositives
            bidder.todayPositive += gift * bidder.positiveWeight
            statistics.allPositive += gift
        }
    }

    /// Step 6: rumination decays, E* recomputed, E relaxes overnight toward E*, S moves toward Sbase.
    @inline(__always)
    static func relaxOvernight(_ partner: inout PartnerState) {
        partner.rumination *= partner.ruminationDecay
        partner.updateSetPoint()
        partner.arousal = partner.setPoint + (partner.arousal - partner.setPoint) * partner.dayDecay
        partner.security = clamp01(
            partner.security
                + partner.parameters.securityPull * (partner.securityBase - partner.security))
    }

    /// Step 7: Pos ← λ_pn·Pos + P, Neg ← λ_pn·Neg + N, Sat recomputed.
    @inline(__always)
    static func updateEWMA(_ partner: inout PartnerState, constants: CoupleConstants, updatingSatisfaction: Bool) {
        partner.positive = constants.ewmaDecay * partner.positive + partner.todayPositive
        partner.negative = constants.ewmaDecay * partner.negative + partner.todayNegative
        if updatingSatisfaction {
            partner.satisfaction = constants.satisfaction(positive: partner.positive, negative: partner.negative)
        }
    }

    // MARK: Steps 8–10

    /// Step 8: adds this couple's day to today's aggregate totals and its per-couple daily means.
    mutating func record(into totals: inout DayTotals) {
        let satisfaction = coupleSatisfaction
        totals.alive &+= 1
        if today.hadEpisode {
            totals.inConflict &+= 1
            totals.pursueWithdrawPairs &+= Int64(today.pursueWithdrawPairs)
            totals.actionPairs &+= Int64(today.actionPairs)
            totals.conflictSamples &+= Int64(today.conflictSamples)
            totals.conflictArousal &+= fixedPoint(today.conflictArousalSum)
        }
        if satisfaction < constants.distressThreshold { totals.distressed &+= 1 }
        totals.arousal &+= fixedPoint(a.arousal + b.arousal)
        totals.security &+= fixedPoint(a.security + b.security)
        totals.satisfaction &+= fixedPoint(satisfaction)
        totals.anxiety &+= fixedPoint(a.anxiety + b.anxiety)
        totals.avoidance &+= fixedPoint(a.avoidance + b.avoidance)
        Self.recordEndOfDay(&a)
        Self.recordEndOfDay(&b)
        statistics.endOfDaySatisfactionSum += satisfaction
        statistics.recordedDays += 1
    }

    private static func recordEndOfDay(_ partner: inout PartnerState) {
        partner.statistics.endOfDayArousalSum += partner.arousal
        partner.statistics.endOfDaySecuritySum += partner.security
        partner.statistics.endOfDayRuminationSum += partner.rumination
    }

    /// u < 1 − exp(−λ), deciding from the bounds λ − λ²/2 ≤ 1 − e^−λ ≤ λ − λ²/2 + λ³/6
    /// (widened by 1e-12) and computing the exponential only when u falls between them.
    @inline(__always)
    static func happens(probabilityOneMinusExpOf rate: Double, draw u: Double) -> Bool {
        let lower = rate - 0.5 * rate * rate
        if u < lower - 1e-12 { return true }
        if u > lower + rate * rate * rate * (1.0 / 6) + 1e-12 { return false }
        return u < 1 - DyadMath.exp(-rate)
    }

    /// Step 9: dissolution with probability 1 − exp(−(haz_a + haz_b)),
    /// haz_i = hazard_base·exp(beta_sat(sat_ref − Sat_i) − beta_anx·a_i + beta_av·v_i).
    /// Draws u first: u ≥ the hazard ceilings (Sat = 0) decides "no" without exponentials.
    /// Consumes one uniform of the couple's stream; returns whether the couple dissolves today.
    mutating func drawDissolution() -> Bool {
        let u = stream.uniform()
        if u >= (a.hazardCeiling + b.hazardCeiling) * (1 + 1e-9) { return false }
        let hazard = Self.hazard(a) + Self.hazard(b)
        return u < 1 - DyadMath.exp(-hazard)
    }

    @inline(__always)
    private static func hazard(_ partner: PartnerState) -> Double {
        let p = partner.parameters
        guard p.hazardBase > 0 else { return 0 }
        return p.hazardBase
            * DyadMath.exp(
                p.hazardPerDissatisfaction * (p.hazardSatisfactionReference - partner.satisfaction)
                    - p.hazardPerAnxiety * partner.anxiety + p.hazardPerAvoidance * partner.avoidance)
    }

    /// Step 10 (days with (d+1) mod earned_period = 0):
    /// a ← clamp01(a − eta_a(S − Sbase − G_ref) + trait_pull(a0 − a)),
    /// v ← clamp01(v − eta_v(PD − PD_ref) + trait_pull(v0 − v)).
    mutating func updateEarnedSecurity() {
        Self.updateTraits(&a)
        Self.updateTraits(&b)
        refreshDerived()
    }

    private static func updateTraits(_ partner: inout PartnerState) {
        let p = partner.parameters
        let securityGain = partner.security - partner.securityBase - partner.securityGapReference
        let dependenceGain = positiveDependence(partner) - partner.positiveDependenceReference
        let anxiety = partner.anxiety, avoidance = partner.avoidance
        partner.anxiety = clamp01(
            anxiety - p.earnedAnxietyRate * securityGain + p.traitPull * (partner.anxiety0 - anxiety))
        partner.avoidance = clamp01(
            avoidance - p.earnedAvoidanceRate * dependenceGain
                + p.traitPull * (partner.avoidance0 - avoidance))
    }
}
