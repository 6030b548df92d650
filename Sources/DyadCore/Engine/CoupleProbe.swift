/// Package-only access to one couple's simulation, for tests: step a couple by hand, read and set
/// its state between steps, and apply one unit of an episode (an action with its impulse, a
/// choice, a turn's relaxation, a break) so that every rule of docs/model.md §5.6 and §7 can be
/// checked at the moment its value is produced. The engine never calls it: it costs the hot loop
/// nothing.
package struct CoupleProbe {
    private var simulation: CoupleSimulation
    private var arm: CompiledArm?

    /// A couple with the given day-0 traits, in the state of docs/model.md §5.5.
    package init(
        anxietyA: Double, avoidanceA: Double, anxietyB: Double, avoidanceB: Double,
        parameters: ModelParameters = ModelParameters(), streamKey: UInt64 = 1
    ) {
        let traits = CoupleTraits(
            anxietyA: anxietyA, avoidanceA: avoidanceA, anxietyB: anxietyB, avoidanceB: avoidanceB,
            prototypeA: -1, prototypeB: -1)
        simulation = CoupleSimulation(traits: traits, parameters: parameters, stream: RandomStream(key: streamKey))
    }

    // MARK: Days

    /// The B burn-in days exactly as the engine runs them (docs/model.md §3.1, §5.6).
    package mutating func runBurnIn(days: Int) { simulation.runBurnIn(days: days) }

    /// Steps 1–7 of one day (docs/model.md §7.2–§7.13).
    package mutating func advanceDay() { simulation.advanceDay() }

    /// Step 10: the earned-security update of the traits (docs/model.md §7.16).
    package mutating func updateEarnedSecurity() { simulation.updateEarnedSecurity() }

    /// Step 9: one dissolution draw (docs/model.md §7.15); true if the couple dissolves.
    package mutating func dissolves() -> Bool { simulation.drawDissolution() }

    /// One conflict episode with its bookkeeping and the rumination update of step 5
    /// (docs/model.md §7.5–§7.11), without the rest of the day.
    package mutating func runEpisode(initiator: Role) {
        var observer = NoEpisodeObserver()
        simulation.runEpisode(initiatorIsA: initiator == .a, observer: &observer)
    }

    /// Replaces the couple's random stream (to feed chosen uniforms to the next draws).
    package mutating func use(_ stream: RandomStream) { simulation.stream = stream }

    /// Uses `arm` for the outcome days that follow (compiled as the engine compiles it for a run of
    /// `days` outcome days).
    package mutating func use(_ arm: Arm, days: Int) throws(ArmError) {
        let couple = simulation.coupleBase
        self.arm = try CompiledArm(
            arm, days: days, eftInterval: roundedCount(couple.eftInterval),
            eftSessions: roundedCount(couple.eftSessions))
    }

    /// Step 0 of outcome day `day` as the engine runs it: on the arm's event days, enrolment,
    /// EFT sessions, effective parameters and strengths (docs/model.md §7.1, §7.17–§7.19).
    package mutating func beginOutcomeDay(_ day: Int) {
        guard let arm, !arm.interventions.isEmpty, arm.isEventDay(day) else { return }
        simulation.applyInterventions(day: day, arm: arm)
    }

    /// Whether intervention `index` of the arm enrolled partner `role`.
    package func isEnrolled(_ role: Role, intervention index: Int) -> Bool {
        let bits = role == .a ? simulation.enrolledA : simulation.enrolledB
        return bits & (UInt32(1) << UInt32(index)) != 0
    }

    /// Episode outcomes accumulated so far (docs/model.md §7.9–§7.10).
    package var episodeTally: EpisodeTally {
        let s = simulation.statistics
        return EpisodeTally(
            episodes: s.episodes, initiatedByA: s.initiatedByA, resolved: s.resolvedEpisodes,
            endedByWithdrawal: s.endsWithdraw, endedByBreak: s.endsBreak, timedOut: s.endsTimeout,
            completedTurns: s.completedTurns, breaks: s.breaks, resolvedRepairMinutes: s.resolvedRepairMinutes)
    }

    /// Whether the couple is enrolled in at least one intervention.
    package var treated: Bool { simulation.treated }

    /// Sat_c = (Sat_a + Sat_b)/2.
    package var coupleSatisfaction: Double { simulation.coupleSatisfaction }

    /// Today's effective couple-level parameters.
    package var coupleParameters: CoupleParameters { simulation.couple }

    /// The base couple-level parameters (without active `set` interventions).
    package var coupleBaseParameters: CoupleParameters { simulation.coupleBase }

    // MARK: Partners

    /// A copy of partner `role`'s traits, state, derived quantities, strengths and parameters.
    package func partner(_ role: Role) -> PartnerProbe {
        PartnerProbe(role == .a ? simulation.a : simulation.b)
    }

    /// Changes partner `role`'s traits or state, then recomputes the derived quantities (§2.5)
    /// and the arousal set point from the new values.
    package mutating func update(_ role: Role, _ change: (inout PartnerProbe) -> Void) {
        var probe = partner(role)
        change(&probe)
        if role == .a { probe.write(to: &simulation.a) } else { probe.write(to: &simulation.b) }
        simulation.refreshDerived()
        simulation.a.updateSetPoint()
        simulation.b.updateSetPoint()
    }

    // MARK: Episode units

    /// Sets partner `role`'s episode history (last and second-to-last action).
    package mutating func setHistory(_ role: Role, last: Action, secondLast: Action = .none) {
        if role == .a {
            simulation.a.lastAction = last
            simulation.a.secondLastAction = secondLast
        } else {
            simulation.b.lastAction = last
            simulation.b.secondLastAction = secondLast
        }
    }

    /// Partner `role`'s withdraw streak.
    package func withdrawStreak(_ role: Role) -> Int {
        role == .a ? simulation.a.withdrawStreak : simulation.b.withdrawStreak
    }

    /// One action of partner `role` as in an episode turn (docs/model.md §7.6–§7.7): the choice
    /// (or the forced start-up), its impulse on the other partner and the history update.
    package mutating func act(_ role: Role, forced: Bool = false) -> Action {
        simulation.a.prepareEpisodeUtilities()
        simulation.b.prepareEpisodeUtilities()
        var today = DayActivity()
        let constants = simulation.constants
        if role == .a {
            return CoupleSimulation.act(
                actor: &simulation.a, receiver: &simulation.b, actorIsA: true, forced: forced,
                stream: &simulation.stream,
                statistics: &simulation.statistics, today: &today, constants: constants)
        }
        return CoupleSimulation.act(
            actor: &simulation.b, receiver: &simulation.a, actorIsA: false, forced: forced, stream: &simulation.stream,
            statistics: &simulation.statistics, today: &today, constants: constants)
    }

    /// The impulse of `action` by partner `role` on the other partner, alone (docs/model.md §7.7).
    package mutating func applyImpulse(_ action: Action, by role: Role) {
        var statistics = CoupleStatistics()
        let constants = simulation.constants
        if role == .a {
            let relief = simulation.a.intentionsStrength * simulation.a.parameters.intentionsWithdrawalRelief
            Impulse.apply(
                action, withdrawalRelief: relief, to: &simulation.b, statistics: &statistics, constants: constants)
        } else {
            let relief = simulation.b.intentionsStrength * simulation.b.parameters.intentionsWithdrawalRelief
            Impulse.apply(
                action, withdrawalRelief: relief, to: &simulation.a, statistics: &statistics, constants: constants)
        }
    }

    /// A choice of partner `role` against the other partner's current history, drawing from
    /// `stream` (docs/model.md §7.6).
    package mutating func choose(_ role: Role, stream: inout RandomStream) -> Action {
        simulation.a.prepareEpisodeUtilities()
        simulation.b.prepareEpisodeUtilities()
        let actor = role == .a ? simulation.a : simulation.b
        let other = role == .a ? simulation.b : simulation.a
        return ChoiceRule.choose(
            actor: actor, partnerLast: other.lastAction, partnerPursuedRecently: other.pursuedRecently, stream: &stream)
    }

    /// The end-of-turn relaxation of partner `role` with noise z (docs/model.md §7.9).
    package mutating func relaxTurn(_ role: Role, z: Double) {
        if role == .a {
            CoupleSimulation.relaxTurn(&simulation.a, z: z)
        } else {
            CoupleSimulation.relaxTurn(&simulation.b, z: z)
        }
    }

    /// A break taken by partner `role` in closed form (docs/model.md §7.8); returns whether it was
    /// trained and its minutes.
    package mutating func takeBreak(by role: Role) -> (trained: Bool, minutes: Double) {
        var minutes = 0.0
        let turnMinutes = simulation.constants.turnMinutes
        let trained =
            role == .a
            ? CoupleSimulation.takeBreak(
                actor: &simulation.a, receiver: &simulation.b, stream: &simulation.stream, breakMinutes: &minutes,
                turnMinutes: turnMinutes)
            : CoupleSimulation.takeBreak(
                actor: &simulation.b, receiver: &simulation.a, stream: &simulation.stream, breakMinutes: &minutes,
                turnMinutes: turnMinutes)
        return (trained, minutes)
    }
}

