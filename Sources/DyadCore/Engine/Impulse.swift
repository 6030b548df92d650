/// Influence impulses and event counts of docs/model.md §7.7: an action of k moves the receiver j's
/// arousal E and felt security S at once (j's parameters) and may count as an event for j.
enum Impulse {
    /// `withdrawalRelief` is the actor's s^CI·ci_wd_relief (c = 1 − withdrawalRelief).
    @inline(__always)
    static func apply(
        _ action: Action, withdrawalRelief: Double, to receiver: inout PartnerState,
        statistics: inout CoupleStatistics, constants: borrowing CoupleConstants
    ) {
        let q = receiver.parameters
        let a = receiver.anxiety
        var arousalChange = 0.0
        var securityChange = 0.0
        switch action {
        case .pursueHarsh:
            arousalChange = q.harshPursuitImpulse * (1 + q.harshPursuitImpulsePerAvoidance * receiver.avoidance)
            securityChange = -q.harshPursuitSecurityLoss
            receiveNegative(1, receiver: &receiver, statistics: &statistics)
        case .pursueSoft:
            arousalChange = q.softPursuitImpulse
        case .withdraw, .breakUnannounced:
            // c = 1 − s^CI_k·ci_wd_relief (the actor's intervention); an unannounced break
            // counts as imp_sr_unann of the withdrawal row that applies.
            var factor = 1 - withdrawalRelief
            let isBreak = action == .breakUnannounced
            if isBreak { factor *= q.unannouncedBreakFactor }
            let weight: Double
            if receiver.pursuedRecently {
                arousalChange = factor * q.withdrawalAfterPursuitImpulse * (1 + q.withdrawalImpulsePerAnxiety * a)
                securityChange = -factor * q.withdrawalSecurityLoss * a * receiver.security
                weight = isBreak ? constants.unannouncedBreakNegativeWeight : 1
            } else {
                arousalChange = factor * q.withdrawalOtherImpulse * a
                weight = isBreak ? constants.unannouncedBreakNegativeWeight : constants.withdrawalOtherNegativeWeight
            }
            receiveNegative(weight, receiver: &receiver, statistics: &statistics)
        case .breakAnnounced:
            arousalChange = q.announcedBreakImpulse * a
        case .validate:
            arousalChange =
                -q.validationRelief * receiver.arousal * (1 - q.validationReliefAvoidanceCut * receiver.avoidance)
            securityChange = q.validationSecurityGain * (1 - receiver.security) * (q.validationSecurityGainBase + a)
            let weight = 1.0
            receiver.todayPositive += weight * receiver.positiveWeight
            statistics.conflictPositive += weight
            statistics.allPositive += weight
        case .neutral:
            if receiver.pursuedRecently { arousalChange = q.ignoredPursuitImpulse * a }
        case .none:
            break
        }
        receiver.arousal = clamp01(receiver.arousal + arousalChange)
        receiver.security = clamp01(receiver.security + securityChange)
    }

    /// A negative event of weight w adds w to N_j and to the unweighted tallies.
    private static func receiveNegative(
        _ weight: Double, receiver: inout PartnerState, statistics: inout CoupleStatistics
    ) {
        receiver.todayNegative += weight
        statistics.conflictNegative += weight
        statistics.allNegative += weight
    }
}
