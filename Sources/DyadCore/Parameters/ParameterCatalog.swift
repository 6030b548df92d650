/// Where a parameter lives (MODEL.md §0, §10).
public enum ParameterLevel: String, Sendable {
    /// One value per partner; `params_a`/`params_b` and `set` change it per partner.
    case partner
    /// One value per couple.
    case couple
    /// A scalar of the scenario's `population` object.
    case population
}

/// One row of MODEL.md §10: the single source of truth for names, defaults, ranges, units and
/// sources, used by validation, `dyadsim params`, the JSON schema and the docs.
public struct ParameterInfo: @unchecked Sendable {
    /// MODEL.md name, also the scenario key and CSV column (snake_case).
    public let name: String
    public let level: ParameterLevel
    /// Inclusive validity range; values outside are errors.
    public let range: ClosedRange<Double>
    /// Source tag: C confirmed, M memory, D derived, A assumption, A* calibration.
    public let tag: String
    /// What the parameter means (with its unit).
    public let meaning: String
    /// The group heading of MODEL.md §10.
    public let group: String
    /// Integer-valued parameters are rounded half-to-even where used.
    public let isInteger: Bool
    let partnerPath: WritableKeyPath<PartnerParameters, Double>?
    let couplePath: WritableKeyPath<CoupleParameters, Double>?
    let populationPath: WritableKeyPath<PopulationParameters, Double>?

    /// Default value for role a (or the couple/population default).
    public var defaultValue: Double { value(in: ModelParameters(), population: PopulationParameters(), role: .a) }

    /// Default value for role b (differs from role a only for `hr_rest`).
    public var defaultValueRoleB: Double { value(in: ModelParameters(), population: PopulationParameters(), role: .b) }

    /// Reads this parameter from a parameter set.
    public func value(in parameters: ModelParameters, population: PopulationParameters, role: Role) -> Double {
        if let partnerPath {
            return role == .a ? parameters.roleA[keyPath: partnerPath] : parameters.roleB[keyPath: partnerPath]
        }
        if let couplePath { return parameters.couple[keyPath: couplePath] }
        return population[keyPath: populationPath!]
    }

    /// Reads a partner-level parameter from one partner's set (nil for other levels).
    public func value(in partner: PartnerParameters) -> Double? {
        partnerPath.map { partner[keyPath: $0] }
    }

    /// Reads a couple-level parameter (nil for other levels).
    public func value(in couple: CoupleParameters) -> Double? {
        couplePath.map { couple[keyPath: $0] }
    }

    /// Writes a partner-level value; returns false for other levels.
    @discardableResult
    public func assign(_ value: Double, to partner: inout PartnerParameters) -> Bool {
        guard let partnerPath else { return false }
        partner[keyPath: partnerPath] = value
        return true
    }

    /// Writes a couple-level value; returns false for other levels.
    @discardableResult
    public func assign(_ value: Double, to couple: inout CoupleParameters) -> Bool {
        guard let couplePath else { return false }
        couple[keyPath: couplePath] = value
        return true
    }

    /// Writes a population value; returns false for other levels.
    @discardableResult
    public func assign(_ value: Double, to population: inout PopulationParameters) -> Bool {
        guard let populationPath else { return false }
        population[keyPath: populationPath] = value
        return true
    }
}

/// Partner role.
public enum Role: String, Sendable, CaseIterable {
    case a, b
}

/// The catalogue of every MODEL.md §10 parameter, in MODEL.md order.
public enum ParameterCatalog {
    /// All parameters in MODEL.md order.
    public static let all: [ParameterInfo] = partnerEntries + coupleEntries + populationEntries

    private static let byName: [String: ParameterInfo] = Dictionary(
        uniqueKeysWithValues: all.map { ($0.name, $0) })

    /// Looks a parameter up by its MODEL.md name.
    public static func info(named name: String) -> ParameterInfo? { byName[name] }

    /// Names of the model parameters (partner and couple level) that `params` may set.
    public static var modelParameterNames: [String] {
        all.filter { $0.level != .population }.map(\.name)
    }

    private static let big = -1e9...1e9

    private static func partner(
        _ name: String, _ path: WritableKeyPath<PartnerParameters, Double>, _ range: ClosedRange<Double>,
        _ tag: String, _ group: String, _ meaning: String, integer: Bool = false
    ) -> ParameterInfo {
        ParameterInfo(
            name: name, level: .partner, range: range, tag: tag, meaning: meaning, group: group,
            isInteger: integer, partnerPath: path, couplePath: nil, populationPath: nil)
    }

