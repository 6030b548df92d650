/// Partner-level model parameters (docs/model.md §8): one set per partner. Role defaults differ
/// only in `hr_rest` (82 bpm role a, 76 bpm role b). The docs/model.md name of every property is
/// given in its doc comment and in ``ParameterCatalog``, which also holds ranges and sources.
public struct PartnerParameters: Sendable, Equatable {
    // MARK: Trait-derived
    /// `g0`: regulation skill at a = 0, g = clamp01(g0 − g_anx·a + s^SS·ss_g_boost).
    public var regulationSkillBase = 0.6
    /// `g_anx`: loss of regulation skill per unit anxiety.
    public var regulationSkillAnxietyLoss = 0.4
    /// `sup_v`: expressive suppression per unit avoidance, X = E(1 − sup_v·v).
    public var suppressionPerAvoidance = 0.6
    /// `p_soft0`: soft-pursuit propensity intercept.
    public var softPursuitBase = 0.2
    /// `p_soft_s`: soft-pursuit propensity per unit felt security.
    public var softPursuitPerSecurity = 0.5
    /// `p_soft_e`: soft-pursuit propensity lost per unit arousal.
    public var softPursuitPerArousal = 0.3
    /// `p_soft_floor`: lower bound on p_soft (raised by EFT blamer softening).
    public var softPursuitFloor = 0.0
    /// `p_ann`: probability that a break (SELF_REGULATE) is announced.
    public var announceProbability = 0.3
    /// `hr_rest`: resting heart rate, bpm (output only).
    public var restingHeartRate = 82.0

    // MARK: Arousal and stress
    /// `e0`: arousal set point intercept, E* = clamp01(e0 + e_anx·a + e_rum·Rm + e_stress·Stress).
    public var setPointBase = 0.05
    /// `e_anx`: set point per unit anxiety.
    public var setPointPerAnxiety = 0.15
    /// `e_rum`: set point per unit rumination.
    public var setPointPerRumination = 0.2
    /// `e_stress`: set point per unit external stress.
    public var setPointPerStress = 0.2
    /// `h0`: arousal half-life at a = v = 0, minutes; h = h0(1 + k_anx·a + k_av·v).
    public var halfLifeBase = 6.0206
    /// `k_anx`: relative half-life increase per unit anxiety.
    public var halfLifePerAnxiety = 1.0
    /// `k_av`: relative half-life increase per unit avoidance.
    public var halfLifePerAvoidance = 0.3
    /// `break_k0`: break half-life factor intercept, hb = h(break_k0 − break_kg·g).
    public var breakHalfLifeBase = 1.2
    /// `break_kg`: break half-life factor reduction per unit regulation skill.
    public var breakHalfLifePerSkill = 0.4
    /// `sigma_e`: per-turn arousal noise SD.
    public var arousalNoise = 0.02
    /// `theta_flood`: flooding threshold on E (heart rate 100 bpm).
    public var floodThreshold = 0.6
    /// `onset_arousal`: arousal added to the initiator at episode onset.
    public var onsetArousal = 0.1
    /// `stress_mean`: long-run mean of external stress.
    public var stressMean = 0.2
    /// `stress_phi`: daily persistence of stress (AR(1) coefficient).
    public var stressPersistence = 0.8
    /// `stress_sd`: daily stress innovation SD.
    public var stressNoise = 0.1

    // MARK: Security and rumination
    /// `s_gamma`: daily pull of felt security toward its base.
    public var securityPull = 0.05
    /// `sbase_anx`: security base loss per unit anxiety, Sbase = clamp01(1 − sbase_anx·a − sbase_av·v).
    public var securityBaseLossPerAnxiety = 0.6
    /// `sbase_av`: security base loss per unit avoidance.
    public var securityBaseLossPerAvoidance = 0.3
    /// `rum_gain`: rumination added after an unresolved episode per unit anxiety.
    public var ruminationGain = 0.5
    /// `rum_floor`: floor on end arousal in the rumination increment.
    public var ruminationArousalFloor = 0.3
    /// `rum_h0`: rumination half-life at a = 0, days.
    public var ruminationHalfLifeBase = 1.0
    /// `rum_h_anx`: relative rumination half-life increase per unit anxiety.
    public var ruminationHalfLifePerAnxiety = 3.0
    /// `rum_relief`: fraction of rumination removed by a resolved episode.
    public var ruminationRelief = 0.5

