extension CoupleSimulation {
    /// Step 0 of an outcome day (docs/model.md §7.1, §7.17): enrol interventions starting today, hold
    /// EFT sessions, then compute today's effective parameters and strengths.
    mutating func applyInterventions(day: Int, arm: CompiledArm) {
        var baseChanged = false
        for (index, intervention) in arm.interventions.enumerated() where intervention.startDay == day {
            enrol(intervention, bit: UInt32(1) << UInt32(index))
        }
        for (index, intervention) in arm.interventions.enumerated()
        where intervention.kind == .eft && intervention.isActive(day: day) {
            let bit = UInt32(1) << UInt32(index)
            guard (enrolledA | enrolledB) & bit != 0 else { continue }
            let interval = max(1, roundedCount(coupleBase.eftInterval))
            let sessions = max(1, roundedCount(coupleBase.eftSessions))
            let elapsed = day - intervention.startDay
            if elapsed % interval == 0 && elapsed / interval < sessions {
                holdEFTSession(elapsed / interval + 1, of: sessions, intervention: intervention, bit: bit)
                baseChanged = true
            }
        }
        var strengthsA = InterventionStrengths()
        var strengthsB = InterventionStrengths()
        var activeSets: UInt32 = 0
        for (index, intervention) in arm.interventions.enumerated() where intervention.isActive(day: day) {
            let bit = UInt32(1) << UInt32(index)
            if intervention.kind == .set {
                if (enrolledA | enrolledB) & bit != 0 { activeSets |= bit }
                continue
            }
            if enrolledA & bit != 0 { strengthsA.include(intervention) }
            if enrolledB & bit != 0 { strengthsB.include(intervention) }
        }
        var needsRefresh = baseChanged
        if baseChanged || activeSets != appliedSets {
            applyParameterSets(activeSets, arm: arm)
            needsRefresh = true
        }
        if strengthsA.soothing != a.soothingStrength || strengthsB.soothing != b.soothingStrength {
            needsRefresh = true
        }
        strengthsA.assign(to: &a)
        strengthsB.assign(to: &b)
        if needsRefresh { refreshDerived() }
    }

    /// Enrols the couple if eligible and fixes the target (ties → a).
    private mutating func enrol(_ intervention: CompiledIntervention, bit: UInt32) {
        if intervention.eligibility == .distressed && !(coupleSatisfaction < constants.distressThreshold) { return }
        let aIsMoreAnxious = a.anxiety >= b.anxiety
        let aIsMoreAvoidant = a.avoidance >= b.avoidance
        let targetsA: Bool
        let targetsB: Bool
        switch intervention.target {
        case .a: (targetsA, targetsB) = (true, false)
        case .b: (targetsA, targetsB) = (false, true)
        case .both: (targetsA, targetsB) = (true, true)
        case .moreAnxious: (targetsA, targetsB) = (aIsMoreAnxious, !aIsMoreAnxious)
        case .moreAvoidant: (targetsA, targetsB) = (aIsMoreAvoidant, !aIsMoreAvoidant)
        case .partnerOfMoreAnxious: (targetsA, targetsB) = (!aIsMoreAnxious, aIsMoreAnxious)
        case .partnerOfMoreAvoidant: (targetsA, targetsB) = (!aIsMoreAvoidant, aIsMoreAvoidant)
        }
        if targetsA { enrolledA |= bit }
        if targetsB { enrolledB |= bit }
        treated = true
    }