    private static func couple(
        _ name: String, _ path: WritableKeyPath<CoupleParameters, Double>, _ range: ClosedRange<Double>,
        _ tag: String, _ meaning: String, integer: Bool = false
    ) -> ParameterInfo {
        ParameterInfo(
            name: name, level: .couple, range: range, tag: tag, meaning: meaning, group: "Couple level",
            isInteger: integer, partnerPath: nil, couplePath: path, populationPath: nil)
    }

    private static func population(
        _ name: String, _ path: WritableKeyPath<PopulationParameters, Double>, _ range: ClosedRange<Double>,
        _ tag: String, _ meaning: String, integer: Bool = false
    ) -> ParameterInfo {
        ParameterInfo(
            name: name, level: .population, range: range, tag: tag, meaning: meaning, group: "Population",
            isInteger: integer, partnerPath: nil, couplePath: nil, populationPath: path)
    }

    private static let traitGroup = "Trait-derived"
    private static let arousalGroup = "Arousal and stress"
    private static let securityGroup = "Security and rumination"
    private static let choiceGroup = "Choice rule"
    private static let impulseGroup = "Influence impulses (receiver's parameters)"
    private static let bidGroup = "Bids, perception, initiation, dissolution, earned security, breaks"
    private static let sizeGroup = "Intervention mechanism sizes (parameters of the targeted partner)"