    // MARK: Choice rule
    /// `tau`: softmax temperature.
    public var temperature = 1.0
    /// `u_p0`: PURSUE intercept.
    public var pursueBase = -1.0
    /// `u_p_anx`: PURSUE per anxiety × insecurity a(1 − S).
    public var pursuePerAnxiousInsecurity = 3.0
    /// `u_p_x`: PURSUE per own expressed arousal X(1 − v).
    public var pursuePerExpressedArousal = 2.0
    /// `u_p_wd`: PURSUE per a × partner withdrew (coupling).
    public var pursuePerAnxietyAfterWithdrawal = 1.5
    /// `u_p_rum`: PURSUE per rumination.
    public var pursuePerRumination = 1.0
    /// `u_p_av`: PURSUE lost per unit avoidance.
    public var pursuePerAvoidance = 1.5
    /// `u_w0`: WITHDRAW intercept.
    public var withdrawBase = -1.5
    /// `u_w_harsh`: WITHDRAW per v × partner pursued harshly (coupling).
    public var withdrawAfterHarshPursuit = 2.5
    /// `u_w_soft`: WITHDRAW per v × partner pursued softly.
    public var withdrawAfterSoftPursuit = 1.0
    /// `u_w_flood`: WITHDRAW when flooded.
    public var withdrawWhenFlooded = 3.0
    /// `u_w_flood_anx`: relative cut of the flooded WITHDRAW term per unit anxiety.
    public var withdrawWhenFloodedAnxietyCut = 1.0
    /// `u_w_e`: WITHDRAW per v × own arousal.
    public var withdrawPerAvoidantArousal = 1.0
    /// `u_w_val`: WITHDRAW lost when the partner validated.
    public var withdrawAfterValidation = 1.0
    /// `u_v0`: VALIDATE intercept.
    public var validateBase = -0.5
    /// `u_v_s`: VALIDATE per S(1 − E).
    public var validatePerCalmSecurity = 2.0
    /// `u_v_recip`: VALIDATE when the partner pursued softly or validated.
    public var validateReciprocity = 1.5
    /// `u_v_harsh`: VALIDATE per S × partner pursued harshly.
    public var validateAfterHarshPursuit = 0.5
    /// `u_v_av`: VALIDATE lost per unit avoidance.
    public var validatePerAvoidance = 1.5
    /// `u_v_anx`: VALIDATE lost per a × E.
    public var validatePerAnxiousArousal = 0.5
    /// `u_r0`: SELF_REGULATE intercept.
    public var selfRegulateBase = -2.0
    /// `u_r_e`: SELF_REGULATE per g × E.
    public var selfRegulatePerSkilledArousal = 3.0
    /// `u_r_flood`: SELF_REGULATE per g when flooded.
    public var selfRegulateWhenFlooded = 2.0

    // MARK: Influence impulses (receiver's parameters)
    /// `imp_harsh`: ΔE from the partner's harsh pursuit.
    public var harshPursuitImpulse = 0.1
    /// `imp_harsh_av`: harsh-pursuit ΔE multiplier per unit avoidance, (1 + imp_harsh_av·v).
    public var harshPursuitImpulsePerAvoidance = 1.0
    /// `ds_harsh`: ΔS loss from the partner's harsh pursuit.
    public var harshPursuitSecurityLoss = 0.01
    /// `imp_soft`: ΔE from the partner's soft pursuit.
    public var softPursuitImpulse = 0.05
    /// `imp_wd_pursued`: ΔE from the partner's withdrawal after own pursuit.
    public var withdrawalAfterPursuitImpulse = 0.12
    /// `imp_wd_anx`: withdrawal ΔE multiplier per unit anxiety, (1 + imp_wd_anx·a).
    public var withdrawalImpulsePerAnxiety = 2.0
    /// `ds_wd`: ΔS loss from withdrawal after pursuit, × a·S.
    public var withdrawalSecurityLoss = 0.04
    /// `imp_wd_other`: ΔE from the partner's withdrawal otherwise, × a.
    public var withdrawalOtherImpulse = 0.03
    /// `imp_sr_unann`: unannounced break impact as a fraction of a withdrawal.
    public var unannouncedBreakFactor = 0.7
    /// `imp_sr_ann`: ΔE from an announced break, × a.
    public var announcedBreakImpulse = 0.02
    /// `imp_ignored`: ΔE when a pursuit is met with NEUTRAL, × a.
    public var ignoredPursuitImpulse = 0.04
    /// `imp_val`: fraction of E removed by the partner's validation.
    public var validationRelief = 0.25
    /// `imp_val_av`: validation relief reduction per unit avoidance.
    public var validationReliefAvoidanceCut = 0.4
    /// `ds_val`: ΔS gain from validation, × (1 − S)(ds_val_base + a).
    public var validationSecurityGain = 0.05
    /// `ds_val_base`: validation ΔS base term.
    public var validationSecurityGainBase = 0.5