    /// EFT session m of `sessions` (docs/model.md §7.18): per enrolled partner (a first) the avoidance
    /// drop, stage-1 decoupling or stage-2 re-engagement, and at the last session blamer
    /// softening of the more anxious partner. Changes are permanent (they alter the base).
    private mutating func holdEFTSession(
        _ session: Int, of sessions: Int, intervention: CompiledIntervention, bit: UInt32
    ) {
        let aIsMoreAnxious = a.anxiety >= b.anxiety
        let aIsMoreAvoidant = a.avoidance >= b.avoidance
        let stageOne = session <= roundedCount(coupleBase.eftStageOneSessions)
        let last = session == sessions
        let strength = intervention.strength
        if enrolledA & bit != 0 {
            Self.applyEFT(
                to: &a, strength: strength, sessions: sessions, stageOne: stageOne,
                isMoreAvoidant: aIsMoreAvoidant, softens: last && aIsMoreAnxious, stream: &stream)
        }
        if enrolledB & bit != 0 {
            Self.applyEFT(
                to: &b, strength: strength, sessions: sessions, stageOne: stageOne,
                isMoreAvoidant: !aIsMoreAvoidant, softens: last && !aIsMoreAnxious, stream: &stream)
        }
    }

    private static func applyEFT(
        to partner: inout PartnerState, strength: Double, sessions: Int, stageOne: Bool,
        isMoreAvoidant: Bool, softens: Bool, stream: inout RandomStream
    ) {
        let base = partner.base
        partner.avoidance = clamp01(partner.avoidance - strength * base.eftAvoidanceDropTotal / Double(sessions))
        if stageOne {
            let keep = 1 - strength * base.eftDecouple
            partner.base.pursuePerAnxietyAfterWithdrawal *= keep
            partner.base.withdrawAfterHarshPursuit *= keep
            partner.base.withdrawAfterSoftPursuit *= keep
        } else if isMoreAvoidant {
            partner.base.validateBase += strength * base.eftReengage
        }
        if softens {
            let probability = strength * base.eftSofteningProbability
            if probability > 0 && stream.uniform() < probability {
                partner.base.softPursuitFloor = max(partner.base.softPursuitFloor, base.eftSofteningSoftPursuitFloor)
                partner.anxiety = clamp01(partner.anxiety - base.eftSofteningAnxietyDrop)
            }
        }
    }

    /// Effective parameters: base, then every active `set` in arm order (later sets win):
    /// value = base + s·(value − base); couple-level sets apply to the whole enrolled couple.
    private mutating func applyParameterSets(_ activeSets: UInt32, arm: CompiledArm) {
        a.parameters = a.base
        b.parameters = b.base
        couple = coupleBase
        appliedSets = activeSets
        guard activeSets != 0 else { return }
        for (index, intervention) in arm.interventions.enumerated() {
            let bit = UInt32(1) << UInt32(index)
            guard activeSets & bit != 0, let parameter = intervention.setParameter else { continue }
            let s = intervention.strength, target = intervention.setValue
            if let base = parameter.value(in: coupleBase) {
                parameter.assign(base + s * (target - base), to: &couple)
                continue
            }
            if enrolledA & bit != 0, let base = parameter.value(in: a.base) {
                parameter.assign(base + s * (target - base), to: &a.parameters)
            }
            if enrolledB & bit != 0, let base = parameter.value(in: b.base) {
                parameter.assign(base + s * (target - base), to: &b.parameters)
            }
        }
    }
}

/// Today's strengths s^X_i of one partner: the largest s among active type-X interventions
/// enrolling the partner (docs/model.md §7.17).
struct InterventionStrengths {
    var validation = 0.0
    var withhold = 0.0
    var soothing = 0.0
    var softStartup = 0.0
    var intentions = 0.0
    var vulnerability = 0.0

    mutating func include(_ intervention: CompiledIntervention) {
        let s = intervention.strength
        switch intervention.kind {
        case .consistentValidation: validation = max(validation, s)
        case .withholdValidation: withhold = max(withhold, s)
        case .selfSoothing: soothing = max(soothing, s)
        case .softStartup: softStartup = max(softStartup, s)
        case .communicateIntentions: intentions = max(intentions, s)
        case .shareVulnerability: vulnerability = max(vulnerability, s)
        case .eft, .set: break
        }
    }

    func assign(to partner: inout PartnerState) {
        partner.validationStrength = validation
        partner.withholdStrength = withhold
        partner.soothingStrength = soothing
        partner.softStartupStrength = softStartup
        partner.intentionsStrength = intentions
        partner.vulnerabilityStrength = vulnerability
    }
}