/// Counts of episodes and their endings, completed turns and breaks (docs/model.md §7.9–§7.10).
package struct EpisodeTally: Equatable, Sendable {
    /// Conflict episodes started (docs/model.md §7.4).
    package var episodes = 0
    /// Episodes whose initiator was partner a.
    package var initiatedByA = 0
    /// Episodes that ended resolved (docs/model.md §7.9).
    package var resolved = 0
    /// Episodes that ended on a withdrawal.
    package var endedByWithdrawal = 0
    /// Episodes that ended on an unresolved break.
    package var endedByBreak = 0
    /// Episodes that reached the turn limit t_max.
    package var timedOut = 0
    /// Completed turns of all episodes (each turn: one action of each partner).
    package var completedTurns = 0
    /// Breaks taken (docs/model.md §7.8).
    package var breaks = 0
    /// Σ repair minutes (completed turns·Δ + break minutes) of the resolved episodes.
    package var resolvedRepairMinutes = 0.0

    /// A tally with the given counts (all 0 by default), for comparing with ``CoupleProbe/episodeTally``.
    package init(
        episodes: Int = 0, initiatedByA: Int = 0, resolved: Int = 0, endedByWithdrawal: Int = 0,
        endedByBreak: Int = 0, timedOut: Int = 0, completedTurns: Int = 0, breaks: Int = 0,
        resolvedRepairMinutes: Double = 0
    ) {
        self.episodes = episodes
        self.initiatedByA = initiatedByA
        self.resolved = resolved
        self.endedByWithdrawal = endedByWithdrawal
        self.endedByBreak = endedByBreak
        self.timedOut = timedOut
        self.completedTurns = completedTurns
        self.breaks = breaks
        self.resolvedRepairMinutes = resolvedRepairMinutes
    }
}