    // MARK: Bids, perception, initiation, dissolution, earned security, breaks
    /// `bids_per_day`: bids each partner makes per day (integer-valued).
    public var bidsPerDay = 6.0
    /// `bid_weight`: weight of a bid outcome in Pos/Neg.
    public var bidWeight = 0.5
    /// `away_weight`: relative Neg weight of a turn-away.
    public var turnAwayWeight = 0.5
    /// `ptt_max`: turn-toward probability ceiling (as responder).
    public var turnTowardMax = 0.95
    /// `ptt_floor`: turn-toward share at S = 0.
    public var turnTowardFloor = 0.4
    /// `ptt_av`: turn-toward loss per unit avoidance.
    public var turnTowardAvoidanceLoss = 0.5
    /// `pos_av`: perceived weight of received positives lost per unit avoidance, f = 1 − pos_av·v.
    public var positivePerceptionAvoidanceLoss = 0.5
    /// `init_w`: initiation weight multiplier.
    public var initiationWeight = 1.0
    /// `hazard_base`: daily exit hazard at Sat = sat_ref, a = v = 0.
    public var hazardBase = 5.53499e-05
    /// `sat_ref`: reference satisfaction of the hazard.
    public var hazardSatisfactionReference = 0.75
    /// `beta_sat`: hazard log-slope on (sat_ref − Sat).
    public var hazardPerDissatisfaction = 4.0
    /// `beta_anx`: hazard log-slope on −a (anxious cling).
    public var hazardPerAnxiety = 1.0
    /// `beta_av`: hazard log-slope on v.
    public var hazardPerAvoidance = 0.0
    /// `eta_a`: monthly anxiety change per unit of security gain.
    public var earnedAnxietyRate = 0.1
    /// `eta_v`: monthly avoidance change per unit of positive-dependence gain.
    public var earnedAvoidanceRate = 0.02
    /// `trait_pull`: monthly pull of a and v back toward their day-0 values.
    public var traitPull = 0.02
    /// `es_s_ref`: reference S − Sbase gap when there is no burn-in.
    public var earnedSecurityReference = 0.0
    /// `posdep_ref`: reference positive dependence when there is no burn-in.
    public var positiveDependenceReference = 0.7
    /// `break_turns`: untrained break length, turns (integer-valued).
    public var breakTurns = 20.0
    /// `break_turns_trained`: trained break length, turns (integer-valued).
    public var trainedBreakTurns = 40.0

    // MARK: Intervention mechanism sizes (parameters of the targeted partner)
    /// `cv_u_boost`: consistent_validation VALIDATE utility boost after partner pursuit.
    public var consistentValidationBoost = 2.0
    /// `cv_ptt`: consistent_validation turn-toward target.
    public var validationTurnTowardTarget = 0.95
    /// `ss_g_boost`: self_soothing added regulation skill.
    public var soothingSkillBoost = 0.3
    /// `ss_replace`: self_soothing P(a flooded WITHDRAW becomes a break).
    public var soothingReplaceProbability = 0.8
    /// `st_p_soft`: soft_startup target soft-pursuit probability.
    public var softStartupTarget = 0.9
    /// `ci_p_ann`: communicate_intentions target announcement probability.
    public var intentionsAnnounceTarget = 0.95
    /// `ci_wd_relief`: communicate_intentions reduction of withdrawal impact.
    public var intentionsWithdrawalRelief = 0.5
    /// `sv_e_min`: share_vulnerability arousal above which withdrawal may convert.
    public var vulnerabilityArousalMinimum = 0.4
    /// `sv_convert`: share_vulnerability P(WITHDRAW becomes PURSUE/soft).
    public var vulnerabilityConvertProbability = 0.3
    /// `sv_daily_pos`: share_vulnerability daily positives given to the partner.
    public var vulnerabilityDailyPositives = 0.25
    /// `wv_bid_cut`: withhold_validation relative cut of turn-toward.
    public var withholdBidCut = 0.5
    /// `eft_decouple`: EFT stage 1 per-session cut of the coupling coefficients.
    public var eftDecouple = 0.12
    /// `eft_reengage`: EFT stage 2 per-session VALIDATE intercept gain (more avoidant partner).
    public var eftReengage = 0.15
    /// `eft_p_soften`: EFT probability of blamer softening by the last session.
    public var eftSofteningProbability = 0.5
    /// `eft_soften_p_soft`: EFT softening soft-pursuit floor.
    public var eftSofteningSoftPursuitFloor = 0.9
    /// `eft_soften_da`: EFT softening anxiety drop (0.5 SD).
    public var eftSofteningAnxietyDrop = 0.0917
    /// `eft_dv_total`: EFT avoidance drop over the full course (0.3 SD).
    public var eftAvoidanceDropTotal = 0.055

    /// Defaults of role a ("women-like": hr_rest 82 bpm).
    public static let roleA = PartnerParameters()
    /// Defaults of role b ("men-like": hr_rest 76 bpm).
    public static let roleB: PartnerParameters = {
        var parameters = PartnerParameters()
        parameters.restingHeartRate = 76
        return parameters
    }()

    /// The defaults of docs/model.md §8 (partner level; role a and b differ only where ``roleA`` and ``roleB`` say).
    public init() {}
}
