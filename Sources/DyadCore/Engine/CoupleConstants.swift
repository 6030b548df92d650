/// Couple-level quantities derived from the effective couple parameters (docs/model.md §8, couple
/// level), with integer-valued parameters rounded half to even (docs/model.md §2.1).
struct CoupleConstants {
    var turnMinutes: Double
    var maximumTurns: Int
    var resolveArousal: Double
    var validateWindow: Int
    var withdrawStreakEnd: Int
    var conflictRateBase: Double
    var conflictRatePerAnxiety: Double
    var conflictRatePerRumination: Double
    var conflictRatePerStress: Double
    var initiationPerAnxiety: Double
    var initiationPerRumination: Double
    /// λ_pn = 0.5^(1/pn_half_life): daily EWMA decay of Pos and Neg.
    var ewmaDecay: Double
    var prior: Double
    /// ln theta_pn.
    var logMidRatio: Double
    /// 1 / s_pn.
    var inverseLogRatioScale: Double
    var distressThreshold: Double
    var withdrawalOtherNegativeWeight: Double
    var unannouncedBreakNegativeWeight: Double
    var repairHorizonMinutes: Double
    var recoveryTolerance: Double
    var earnedSecurityPeriod: Int
    var earnedSecurityReferenceDays: Int
    var maximumHeartRate: Double

    init(_ couple: CoupleParameters) {
        turnMinutes = couple.turnMinutes
        maximumTurns = roundedCount(couple.maximumTurns)
        resolveArousal = couple.resolveArousal
        validateWindow = roundedCount(couple.validateWindow)
        withdrawStreakEnd = roundedCount(couple.withdrawStreakEnd)
        conflictRateBase = couple.conflictRateBase
        conflictRatePerAnxiety = couple.conflictRatePerAnxiety
        conflictRatePerRumination = couple.conflictRatePerRumination
        conflictRatePerStress = couple.conflictRatePerStress
        initiationPerAnxiety = couple.initiationPerAnxiety
        initiationPerRumination = couple.initiationPerRumination
        ewmaDecay = DyadMath.halfPower(1 / couple.positiveNegativeHalfLife)
        prior = couple.positiveNegativePrior
        logMidRatio = DyadMath.log(couple.satisfactionMidRatio)
        inverseLogRatioScale = 1 / couple.satisfactionLogRatioScale
        distressThreshold = couple.distressThreshold
        withdrawalOtherNegativeWeight = couple.withdrawalOtherNegativeWeight
        unannouncedBreakNegativeWeight = couple.unannouncedBreakNegativeWeight
        repairHorizonMinutes = couple.repairHorizonMinutes
        recoveryTolerance = couple.recoveryTolerance
        earnedSecurityPeriod = max(1, roundedCount(couple.earnedSecurityPeriod))
        earnedSecurityReferenceDays = roundedCount(couple.earnedSecurityReferenceDays)
        maximumHeartRate = couple.maximumHeartRate
    }

    /// Sat = 1/(1 + exp(−(ln((Pos + pn_prior)/(Neg + pn_prior)) − ln theta_pn)/s_pn)) (docs/model.md §2.5).
    /// With pn_prior = 0 and Pos = Neg = 0 the ratio is taken as 1.
    @inline(__always)
    func satisfaction(positive: Double, negative: Double) -> Double {
        let numerator = positive + prior
        let denominator = negative + prior
        let logRatio = numerator == denominator ? 0 : DyadMath.log(numerator / denominator)
        return 1 / (1 + DyadMath.exp(-(logRatio - logMidRatio) * inverseLogRatioScale))
    }
}
