/// Everything DyadCore tracks for one partner of the couple being simulated: effective
/// parameters, traits, state (docs/model.md §2.3), cached derived quantities, today's intervention
/// strengths, the episode history and the outcome statistics.
struct PartnerState {
    /// Base parameters (role defaults + overrides + permanent EFT changes).
    var base: PartnerParameters
    /// Effective parameters today: base plus active `set` interventions (docs/model.md §7.19).
    var parameters: PartnerParameters

    // MARK: Traits (docs/model.md §2.3, sampled as in §5.2–§5.3)
    var anxiety: Double
    var avoidance: Double
    var anxiety0: Double
    var avoidance0: Double

    // MARK: State (docs/model.md §2.3)
    var arousal = 0.0
    var security = 0.0
    var rumination = 0.0
    var stress = 0.0
    var setPoint = 0.0
    /// EWMA of received positive events (Pos).
    var positive = 0.0
    /// EWMA of received negative events (Neg).
    var negative = 0.0
    var satisfaction = 0.5
    /// Positives received today (P_i), perceived weight applied.
    var todayPositive = 0.0
    /// Negatives received today (N_i).
    var todayNegative = 0.0
    /// Earned-security reference G_ref (mean S − Sbase over the last burn-in days).
    var securityGapReference = 0.0
    /// Earned-security reference PD_ref (mean Pos/(Pos+Neg) over the last burn-in days).
    var positiveDependenceReference = 0.0

    // MARK: Derived, recomputed when traits, parameters or strengths change
    /// g = clamp01(g0 − g_anx·a + s^SS·ss_g_boost).
    var skill = 0.0
    /// h = h0(1 + k_anx·a + k_av·v), minutes.
    var halfLife = 1.0
    /// hb = h(break_k0 − break_kg·g), minutes.
    var breakHalfLife = 1.0
    /// r = 0.5^(Δ/h): per-turn inertia.
    var turnInertia = 0.0
    /// 0.5^(1440/h): overnight relaxation factor.
    var dayDecay = 0.0
    /// 0.5^(1/(rum_h0(1 + rum_h_anx·a))): daily rumination decay.
    var ruminationDecay = 0.0
    /// Sbase = clamp01(1 − sbase_anx·a − sbase_av·v).
    var securityBase = 0.0
    /// f = 1 − pos_av·v: perceived weight of received positives.
    var positiveWeight = 1.0
    /// Upper bound of the dissolution hazard over Sat ∈ [0, 1]: hazard_base·exp(beta_sat·sat_ref
    /// − beta_anx·a + beta_av·v) (beta_sat ≥ 0).
    var hazardCeiling = 0.0
    var bidsPerDay = 0
    var breakTurns = 0
    var trainedBreakTurns = 0
    /// 0.5^(L·Δ/hb) for the own untrained / trained break.
    var ownBreakDecay = 0.0
    var ownTrainedBreakDecay = 0.0
    /// 0.5^(L·Δ/h_partner) applied to the partner during the own untrained / trained break.
    var partnerBreakDecay = 0.0
    var partnerTrainedBreakDecay = 0.0

    // MARK: Today's intervention strengths s^X_i (docs/model.md §7.17)
    var validationStrength = 0.0
    var withholdStrength = 0.0
    var soothingStrength = 0.0
    var softStartupStrength = 0.0
    var intentionsStrength = 0.0
    var vulnerabilityStrength = 0.0

    // MARK: Episode history (docs/model.md §7.5, §7.7)
    var lastAction = Action.none
    var secondLastAction = Action.none
    var withdrawStreak = 0

    // MARK: Utility terms constant within an episode (docs/model.md §7.6)
    var pursueConstant = 0.0
    var pursuePerInsecurity = 0.0
    var pursuePerArousal = 0.0
    /// u_p_wd·a: added to U_PURSUE after the partner withdrew.
    var pursueAfterWithdrawal = 0.0
    var withdrawAfterHarsh = 0.0
    var withdrawAfterSoft = 0.0
    var withdrawFlooded = 0.0
    var withdrawPerArousal = 0.0
    var validateConstant = 0.0
    var validatePerArousal = 0.0
    /// s^CV·cv_u_boost: added to U_VALIDATE when the partner pursued in its last two actions.
    var validateBoostAfterPursuit = 0.0
    var selfRegulatePerArousal = 0.0
    var selfRegulateFlooded = 0.0
    var inverseTemperature = 1.0

    var statistics = PartnerStatistics()

    init(parameters: PartnerParameters, anxiety: Double, avoidance: Double) {
        base = parameters
        self.parameters = parameters
        self.anxiety = anxiety
        self.avoidance = avoidance
        anxiety0 = anxiety
        avoidance0 = avoidance
    }

