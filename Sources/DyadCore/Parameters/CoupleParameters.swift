/// Couple-level model parameters (docs/model.md §8): one set per couple.
public struct CoupleParameters: Sendable, Equatable {
    /// `turn_minutes`: length Δ of one episode turn, minutes.
    public var turnMinutes = 0.5
    /// `t_max`: maximum turns per episode (integer-valued).
    public var maximumTurns = 30.0
    /// `resolve_e`: both E below this (plus a recent VALIDATE) resolves an episode.
    public var resolveArousal = 0.3
    /// `validate_window`: turns in which a VALIDATE must lie to resolve (integer-valued).
    public var validateWindow = 2.0
    /// `withdraw_streak_end`: consecutive own WITHDRAWs that end an episode (integer-valued).
    public var withdrawStreakEnd = 3.0
    /// `lambda0`: base conflict rate per day.
    public var conflictRateBase = 0.15
    /// `onset_anx`: conflict rate gain per unit of summed anxiety.
    public var conflictRatePerAnxiety = 0.5
    /// `onset_rum`: conflict rate gain per unit of summed rumination.
    public var conflictRatePerRumination = 0.5
    /// `onset_stress`: conflict rate gain per unit of summed stress.
    public var conflictRatePerStress = 1.0
    /// `init_anx`: initiation weight per unit anxiety.
    public var initiationPerAnxiety = 2.0
    /// `init_rum`: initiation weight per unit rumination.
    public var initiationPerRumination = 1.0
    /// `pn_half_life`: half-life of the Pos/Neg EWMA, days.
    public var positiveNegativeHalfLife = 30.0
    /// `pn_prior`: prior count added to Pos and Neg in the satisfaction ratio.
    public var positiveNegativePrior = 1.0
    /// `theta_pn`: positive/negative ratio giving Sat = 0.5.
    public var satisfactionMidRatio = 1.0
    /// `s_pn`: log-ratio scale of satisfaction.
    public var satisfactionLogRatioScale = 0.8
    /// `sat_distress`: distress cut on couple satisfaction (CSI-32 104.5/161).
    public var distressThreshold = 0.649
    /// `neg_w_wd_other`: Neg weight of a WITHDRAW not after own pursuit.
    public var withdrawalOtherNegativeWeight = 0.5
    /// `neg_w_sr_unann`: Neg weight of an unannounced break.
    public var unannouncedBreakNegativeWeight = 0.5
    /// `repair_horizon_min`: horizon of the restricted-mean repair time, minutes.
    public var repairHorizonMinutes = 60.0
    /// `recover_eps`: E within this of E* counts as recovered.
    public var recoveryTolerance = 0.05
    /// `earned_period`: days between earned-security updates (integer-valued).
    public var earnedSecurityPeriod = 30.0
    /// `es_ref_days`: last burn-in days averaged into the earned-security references (integer-valued).
    public var earnedSecurityReferenceDays = 60.0
    /// `hr_max`: heart-rate cap, bpm.
    public var maximumHeartRate = 165.0
    /// `eft_sessions`: number of weekly EFT sessions (integer-valued).
    public var eftSessions = 16.0
    /// `eft_interval`: days between EFT sessions (integer-valued).
    public var eftInterval = 7.0
    /// `eft_stage1`: sessions in EFT stage 1, de-escalation (integer-valued).
    public var eftStageOneSessions = 8.0

    /// The defaults of docs/model.md §8 (couple level).
    public init() {}
}
