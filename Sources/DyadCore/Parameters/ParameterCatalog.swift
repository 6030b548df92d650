/// The catalogue of every model parameter (docs/model.md §8), in the document's order.
public enum ParameterCatalog {
    /// All parameters in the order of docs/model.md §8.
    public static let all: [ParameterInfo] = partnerEntries + coupleEntries + populationEntries

    private static let byName: [String: ParameterInfo] = Dictionary(
        uniqueKeysWithValues: all.map { ($0.name, $0) })

    /// Looks a parameter up by its name.
    public static func info(named name: String) -> ParameterInfo? { byName[name] }

    /// The source tags of ``ParameterInfo/tag`` with their meanings (docs/model.md §2.1); a
    /// combined tag such as "M/D" means both.
    public static let sourceTags: [(tag: String, meaning: String)] = [
        ("C", "confirmed in the literature review"),
        ("M", "recalled from the literature, not re-checked"),
        ("D", "derived from other values"),
        ("A", "assumption"),
        ("A*", "assumption set or added during calibration (docs/model.md §11)"),
    ]

    /// Names of the model parameters (partner and couple level) that `params` may set.
    public static var modelParameterNames: [String] {
        all.filter { $0.level != .population }.map(\.name)
    }

    private static let big = -1e9...1e9

    private static func partner(
        _ name: String, _ path: WritableKeyPath<PartnerParameters, Double>, _ range: ClosedRange<Double>,
        _ tag: String, _ group: String, _ meaning: String, unit: String, integer: Bool = false
    ) -> ParameterInfo {
        ParameterInfo(
            name: name, level: .partner, range: range, tag: tag, meaning: meaning, unit: unit, group: group,
            isInteger: integer, partnerPath: path, couplePath: nil, populationPath: nil)
    }

    private static func couple(
        _ name: String, _ path: WritableKeyPath<CoupleParameters, Double>, _ range: ClosedRange<Double>,
        _ tag: String, _ meaning: String, unit: String, integer: Bool = false
    ) -> ParameterInfo {
        ParameterInfo(
            name: name, level: .couple, range: range, tag: tag, meaning: meaning, unit: unit, group: "Couple level",
            isInteger: integer, partnerPath: nil, couplePath: path, populationPath: nil)
    }