    private static let partnerEntries: [ParameterInfo] = [
        partner("g0", \.regulationSkillBase, 0...1, "A", traitGroup, "regulation skill at a=0"),
        partner("g_anx", \.regulationSkillAnxietyLoss, 0...1, "A", traitGroup, "loss of regulation skill per unit anxiety"),
        partner("sup_v", \.suppressionPerAvoidance, 0...1, "A", traitGroup, "expressive suppression per unit avoidance: X = E(1 - sup_v v)"),
        partner("p_soft0", \.softPursuitBase, 0...1, "A", traitGroup, "soft-pursuit propensity intercept"),
        partner("p_soft_s", \.softPursuitPerSecurity, 0...1, "A", traitGroup, "soft-pursuit propensity per unit felt security"),
        partner("p_soft_e", \.softPursuitPerArousal, 0...1, "A", traitGroup, "soft-pursuit propensity lost per unit arousal"),
        partner("p_soft_floor", \.softPursuitFloor, 0...1, "A", traitGroup, "lower bound on p_soft (raised by EFT softening)"),
        partner("p_ann", \.announceProbability, 0...1, "A", traitGroup, "probability a break is announced"),
        partner("hr_rest", \.restingHeartRate, 40...120, "C", traitGroup, "resting heart rate, bpm (role a 82, role b 76)"),
        partner("e0", \.setPointBase, 0...1, "A", arousalGroup, "arousal set point intercept"),
        partner("e_anx", \.setPointPerAnxiety, 0...1, "A", arousalGroup, "set point per unit anxiety"),
        partner("e_rum", \.setPointPerRumination, 0...1, "A", arousalGroup, "set point per unit rumination"),
        partner("e_stress", \.setPointPerStress, 0...1, "A", arousalGroup, "set point per unit external stress"),
        partner("h0", \.halfLifeBase, 0.1...120, "D", arousalGroup, "arousal half-life at a=v=0, minutes (20/log2(10))"),
        partner("k_anx", \.halfLifePerAnxiety, 0...5, "A", arousalGroup, "relative half-life increase per unit anxiety"),
        partner("k_av", \.halfLifePerAvoidance, 0...5, "A", arousalGroup, "relative half-life increase per unit avoidance"),
        partner("break_k0", \.breakHalfLifeBase, 0...3, "A", arousalGroup, "break half-life factor intercept"),
        partner("break_kg", \.breakHalfLifePerSkill, 0...3, "A", arousalGroup, "break half-life factor reduction per unit skill"),
        partner("sigma_e", \.arousalNoise, 0...0.5, "A", arousalGroup, "per-turn arousal noise SD"),
        partner("theta_flood", \.floodThreshold, 0.01...1, "A", arousalGroup, "flooding threshold on E (HR = 100 bpm)"),
        partner("onset_arousal", \.onsetArousal, 0...1, "A", arousalGroup, "arousal added to the initiator at episode onset"),
        partner("stress_mean", \.stressMean, 0...1, "A", arousalGroup, "external stress long-run mean"),
        partner("stress_phi", \.stressPersistence, 0...1, "A", arousalGroup, "daily persistence of stress"),
        partner("stress_sd", \.stressNoise, 0...1, "A", arousalGroup, "daily stress innovation SD"),
        partner("s_gamma", \.securityPull, 0...1, "A", securityGroup, "daily pull of S toward its base"),
        partner("sbase_anx", \.securityBaseLossPerAnxiety, 0...1, "A", securityGroup, "S base loss per unit anxiety"),
        partner("sbase_av", \.securityBaseLossPerAvoidance, 0...1, "A", securityGroup, "S base loss per unit avoidance"),
        partner("rum_gain", \.ruminationGain, 0...5, "A", securityGroup, "rumination added after an unresolved episode per unit anxiety"),
        partner("rum_floor", \.ruminationArousalFloor, 0...1, "A", securityGroup, "floor on end arousal in the rumination increment"),
        partner("rum_h0", \.ruminationHalfLifeBase, 0.01...100, "A", securityGroup, "rumination half-life at a=0, days"),
        partner("rum_h_anx", \.ruminationHalfLifePerAnxiety, 0...20, "A", securityGroup, "relative rumination half-life increase per unit anxiety"),
        partner("rum_relief", \.ruminationRelief, 0...1, "A", securityGroup, "fraction of rumination removed by a resolved episode"),
        partner("tau", \.temperature, 0.01...100, "A", choiceGroup, "softmax temperature"),
        partner("u_p0", \.pursueBase, big, "A", choiceGroup, "PURSUE intercept"),
        partner("u_p_anx", \.pursuePerAnxiousInsecurity, big, "A", choiceGroup, "PURSUE: anxiety x insecurity a(1-S)"),
        partner("u_p_x", \.pursuePerExpressedArousal, big, "A", choiceGroup, "PURSUE: own expressed arousal X(1-v)"),
        partner("u_p_wd", \.pursueAfterWithdrawal, big, "A", choiceGroup, "PURSUE: a x partner withdrew (coupling)"),
        partner("u_p_rum", \.pursuePerRumination, big, "A", choiceGroup, "PURSUE: rumination"),
        partner("u_p_av", \.pursuePerAvoidance, big, "A", choiceGroup, "PURSUE: minus avoidance"),
        partner("u_w0", \.withdrawBase, big, "A", choiceGroup, "WITHDRAW intercept"),
        partner("u_w_harsh", \.withdrawAfterHarshPursuit, big, "A", choiceGroup, "WITHDRAW: v x partner pursued harshly (coupling)"),
        partner("u_w_soft", \.withdrawAfterSoftPursuit, big, "A", choiceGroup, "WITHDRAW: v x partner pursued softly"),
        partner("u_w_flood", \.withdrawWhenFlooded, big, "A", choiceGroup, "WITHDRAW: flooded"),
        partner("u_w_flood_anx", \.withdrawWhenFloodedAnxietyCut, 0...1, "A*", choiceGroup, "WITHDRAW: relative cut of the flooded term per unit anxiety"),
        partner("u_w_e", \.withdrawPerAvoidantArousal, big, "A", choiceGroup, "WITHDRAW: v x own arousal"),
        partner("u_w_val", \.withdrawAfterValidation, big, "A", choiceGroup, "WITHDRAW: minus partner validated"),
        partner("u_v0", \.validateBase, big, "A", choiceGroup, "VALIDATE intercept"),
        partner("u_v_s", \.validatePerCalmSecurity, big, "A", choiceGroup, "VALIDATE: S(1-E)"),
        partner("u_v_recip", \.validateReciprocity, big, "A", choiceGroup, "VALIDATE: partner pursued softly or validated"),
        partner("u_v_harsh", \.validateAfterHarshPursuit, big, "A", choiceGroup, "VALIDATE: S x partner pursued harshly"),
        partner("u_v_av", \.validatePerAvoidance, big, "A", choiceGroup, "VALIDATE: minus avoidance"),
        partner("u_v_anx", \.validatePerAnxiousArousal, big, "A*", choiceGroup, "VALIDATE: minus a x E"),
        partner("u_r0", \.selfRegulateBase, big, "A", choiceGroup, "SELF_REGULATE intercept"),
        partner("u_r_e", \.selfRegulatePerSkilledArousal, big, "A", choiceGroup, "SELF_REGULATE: g x E"),
        partner("u_r_flood", \.selfRegulateWhenFlooded, big, "A", choiceGroup, "SELF_REGULATE: g x flooded"),
        partner("imp_harsh", \.harshPursuitImpulse, 0...1, "A*", impulseGroup, "dE from partner's harsh pursuit"),
        partner("imp_harsh_av", \.harshPursuitImpulsePerAvoidance, 0...5, "A", impulseGroup, "harsh-pursuit dE multiplier per unit avoidance: (1 + imp_harsh_av v)"),
        partner("ds_harsh", \.harshPursuitSecurityLoss, 0...1, "A", impulseGroup, "dS loss from partner's harsh pursuit"),
        partner("imp_soft", \.softPursuitImpulse, 0...1, "A", impulseGroup, "dE from partner's soft pursuit"),
        partner("imp_wd_pursued", \.withdrawalAfterPursuitImpulse, 0...1, "A", impulseGroup, "dE from partner's withdrawal after own pursuit"),
        partner("imp_wd_anx", \.withdrawalImpulsePerAnxiety, 0...10, "A", impulseGroup, "withdrawal dE multiplier per unit anxiety: (1 + imp_wd_anx a)"),
        partner("ds_wd", \.withdrawalSecurityLoss, 0...1, "A", impulseGroup, "dS loss from withdrawal after pursuit, x a S"),
        partner("imp_wd_other", \.withdrawalOtherImpulse, 0...1, "A", impulseGroup, "dE from partner's withdrawal otherwise, x a"),
        partner("imp_sr_unann", \.unannouncedBreakFactor, 0...1, "A", impulseGroup, "unannounced break impact as a fraction of a withdrawal"),
        partner("imp_sr_ann", \.announcedBreakImpulse, 0...1, "A", impulseGroup, "dE from an announced break, x a"),
        partner("imp_ignored", \.ignoredPursuitImpulse, 0...1, "A", impulseGroup, "dE when a pursuit is met with NEUTRAL, x a"),
        partner("imp_val", \.validationRelief, 0...1, "A", impulseGroup, "fraction of E removed by partner's validation"),
        partner("imp_val_av", \.validationReliefAvoidanceCut, 0...1, "A", impulseGroup, "validation relief reduction per unit avoidance"),
        partner("ds_val", \.validationSecurityGain, 0...1, "A", impulseGroup, "dS gain from validation, x (1-S)(ds_val_base + a)"),
        partner("ds_val_base", \.validationSecurityGainBase, 0...5, "A", impulseGroup, "validation dS base term"),
        partner("bids_per_day", \.bidsPerDay, 0...100, "A", bidGroup, "bids each partner makes per day (integer)", integer: true),
        partner("bid_weight", \.bidWeight, 0...10, "A*", bidGroup, "weight of a bid outcome in Pos/Neg"),
        partner("away_weight", \.turnAwayWeight, 0...10, "A", bidGroup, "relative Neg weight of a turn-away"),
        partner("ptt_max", \.turnTowardMax, 0...1, "A", bidGroup, "turn-toward probability ceiling (as responder)"),
        partner("ptt_floor", \.turnTowardFloor, 0...1, "A", bidGroup, "turn-toward share at S = 0"),
        partner("ptt_av", \.turnTowardAvoidanceLoss, 0...1, "A", bidGroup, "turn-toward loss per unit avoidance"),
        partner("pos_av", \.positivePerceptionAvoidanceLoss, 0...1, "A*", bidGroup, "perceived weight of received positives lost per unit avoidance"),
        partner("init_w", \.initiationWeight, 0...100, "A", bidGroup, "initiation weight multiplier (role bias hook; default no bias)"),
        partner("hazard_base", \.hazardBase, 0...1, "A", bidGroup, "daily exit hazard at Sat = sat_ref, a = v = 0"),
        partner("sat_ref", \.hazardSatisfactionReference, 0...1, "A", bidGroup, "reference satisfaction of the hazard"),
        partner("beta_sat", \.hazardPerDissatisfaction, 0...20, "A", bidGroup, "hazard log-slope on (sat_ref - Sat)"),
        partner("beta_anx", \.hazardPerAnxiety, -5...5, "A", bidGroup, "hazard log-slope on -a (anxious cling)"),
        partner("beta_av", \.hazardPerAvoidance, -5...5, "A", bidGroup, "hazard log-slope on v"),
        partner("eta_a", \.earnedAnxietyRate, 0...1, "A*", bidGroup, "monthly anxiety change per unit of security gain"),
        partner("eta_v", \.earnedAvoidanceRate, 0...1, "A", bidGroup, "monthly avoidance change per unit of positive-dependence gain"),
        partner("trait_pull", \.traitPull, 0...1, "A*", bidGroup, "monthly pull of a and v back toward their day-0 values"),
        partner("es_s_ref", \.earnedSecurityReference, -1...1, "A", bidGroup, "reference S - S_base gap when there is no burn-in"),
        partner("posdep_ref", \.positiveDependenceReference, 0...1, "A", bidGroup, "reference positive dependence when there is no burn-in"),
        partner("break_turns", \.breakTurns, 1...2880, "A", bidGroup, "untrained break length, turns (10 min)", integer: true),
        partner("break_turns_trained", \.trainedBreakTurns, 1...2880, "C", bidGroup, "trained break length, turns (20 min)", integer: true),
        partner("cv_u_boost", \.validationBoost, 0...20, "A", sizeGroup, "consistent_validation: VALIDATE utility boost after partner pursuit"),
        partner("cv_ptt", \.validationTurnTowardTarget, 0...1, "A", sizeGroup, "consistent_validation: turn-toward target"),
        partner("ss_g_boost", \.soothingSkillBoost, 0...1, "A", sizeGroup, "self_soothing: added regulation skill"),
        partner("ss_replace", \.soothingReplaceProbability, 0...1, "A", sizeGroup, "self_soothing: P(flooded WITHDRAW becomes a break)"),
        partner("st_p_soft", \.softStartupTarget, 0...1, "A", sizeGroup, "soft_startup: target soft-pursuit probability"),
        partner("ci_p_ann", \.intentionsAnnounceTarget, 0...1, "A", sizeGroup, "communicate_intentions: target announcement probability"),
        partner("ci_wd_relief", \.intentionsWithdrawalRelief, 0...1, "A", sizeGroup, "communicate_intentions: reduction of withdrawal impact"),
        partner("sv_e_min", \.vulnerabilityArousalMinimum, 0...1, "A", sizeGroup, "share_vulnerability: arousal above which withdrawal may convert"),
        partner("sv_convert", \.vulnerabilityConvertProbability, 0...1, "A", sizeGroup, "share_vulnerability: P(WITHDRAW becomes PURSUE soft)"),
        partner("sv_daily_pos", \.vulnerabilityDailyPositives, 0...10, "A", sizeGroup, "share_vulnerability: daily Pos given to the partner"),
        partner("wv_bid_cut", \.withholdBidCut, 0...1, "A", sizeGroup, "withhold_validation: relative cut of turn-toward"),
        partner("eft_decouple", \.eftDecouple, 0...1, "A*", sizeGroup, "eft stage 1: per-session cut of coupling coefficients"),
        partner("eft_reengage", \.eftReengage, 0...5, "A*", sizeGroup, "eft stage 2: per-session VALIDATE intercept gain, more avoidant"),
        partner("eft_p_soften", \.eftSofteningProbability, 0...1, "C", sizeGroup, "eft: P(blamer softening) by the last session"),
        partner("eft_soften_p_soft", \.eftSofteningSoftPursuitFloor, 0...1, "A", sizeGroup, "eft softening: p_soft floor"),
        partner("eft_soften_da", \.eftSofteningAnxietyDrop, 0...1, "A", sizeGroup, "eft softening: anxiety drop (0.5 SD)"),
        partner("eft_dv_total", \.eftAvoidanceDropTotal, 0...1, "A", sizeGroup, "eft: avoidance drop over the full course (0.3 SD)"),
    ]