/// Today's intervention strengths s^X of one partner (docs/model.md §7.17).
package struct ProbeStrengths: Equatable, Sendable {
    /// s^CV: consistent validation, 0–1.
    package var consistentValidation = 0.0
    /// s^WV: withheld validation, 0–1.
    package var withholdValidation = 0.0
    /// s^SS: self-soothing, 0–1.
    package var selfSoothing = 0.0
    /// s^ST: soft start-up, 0–1.
    package var softStartup = 0.0
    /// s^CI: communicated intentions, 0–1.
    package var communicateIntentions = 0.0
    /// s^SV: shared vulnerability, 0–1.
    package var shareVulnerability = 0.0

    /// Strengths as given (0 by default: no intervention).
    package init(
        consistentValidation: Double = 0, withholdValidation: Double = 0, selfSoothing: Double = 0,
        softStartup: Double = 0, communicateIntentions: Double = 0, shareVulnerability: Double = 0
    ) {
        self.consistentValidation = consistentValidation
        self.withholdValidation = withholdValidation
        self.selfSoothing = selfSoothing
        self.softStartup = softStartup
        self.communicateIntentions = communicateIntentions
        self.shareVulnerability = shareVulnerability
    }
}

/// A copy of one partner's traits, state, derived quantities, strengths and parameters
/// (docs/model.md §2.3, §2.5). The state fields may be changed through ``CoupleProbe/update(_:_:)``;
/// the others are read-only.
package struct PartnerProbe: Equatable, Sendable {
    /// Current anxiety a, 0–1 (docs/model.md §2.3).
    package var anxiety: Double
    /// Current avoidance v, 0–1.
    package var avoidance: Double
    /// Arousal E, 0–1.
    package var arousal: Double
    /// Felt security S, 0–1.
    package var security: Double
    /// Rumination Rm, ≥ 0.
    package var rumination: Double
    /// External stress, 0–1 (docs/model.md §7.2).
    package var stress: Double
    /// Pos: the exponentially weighted memory of positive events received, ≥ 0 (docs/model.md §7.13).
    package var positive: Double
    /// Neg: the weighted memory of negative events received, ≥ 0.
    package var negative: Double
    /// P: positive events received today, ≥ 0.
    package var todayPositive: Double
    /// N: negative events received today, ≥ 0.
    package var todayNegative: Double
    /// Sat = 1/(1 + exp(−(ln((Pos + pn_prior)/(Neg + pn_prior)) − ln theta_pn)/s_pn)), 0–1 (docs/model.md §2.5).
    package var satisfaction: Double
    /// G_ref: the habitual security gap (earned-security reference, docs/model.md §5.6).
    package var securityGapReference: Double
    /// PD_ref: the habitual positive dependence (earned-security reference, docs/model.md §5.6).
    package var positiveDependenceReference: Double

    /// The day-0 anxiety a0 (the sampled value), 0–1.
    package let anxiety0: Double
    /// The day-0 avoidance v0, 0–1.
    package let avoidance0: Double
    /// E* = clamp01(e0 + e_anx·a + e_rum·Rm + e_stress·Stress), the arousal set point (docs/model.md §2.5).
    package let setPoint: Double
    /// Sbase = clamp01(1 − sbase_anx·a − sbase_av·v).
    package let securityBase: Double
    /// g = clamp01(g0 − g_anx·a + s^SS·ss_g_boost), regulation skill.
    package let skill: Double
    /// h = h0·(1 + k_anx·a + k_av·v), arousal half-life in minutes.
    package let halfLife: Double
    /// hb = h·(break_k0 − break_kg·g), half-life during a break in minutes.
    package let breakHalfLife: Double
    /// r = 0.5^(Δ/h), per-turn inertia.
    package let turnInertia: Double
    /// pTT: the probability of turning toward a bid, in the current state (docs/model.md §2.5).
    package let turnTowardProbability: Double
    /// p_soft = clamp01(max(p_soft_floor, q + s^ST·(st_p_soft − q))), P(a pursuit is soft).
    package let softPursuitProbability: Double
    /// p_ann + s^CI·(ci_p_ann − p_ann), P(a break is announced).
    package let announceProbability: Double
    /// Today's intervention strengths s^X (docs/model.md §7.17).
    package let strengths: ProbeStrengths
    /// Today's effective partner-level parameters (the base with active `set` and EFT applied).
    package let parameters: PartnerParameters
    /// The base partner-level parameters, before active `set` interventions and EFT.
    package let base: PartnerParameters

    init(_ partner: PartnerState) {
        anxiety = partner.anxiety
        avoidance = partner.avoidance
        arousal = partner.arousal
        security = partner.security
        rumination = partner.rumination
        stress = partner.stress
        positive = partner.positive
        negative = partner.negative
        todayPositive = partner.todayPositive
        todayNegative = partner.todayNegative
        satisfaction = partner.satisfaction
        securityGapReference = partner.securityGapReference
        positiveDependenceReference = partner.positiveDependenceReference
        anxiety0 = partner.anxiety0
        avoidance0 = partner.avoidance0
        setPoint = partner.setPoint
        securityBase = partner.securityBase
        skill = partner.skill
        halfLife = partner.halfLife
        breakHalfLife = partner.breakHalfLife
        turnInertia = partner.turnInertia
        turnTowardProbability = partner.turnTowardProbability()
        softPursuitProbability = partner.softPursuitProbability()
        announceProbability = partner.announceProbability()
        strengths = ProbeStrengths(
            consistentValidation: partner.validationStrength, withholdValidation: partner.withholdStrength,
            selfSoothing: partner.soothingStrength, softStartup: partner.softStartupStrength,
            communicateIntentions: partner.intentionsStrength, shareVulnerability: partner.vulnerabilityStrength)
        parameters = partner.parameters
        base = partner.base
    }

    func write(to partner: inout PartnerState) {
        partner.anxiety = anxiety
        partner.avoidance = avoidance
        partner.arousal = arousal
        partner.security = security
        partner.rumination = rumination
        partner.stress = stress
        partner.positive = positive
        partner.negative = negative
        partner.todayPositive = todayPositive
        partner.todayNegative = todayNegative
        partner.satisfaction = satisfaction
        partner.securityGapReference = securityGapReference
        partner.positiveDependenceReference = positiveDependenceReference
    }
}