    /// Recomputes the trait-, parameter- and strength-dependent quantities of docs/model.md §2.5
    /// except the break decays that need the partner (see ``CoupleSimulation/refreshDerived()``).
    mutating func refreshOwnDerived(turnMinutes: Double) {
        let p = parameters
        skill = clamp01(
            p.regulationSkillBase - p.regulationSkillAnxietyLoss * anxiety
                + soothingStrength * p.soothingSkillBoost)
        halfLife = p.halfLifeBase * (1 + p.halfLifePerAnxiety * anxiety + p.halfLifePerAvoidance * avoidance)
        breakHalfLife = halfLife * (p.breakHalfLifeBase - p.breakHalfLifePerSkill * skill)
        turnInertia = DyadMath.halfPower(turnMinutes / halfLife)
        dayDecay = DyadMath.halfPower(1440 / halfLife)
        ruminationDecay = DyadMath.halfPower(
            1 / (p.ruminationHalfLifeBase * (1 + p.ruminationHalfLifePerAnxiety * anxiety)))
        securityBase = clamp01(1 - p.securityBaseLossPerAnxiety * anxiety - p.securityBaseLossPerAvoidance * avoidance)
        positiveWeight = 1 - p.positivePerceptionAvoidanceLoss * avoidance
        hazardCeiling =
            p.hazardBase
            * DyadMath.exp(
                p.hazardPerDissatisfaction * p.hazardSatisfactionReference
                    - p.hazardPerAnxiety * anxiety + p.hazardPerAvoidance * avoidance)
        bidsPerDay = roundedCount(p.bidsPerDay)
        breakTurns = roundedCount(p.breakTurns)
        trainedBreakTurns = roundedCount(p.trainedBreakTurns)
        ownBreakDecay = Self.breakDecay(turns: breakTurns, turnMinutes: turnMinutes, halfLife: breakHalfLife)
        ownTrainedBreakDecay = Self.breakDecay(
            turns: trainedBreakTurns, turnMinutes: turnMinutes, halfLife: breakHalfLife)
        inverseTemperature = 1 / p.temperature
    }

    /// 0.5^(L·Δ/h); a half-life of 0 (possible for hb when break_k0 = break_kg·g) relaxes fully.
    static func breakDecay(turns: Int, turnMinutes: Double, halfLife: Double) -> Double {
        halfLife > 0 ? DyadMath.halfPower(Double(turns) * turnMinutes / halfLife) : 0
    }

    /// E* = clamp01(e0 + e_anx·a + e_rum·Rm + e_stress·Stress).
    mutating func updateSetPoint() {
        let p = parameters
        setPoint = clamp01(
            p.setPointBase + p.setPointPerAnxiety * anxiety
                + p.setPointPerRumination * rumination + p.setPointPerStress * stress)
    }

    /// Probability that this partner turns toward the other's bid (docs/model.md §2.5).
    @inline(__always)
    func turnTowardProbability() -> Double {
        let p = parameters
        var q = clamp01(
            p.turnTowardMax * (p.turnTowardFloor + (1 - p.turnTowardFloor) * security)
                * (1 - p.turnTowardAvoidanceLoss * avoidance))
        if validationStrength > 0 {
            q = max(q, q + validationStrength * (p.validationTurnTowardTarget - q))
        }
        return clamp01(q * (1 - withholdStrength * p.withholdBidCut))
    }

    /// p_soft = clamp01(max(p_soft_floor, q + s^ST(st_p_soft − q))),
    /// q = clamp01(p_soft0 + p_soft_s·S − p_soft_e·E).
    func softPursuitProbability() -> Double {
        let p = parameters
        let q = clamp01(p.softPursuitBase + p.softPursuitPerSecurity * security - p.softPursuitPerArousal * arousal)
        return clamp01(max(p.softPursuitFloor, q + softStartupStrength * (p.softStartupTarget - q)))
    }

    /// p_ann_i = p_ann + s^CI(ci_p_ann − p_ann).
    func announceProbability() -> Double {
        parameters.announceProbability + intentionsStrength
            * (parameters.intentionsAnnounceTarget - parameters.announceProbability)
    }

    /// Prepares the utility terms that stay fixed during an episode (a, v, g, Rm fixed).
    mutating func prepareEpisodeUtilities() {
        let p = parameters
        let a = anxiety, v = avoidance
        pursueConstant = p.pursueBase + p.pursuePerRumination * rumination - p.pursuePerAvoidance * v
        pursuePerInsecurity = p.pursuePerAnxiousInsecurity * a
        pursuePerArousal = p.pursuePerExpressedArousal * (1 - v) * (1 - p.suppressionPerAvoidance * v)
        pursueAfterWithdrawal = p.pursuePerAnxietyAfterWithdrawal * a
        withdrawAfterHarsh = p.withdrawAfterHarshPursuit * v
        withdrawAfterSoft = p.withdrawAfterSoftPursuit * v
        withdrawFlooded = p.withdrawWhenFlooded * (1 - p.withdrawWhenFloodedAnxietyCut * a)
        withdrawPerArousal = p.withdrawPerAvoidantArousal * v
        validateConstant = p.validateBase - p.validatePerAvoidance * v
        validatePerArousal = p.validatePerAnxiousArousal * a
        validateBoostAfterPursuit = validationStrength * p.consistentValidationBoost
        selfRegulatePerArousal = p.selfRegulatePerSkilledArousal * skill
        selfRegulateFlooded = p.selfRegulateWhenFlooded * skill
    }

    /// Resets the episode history (start of an episode or after a resumed break).
    mutating func clearHistory() {
        lastAction = .none
        secondLastAction = .none
        withdrawStreak = 0
    }

    /// True iff the own last or second-to-last action is a PURSUE (`pursued_j` in docs/model.md §7.7).
    @inline(__always)
    var pursuedRecently: Bool { lastAction.isPursuit || secondLastAction.isPursuit }
}