    private static let coupleEntries: [ParameterInfo] = [
        couple("turn_minutes", \.turnMinutes, 0.01...10, "A", "length of one turn, minutes"),
        couple("t_max", \.maximumTurns, 1...10000, "C", "maximum turns per episode (15 min)", integer: true),
        couple("resolve_e", \.resolveArousal, 0...1, "A", "both E below this (plus a recent VALIDATE) resolves"),
        couple("validate_window", \.validateWindow, 1...100, "A", "turns in which a VALIDATE must lie to resolve", integer: true),
        couple("withdraw_streak_end", \.withdrawStreakEnd, 1...1000, "A", "consecutive own WITHDRAWs that end an episode", integer: true),
        couple("lambda0", \.conflictRateBase, 0...10, "A", "base conflict rate per day"),
        couple("onset_anx", \.conflictRatePerAnxiety, 0...10, "A", "conflict rate gain per unit of summed anxiety"),
        couple("onset_rum", \.conflictRatePerRumination, 0...10, "A", "conflict rate gain per unit of summed rumination"),
        couple("onset_stress", \.conflictRatePerStress, 0...10, "A", "conflict rate gain per unit of summed stress"),
        couple("init_anx", \.initiationPerAnxiety, 0...100, "A", "initiation weight per unit anxiety"),
        couple("init_rum", \.initiationPerRumination, 0...100, "A", "initiation weight per unit rumination"),
        couple("pn_half_life", \.positiveNegativeHalfLife, 0.1...10000, "A", "half-life of the Pos/Neg EWMA, days"),
        couple("pn_prior", \.positiveNegativePrior, 0...100, "A", "prior count added to Pos and Neg in the ratio"),
        couple("theta_pn", \.satisfactionMidRatio, 0.01...100, "A", "ratio giving Sat = 0.5"),
        couple("s_pn", \.satisfactionLogRatioScale, 0.01...10, "A", "log-ratio scale of Sat"),
        couple("sat_distress", \.distressThreshold, 0...1, "M", "distress cut on couple Sat (CSI-32 104.5/161)"),
        couple("neg_w_wd_other", \.withdrawalOtherNegativeWeight, 0...10, "A", "Neg weight of a WITHDRAW not after own pursuit"),
        couple("neg_w_sr_unann", \.unannouncedBreakNegativeWeight, 0...10, "A", "Neg weight of an unannounced break"),
        couple("repair_horizon_min", \.repairHorizonMinutes, 1...100000, "A", "horizon of the restricted-mean repair time, minutes"),
        couple("recover_eps", \.recoveryTolerance, 1e-06...1, "A", "recovery: E within this of E* counts as recovered"),
        couple("earned_period", \.earnedSecurityPeriod, 1...10000, "A", "days between earned-security updates", integer: true),
        couple("es_ref_days", \.earnedSecurityReferenceDays, 1...10000, "A", "last burn-in days averaged into the earned-security references", integer: true),
        couple("hr_max", \.maximumHeartRate, 100...250, "C", "heart-rate cap, bpm"),
        couple("eft_sessions", \.eftSessions, 1...100, "A", "number of weekly EFT sessions", integer: true),
        couple("eft_interval", \.eftInterval, 1...100, "A", "days between EFT sessions", integer: true),
        couple("eft_stage1", \.eftStageOneSessions, 0...100, "A", "sessions in EFT stage 1 (de-escalation)", integer: true),
    ]