    private static func population(
        _ name: String, _ path: WritableKeyPath<PopulationParameters, Double>, _ range: ClosedRange<Double>,
        _ tag: String, _ meaning: String, unit: String, integer: Bool = false
    ) -> ParameterInfo {
        ParameterInfo(
            name: name, level: .population, range: range, tag: tag, meaning: meaning, unit: unit, group: "Population",
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
        partner("g0", \.regulationSkillBase, 0...1, "A", traitGroup, "regulation skill at a=0", unit: "0-1"),
        partner(
            "g_anx", \.regulationSkillAnxietyLoss, 0...1, "A", traitGroup,
            "loss of regulation skill per unit anxiety", unit: "0-1"),
        partner(
            "sup_v", \.suppressionPerAvoidance, 0...1, "A", traitGroup,
            "expressive suppression per unit avoidance: X = E(1 - sup_v v)", unit: "fraction"),
        partner(
            "p_soft0", \.softPursuitBase, 0...1, "A", traitGroup,
            "soft-pursuit propensity intercept", unit: "probability"),
        partner(
            "p_soft_s", \.softPursuitPerSecurity, 0...1, "A", traitGroup,
            "soft-pursuit propensity per unit felt security", unit: "probability"),
        partner(
            "p_soft_e", \.softPursuitPerArousal, 0...1, "A", traitGroup,
            "soft-pursuit propensity lost per unit arousal", unit: "probability"),
        partner(
            "p_soft_floor", \.softPursuitFloor, 0...1, "A", traitGroup,
            "lower bound on p_soft (raised by EFT softening)", unit: "probability"),
        partner(
            "p_ann", \.announceProbability, 0...1, "A", traitGroup,
            "probability a break is announced", unit: "probability"),
        partner(
            "hr_rest", \.restingHeartRate, 40...120, "C", traitGroup,
            "resting heart rate, bpm (role a 82, role b 76)", unit: "bpm"),
        partner("e0", \.setPointBase, 0...1, "A", arousalGroup, "arousal set point intercept", unit: "0-1"),
        partner("e_anx", \.setPointPerAnxiety, 0...1, "A", arousalGroup, "set point per unit anxiety", unit: "0-1"),
        partner(
            "e_rum", \.setPointPerRumination, 0...1, "A", arousalGroup,
            "set point per unit rumination", unit: "0-1"),
        partner(
            "e_stress", \.setPointPerStress, 0...1, "A", arousalGroup,
            "set point per unit external stress", unit: "0-1"),
        partner(
            "h0", \.halfLifeBase, 0.1...120, "D", arousalGroup,
            "arousal half-life at a=v=0, minutes (20/log2(10))", unit: "min"),
        partner(
            "k_anx", \.halfLifePerAnxiety, 0...5, "A", arousalGroup,
            "relative half-life increase per unit anxiety", unit: "relative"),
        partner(
            "k_av", \.halfLifePerAvoidance, 0...5, "A", arousalGroup,
            "relative half-life increase per unit avoidance", unit: "relative"),
        partner(
            "break_k0", \.breakHalfLifeBase, 0...3, "A", arousalGroup,
            "break half-life factor intercept", unit: "factor"),
        partner(
            "break_kg", \.breakHalfLifePerSkill, 0...3, "A", arousalGroup,
            "break half-life factor reduction per unit skill", unit: "factor"),
        partner("sigma_e", \.arousalNoise, 0...0.5, "A", arousalGroup, "per-turn arousal noise SD", unit: "0-1"),
        partner(
            "theta_flood", \.floodThreshold, 0.01...1, "A", arousalGroup,
            "flooding threshold on E (HR = 100 bpm)", unit: "0-1"),
        partner(
            "onset_arousal", \.onsetArousal, 0...1, "A", arousalGroup,
            "arousal added to the initiator at episode onset", unit: "0-1"),
        partner("stress_mean", \.stressMean, 0...1, "A", arousalGroup, "external stress long-run mean", unit: "0-1"),
        partner(
            "stress_phi", \.stressPersistence, 0...1, "A", arousalGroup,
            "daily persistence of stress", unit: "factor"),
        partner("stress_sd", \.stressNoise, 0...1, "A", arousalGroup, "daily stress innovation SD", unit: "0-1"),
        partner(
            "s_gamma", \.securityPull, 0...1, "A", securityGroup,
            "daily pull of S toward its base", unit: "fraction"),
        partner(
            "sbase_anx", \.securityBaseLossPerAnxiety, 0...1, "A", securityGroup,
            "S base loss per unit anxiety", unit: "0-1"),
        partner(
            "sbase_av", \.securityBaseLossPerAvoidance, 0...1, "A", securityGroup,
            "S base loss per unit avoidance", unit: "0-1"),
        partner(
            "rum_gain", \.ruminationGain, 0...5, "A", securityGroup,
            "rumination added after an unresolved episode per unit anxiety", unit: "rumination"),
        partner(
            "rum_floor", \.ruminationArousalFloor, 0...1, "A", securityGroup,
            "floor on end arousal in the rumination increment", unit: "0-1"),
        partner(
            "rum_h0", \.ruminationHalfLifeBase, 0.01...100, "A", securityGroup,
            "rumination half-life at a=0, days", unit: "days"),
        partner(
            "rum_h_anx", \.ruminationHalfLifePerAnxiety, 0...20, "A", securityGroup,
            "relative rumination half-life increase per unit anxiety", unit: "relative"),
        partner(
            "rum_relief", \.ruminationRelief, 0...1, "A", securityGroup,
            "fraction of rumination removed by a resolved episode", unit: "fraction"),
        partner("tau", \.temperature, 0.01...100, "A", choiceGroup, "softmax temperature", unit: "utility"),
        partner("u_p0", \.pursueBase, big, "A", choiceGroup, "PURSUE intercept", unit: "utility"),
        partner(
            "u_p_anx", \.pursuePerAnxiousInsecurity, big, "A", choiceGroup,
            "PURSUE: anxiety x insecurity a(1-S)", unit: "utility"),
        partner(
            "u_p_x", \.pursuePerExpressedArousal, big, "A", choiceGroup,
            "PURSUE: own expressed arousal X(1-v)", unit: "utility"),
        partner(
            "u_p_wd", \.pursuePerAnxietyAfterWithdrawal, big, "A", choiceGroup,
            "PURSUE: a x partner withdrew (coupling)", unit: "utility"),
        partner("u_p_rum", \.pursuePerRumination, big, "A", choiceGroup, "PURSUE: rumination", unit: "utility"),
        partner("u_p_av", \.pursuePerAvoidance, big, "A", choiceGroup, "PURSUE: minus avoidance", unit: "utility"),
        partner("u_w0", \.withdrawBase, big, "A", choiceGroup, "WITHDRAW intercept", unit: "utility"),
        partner(
            "u_w_harsh", \.withdrawAfterHarshPursuit, big, "A", choiceGroup,
            "WITHDRAW: v x partner pursued harshly (coupling)", unit: "utility"),
        partner(
            "u_w_soft", \.withdrawAfterSoftPursuit, big, "A", choiceGroup,
            "WITHDRAW: v x partner pursued softly", unit: "utility"),
        partner("u_w_flood", \.withdrawWhenFlooded, big, "A", choiceGroup, "WITHDRAW: flooded", unit: "utility"),
        partner(
            "u_w_flood_anx", \.withdrawWhenFloodedAnxietyCut, 0...1, "A*", choiceGroup,
            "WITHDRAW: relative cut of the flooded term per unit anxiety", unit: "fraction"),
        partner(
            "u_w_e", \.withdrawPerAvoidantArousal, big, "A", choiceGroup,
            "WITHDRAW: v x own arousal", unit: "utility"),
        partner(
            "u_w_val", \.withdrawAfterValidation, big, "A", choiceGroup,
            "WITHDRAW: minus partner validated", unit: "utility"),
        partner("u_v0", \.validateBase, big, "A", choiceGroup, "VALIDATE intercept", unit: "utility"),
        partner("u_v_s", \.validatePerCalmSecurity, big, "A", choiceGroup, "VALIDATE: S(1-E)", unit: "utility"),
        partner(
            "u_v_recip", \.validateReciprocity, big, "A", choiceGroup,
            "VALIDATE: partner pursued softly or validated", unit: "utility"),
        partner(
            "u_v_harsh", \.validateAfterHarshPursuit, big, "A", choiceGroup,
            "VALIDATE: S x partner pursued harshly", unit: "utility"),
        partner("u_v_av", \.validatePerAvoidance, big, "A", choiceGroup, "VALIDATE: minus avoidance", unit: "utility"),
        partner(
            "u_v_anx", \.validatePerAnxiousArousal, big, "A*", choiceGroup,
            "VALIDATE: minus a x E", unit: "utility"),
        partner("u_r0", \.selfRegulateBase, big, "A", choiceGroup, "SELF_REGULATE intercept", unit: "utility"),
        partner(
            "u_r_e", \.selfRegulatePerSkilledArousal, big, "A", choiceGroup,
            "SELF_REGULATE: g x E", unit: "utility"),
        partner(
            "u_r_flood", \.selfRegulateWhenFlooded, big, "A", choiceGroup,
            "SELF_REGULATE: g x flooded", unit: "utility"),
        partner(
            "imp_harsh", \.harshPursuitImpulse, 0...1, "A*", impulseGroup,
            "dE from partner's harsh pursuit", unit: "0-1"),
        partner(
            "imp_harsh_av", \.harshPursuitImpulsePerAvoidance, 0...5, "A", impulseGroup,
            "harsh-pursuit dE multiplier per unit avoidance: (1 + imp_harsh_av v)", unit: "relative"),
        partner(
            "ds_harsh", \.harshPursuitSecurityLoss, 0...1, "A", impulseGroup,
            "dS loss from partner's harsh pursuit", unit: "0-1"),
        partner(
            "imp_soft", \.softPursuitImpulse, 0...1, "A", impulseGroup,
            "dE from partner's soft pursuit", unit: "0-1"),
        partner(
            "imp_wd_pursued", \.withdrawalAfterPursuitImpulse, 0...1, "A", impulseGroup,
            "dE from partner's withdrawal after own pursuit", unit: "0-1"),
        partner(
            "imp_wd_anx", \.withdrawalImpulsePerAnxiety, 0...10, "A", impulseGroup,
            "withdrawal dE multiplier per unit anxiety: (1 + imp_wd_anx a)", unit: "relative"),
        partner(
            "ds_wd", \.withdrawalSecurityLoss, 0...1, "A", impulseGroup,
            "dS loss from withdrawal after pursuit, x a S", unit: "0-1"),
        partner(
            "imp_wd_other", \.withdrawalOtherImpulse, 0...1, "A", impulseGroup,
            "dE from partner's withdrawal otherwise, x a", unit: "0-1"),
        partner(
            "imp_sr_unann", \.unannouncedBreakFactor, 0...1, "A", impulseGroup,
            "unannounced break impact as a fraction of a withdrawal", unit: "fraction"),
        partner(
            "imp_sr_ann", \.announcedBreakImpulse, 0...1, "A", impulseGroup,
            "dE from an announced break, x a", unit: "0-1"),
        partner(
            "imp_ignored", \.ignoredPursuitImpulse, 0...1, "A", impulseGroup,
            "dE when a pursuit is met with NEUTRAL, x a", unit: "0-1"),
        partner(
            "imp_val", \.validationRelief, 0...1, "A", impulseGroup,
            "fraction of E removed by partner's validation", unit: "fraction"),
        partner(
            "imp_val_av", \.validationReliefAvoidanceCut, 0...1, "A", impulseGroup,
            "validation relief reduction per unit avoidance", unit: "fraction"),
        partner(
            "ds_val", \.validationSecurityGain, 0...1, "A", impulseGroup,
            "dS gain from validation, x (1-S)(ds_val_base + a)", unit: "0-1"),
        partner(
            "ds_val_base", \.validationSecurityGainBase, 0...5, "A", impulseGroup,
            "validation dS base term", unit: "0-1"),
        partner(
            "bids_per_day", \.bidsPerDay, 0...100, "A", bidGroup,
            "bids each partner makes per day (integer)", unit: "bids/day", integer: true),
        partner(
            "bid_weight", \.bidWeight, 0...10, "A*", bidGroup,
            "weight of a bid outcome in Pos/Neg", unit: "events"),
        partner(
            "away_weight", \.turnAwayWeight, 0...10, "A", bidGroup,
            "relative Neg weight of a turn-away", unit: "relative"),
        partner(
            "ptt_max", \.turnTowardMax, 0...1, "A", bidGroup,
            "turn-toward probability ceiling (as responder)", unit: "probability"),
        partner("ptt_floor", \.turnTowardFloor, 0...1, "A", bidGroup, "turn-toward share at S = 0", unit: "fraction"),
        partner(
            "ptt_av", \.turnTowardAvoidanceLoss, 0...1, "A", bidGroup,
            "turn-toward loss per unit avoidance", unit: "fraction"),
        partner(
            "pos_av", \.positivePerceptionAvoidanceLoss, 0...1, "A*", bidGroup,
            "perceived weight of received positives lost per unit avoidance", unit: "fraction"),
        partner(
            "init_w", \.initiationWeight, 0...100, "A", bidGroup,
            "initiation weight multiplier (role bias hook; default no bias)", unit: "factor"),
        partner(
            "hazard_base", \.hazardBase, 0...1, "A", bidGroup,
            "daily exit hazard at Sat = sat_ref, a = v = 0", unit: "per day"),
        partner(
            "sat_ref", \.hazardSatisfactionReference, 0...1, "A", bidGroup,
            "reference satisfaction of the hazard", unit: "0-1"),
        partner(
            "beta_sat", \.hazardPerDissatisfaction, 0...20, "A", bidGroup,
            "hazard log-slope on (sat_ref - Sat)", unit: "log-rate"),
        partner(
            "beta_anx", \.hazardPerAnxiety, -5...5, "A", bidGroup,
            "hazard log-slope on -a (anxious cling)", unit: "log-rate"),
        partner("beta_av", \.hazardPerAvoidance, -5...5, "A", bidGroup, "hazard log-slope on v", unit: "log-rate"),
        partner(
            "eta_a", \.earnedAnxietyRate, 0...1, "A*", bidGroup,
            "monthly anxiety change per unit of security gain", unit: "per update"),
        partner(
            "eta_v", \.earnedAvoidanceRate, 0...1, "A", bidGroup,
            "monthly avoidance change per unit of positive-dependence gain", unit: "per update"),
        partner(
            "trait_pull", \.traitPull, 0...1, "A*", bidGroup,
            "monthly pull of a and v back toward their day-0 values", unit: "per update"),
        partner(
            "es_s_ref", \.earnedSecurityReference, -1...1, "A", bidGroup,
            "reference S - S_base gap when there is no burn-in", unit: "0-1"),
        partner(
            "posdep_ref", \.positiveDependenceReference, 0...1, "A", bidGroup,
            "reference positive dependence when there is no burn-in", unit: "share"),
        partner(
            "break_turns", \.breakTurns, 1...2880, "A", bidGroup,
            "untrained break length, turns (10 min)", unit: "turns", integer: true),
        partner(
            "break_turns_trained", \.trainedBreakTurns, 1...2880, "C", bidGroup,
            "trained break length, turns (20 min)", unit: "turns", integer: true),
        partner(
            "cv_u_boost", \.consistentValidationBoost, 0...20, "A", sizeGroup,
            "consistent_validation: VALIDATE utility boost after partner pursuit", unit: "utility"),
        partner(
            "cv_ptt", \.validationTurnTowardTarget, 0...1, "A", sizeGroup,
            "consistent_validation: turn-toward target", unit: "probability"),
        partner(
            "ss_g_boost", \.soothingSkillBoost, 0...1, "A", sizeGroup,
            "self_soothing: added regulation skill", unit: "0-1"),
        partner(
            "ss_replace", \.soothingReplaceProbability, 0...1, "A", sizeGroup,
            "self_soothing: P(flooded WITHDRAW becomes a break)", unit: "probability"),
        partner(
            "st_p_soft", \.softStartupTarget, 0...1, "A", sizeGroup,
            "soft_startup: target soft-pursuit probability", unit: "probability"),
        partner(
            "ci_p_ann", \.intentionsAnnounceTarget, 0...1, "A", sizeGroup,
            "communicate_intentions: target announcement probability", unit: "probability"),
        partner(
            "ci_wd_relief", \.intentionsWithdrawalRelief, 0...1, "A", sizeGroup,
            "communicate_intentions: reduction of withdrawal impact", unit: "fraction"),
        partner(
            "sv_e_min", \.vulnerabilityArousalMinimum, 0...1, "A", sizeGroup,
            "share_vulnerability: arousal above which withdrawal may convert", unit: "0-1"),
        partner(
            "sv_convert", \.vulnerabilityConvertProbability, 0...1, "A", sizeGroup,
            "share_vulnerability: P(WITHDRAW becomes PURSUE soft)", unit: "probability"),
        partner(
            "sv_daily_pos", \.vulnerabilityDailyPositives, 0...10, "A", sizeGroup,
            "share_vulnerability: daily Pos given to the partner", unit: "events/day"),
        partner(
            "wv_bid_cut", \.withholdBidCut, 0...1, "A", sizeGroup,
            "withhold_validation: relative cut of turn-toward", unit: "fraction"),
        partner(
            "eft_decouple", \.eftDecouple, 0...1, "A*", sizeGroup,
            "eft stage 1: per-session cut of coupling coefficients", unit: "fraction"),
        partner(
            "eft_reengage", \.eftReengage, 0...5, "A*", sizeGroup,
            "eft stage 2: per-session VALIDATE intercept gain, more avoidant", unit: "utility"),
        partner(
            "eft_p_soften", \.eftSofteningProbability, 0...1, "C", sizeGroup,
            "eft: P(blamer softening) by the last session", unit: "probability"),
        partner(
            "eft_soften_p_soft", \.eftSofteningSoftPursuitFloor, 0...1, "A", sizeGroup,
            "eft softening: p_soft floor", unit: "probability"),
        partner(
            "eft_soften_da", \.eftSofteningAnxietyDrop, 0...1, "A", sizeGroup,
            "eft softening: anxiety drop (0.5 SD)", unit: "0-1"),
        partner(
            "eft_dv_total", \.eftAvoidanceDropTotal, 0...1, "A", sizeGroup,
            "eft: avoidance drop over the full course (0.3 SD)", unit: "0-1"),
    ]

    private static let coupleEntries: [ParameterInfo] = [
        couple("turn_minutes", \.turnMinutes, 0.01...10, "A", "length of one turn, minutes", unit: "min"),
        couple(
            "t_max", \.maximumTurns, 1...10000, "C",
            "maximum turns per episode (15 min)", unit: "turns", integer: true),
        couple(
            "resolve_e", \.resolveArousal, 0...1, "A",
            "both E below this (plus a recent VALIDATE) resolves", unit: "0-1"),
        couple(
            "validate_window", \.validateWindow, 1...100, "A",
            "turns in which a VALIDATE must lie to resolve", unit: "turns", integer: true),
        couple(
            "withdraw_streak_end", \.withdrawStreakEnd, 1...1000, "A",
            "consecutive own WITHDRAWs that end an episode", unit: "actions", integer: true),
        couple("lambda0", \.conflictRateBase, 0...10, "A", "base conflict rate per day", unit: "per day"),
        couple(
            "onset_anx", \.conflictRatePerAnxiety, 0...10, "A",
            "conflict rate gain per unit of summed anxiety", unit: "relative"),
        couple(
            "onset_rum", \.conflictRatePerRumination, 0...10, "A",
            "conflict rate gain per unit of summed rumination", unit: "relative"),
        couple(
            "onset_stress", \.conflictRatePerStress, 0...10, "A",
            "conflict rate gain per unit of summed stress", unit: "relative"),
        couple(
            "init_anx", \.initiationPerAnxiety, 0...100, "A",
            "initiation weight per unit anxiety", unit: "relative"),
        couple(
            "init_rum", \.initiationPerRumination, 0...100, "A",
            "initiation weight per unit rumination", unit: "relative"),
        couple(
            "pn_half_life", \.positiveNegativeHalfLife, 0.1...10000, "A",
            "half-life of the Pos/Neg EWMA, days", unit: "days"),
        couple(
            "pn_prior", \.positiveNegativePrior, 0...100, "A",
            "prior count added to Pos and Neg in the ratio", unit: "events"),
        couple("theta_pn", \.satisfactionMidRatio, 0.01...100, "A", "ratio giving Sat = 0.5", unit: "ratio"),
        couple("s_pn", \.satisfactionLogRatioScale, 0.01...10, "A", "log-ratio scale of Sat", unit: "log-ratio"),
        couple(
            "sat_distress", \.distressThreshold, 0...1, "M",
            "distress cut on couple Sat (CSI-32 104.5/161)", unit: "0-1"),
        couple(
            "neg_w_wd_other", \.withdrawalOtherNegativeWeight, 0...10, "A",
            "Neg weight of a WITHDRAW not after own pursuit", unit: "events"),
        couple(
            "neg_w_sr_unann", \.unannouncedBreakNegativeWeight, 0...10, "A",
            "Neg weight of an unannounced break", unit: "events"),
        couple(
            "repair_horizon_min", \.repairHorizonMinutes, 1...100000, "A",
            "horizon of the restricted-mean repair time, minutes", unit: "min"),
        couple(
            "recover_eps", \.recoveryTolerance, 1e-06...1, "A",
            "recovery: E within this of E* counts as recovered", unit: "0-1"),
        couple(
            "earned_period", \.earnedSecurityPeriod, 1...10000, "A",
            "days between earned-security updates", unit: "days", integer: true),
        couple(
            "es_ref_days", \.earnedSecurityReferenceDays, 1...10000, "A",
            "last burn-in days averaged into the earned-security references", unit: "days", integer: true),
        couple("hr_max", \.maximumHeartRate, 100...250, "C", "heart-rate cap, bpm", unit: "bpm"),
        couple(
            "eft_sessions", \.eftSessions, 1...100, "A",
            "number of weekly EFT sessions", unit: "sessions", integer: true),
        couple("eft_interval", \.eftInterval, 1...100, "A", "days between EFT sessions", unit: "days", integer: true),
        couple(
            "eft_stage1", \.eftStageOneSessions, 0...100, "A",
            "sessions in EFT stage 1 (de-escalation)", unit: "sessions", integer: true),
    ]

    private static let populationEntries: [ParameterInfo] = [
        population(
            "mean_anx_a", \.meanAnxietyA, 1...7, "M/D",
            "ECR anxiety mean, role a (3.6 + 0.09 SD)", unit: "ECR points"),
        population(
            "mean_av_a", \.meanAvoidanceA, 1...7, "M/D",
            "ECR avoidance mean, role a (2.9 - 0.09 SD)", unit: "ECR points"),
        population("mean_anx_b", \.meanAnxietyB, 1...7, "M/D", "ECR anxiety mean, role b", unit: "ECR points"),
        population("mean_av_b", \.meanAvoidanceB, 1...7, "M/D", "ECR avoidance mean, role b", unit: "ECR points"),
        population("sd_anx", \.sdAnxiety, 0...3, "M", "ECR anxiety SD", unit: "ECR points"),
        population("sd_av", \.sdAvoidance, 0...3, "M", "ECR avoidance SD", unit: "ECR points"),
        population(
            "r_within", \.correlationWithin, -1...1, "M",
            "corr(anxiety, avoidance) within a person", unit: "correlation"),
        population("r_anx_anx", \.correlationAnxietyAnxiety, -1...1, "A", "corr(anx_a, anx_b)", unit: "correlation"),
        population("r_av_av", \.correlationAvoidanceAvoidance, -1...1, "A", "corr(av_a, av_b)", unit: "correlation"),
        population(
            "r_cross", \.correlationCross, -1...1, "A",
            "corr(anx_a, av_b) = corr(av_a, anx_b)", unit: "correlation"),
        population(
            "trunc_max_tries", \.truncationMaxTries, 1...1e6, "A",
            "rejection tries before clamping", unit: "tries", integer: true),
        population(
            "style_jitter", \.styleJitter, 0...0.5, "A",
            "styles mode: SD of jitter around prototypes", unit: "0-1"),
        population(
            "class_anx_ecr", \.classAnxietyECR, 1...7, "D",
            "anxious threshold (ECR), mean + 0.70 SD", unit: "ECR points"),
        population(
            "class_av_ecr", \.classAvoidanceECR, 1...7, "D",
            "avoidant threshold (ECR), mean + 0.674 SD", unit: "ECR points"),
    ]
}