    private static let populationEntries: [ParameterInfo] = [
        population("mean_anx_a", \.meanAnxietyA, 1...7, "M/D", "ECR anxiety mean, role a (3.6 + 0.09 SD)"),
        population("mean_av_a", \.meanAvoidanceA, 1...7, "M/D", "ECR avoidance mean, role a (2.9 - 0.09 SD)"),
        population("mean_anx_b", \.meanAnxietyB, 1...7, "M/D", "ECR anxiety mean, role b"),
        population("mean_av_b", \.meanAvoidanceB, 1...7, "M/D", "ECR avoidance mean, role b"),
        population("sd_anx", \.sdAnxiety, 0...3, "M", "ECR anxiety SD"),
        population("sd_av", \.sdAvoidance, 0...3, "M", "ECR avoidance SD"),
        population("r_within", \.correlationWithin, -1...1, "M", "corr(anxiety, avoidance) within a person"),
        population("r_anx_anx", \.correlationAnxietyAnxiety, -1...1, "A", "corr(anx_a, anx_b)"),
        population("r_av_av", \.correlationAvoidanceAvoidance, -1...1, "A", "corr(av_a, av_b)"),
        population("r_cross", \.correlationCross, -1...1, "A", "corr(anx_a, av_b) = corr(av_a, anx_b)"),
        population("trunc_max_tries", \.truncationMaxTries, 1...1e6, "A", "rejection tries before clamping", integer: true),
        population("style_jitter", \.styleJitter, 0...0.5, "A", "styles mode: SD of jitter around prototypes"),
        population("class_anx_ecr", \.classAnxietyECR, 1...7, "D", "anxious threshold (ECR), mean + 0.70 SD"),
        population("class_av_ecr", \.classAvoidanceECR, 1...7, "D", "avoidant threshold (ECR), mean + 0.674 SD"),
    ]
}
