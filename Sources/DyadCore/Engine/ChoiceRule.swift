/// The behaviour choice of docs/model.md §7.6: utilities, softmax by inverse CDF, then the
/// self-soothing replacement, the vulnerability conversion and the style draws.
enum ChoiceRule {
    /// Chooses a non-forced action for `actor`, who sees only the partner's last action (and,
    /// for consistent validation, whether the partner pursued in its last two actions).
    @inline(__always)
    static func choose(
        actor k: borrowing PartnerState, partnerLast: Action, partnerPursuedRecently: Bool, stream: inout RandomStream
    ) -> Action {
        let arousal = k.arousal
        let security = k.security
        let flooded = arousal > k.parameters.floodThreshold

        var pursue = k.pursueConstant + k.pursuePerInsecurity * (1 - security) + k.pursuePerArousal * arousal
        if partnerLast.isWithdrawal { pursue += k.pursueAfterWithdrawal }

        var withdraw = k.parameters.withdrawBase + k.withdrawPerArousal * arousal
        if partnerLast == .pursueHarsh { withdraw += k.withdrawAfterHarsh }
        if partnerLast == .pursueSoft { withdraw += k.withdrawAfterSoft }
        if flooded { withdraw += k.withdrawFlooded }
        if partnerLast == .validate { withdraw -= k.parameters.withdrawAfterValidation }

        var validate =
            k.validateConstant + k.parameters.validatePerCalmSecurity * security * (1 - arousal)
            - k.validatePerArousal * arousal
        if partnerLast == .pursueSoft || partnerLast == .validate { validate += k.parameters.validateReciprocity }
        if partnerLast == .pursueHarsh { validate += k.parameters.validateAfterHarshPursuit * security }
        let boost = k.validateBoostAfterPursuit
        if boost > 0 && partnerPursuedRecently { validate += boost }

        var selfRegulate = k.parameters.selfRegulateBase + k.selfRegulatePerArousal * arousal
        if flooded { selfRegulate += k.selfRegulateFlooded }

        // Softmax weights w_c = exp((U_c − m)/tau) with m = U_NEUTRAL = 0, so w_NEUTRAL = 1;
        // the maximum is subtracted instead only when exp(U_c/tau) could overflow. Full
        // withholding removes VALIDATE entirely.
        let withhold = k.withholdStrength
        let validationAllowed = withhold < 1
        let inverseTemperature = k.inverseTemperature
        var highest = max(pursue, max(withdraw, selfRegulate))
        if validationAllowed { highest = max(highest, validate) }
        let reference = highest * inverseTemperature < 700 ? 0 : highest
        let weightNeutral = reference == 0 ? 1 : DyadMath.exp(-reference * inverseTemperature)
        let weightPursue = DyadMath.exp((pursue - reference) * inverseTemperature)
        let weightWithdraw = DyadMath.exp((withdraw - reference) * inverseTemperature)
        let weightValidate =
            validationAllowed
            ? DyadMath.exp((validate - reference) * inverseTemperature) * (1 - withhold) : 0
        let weightSelfRegulate = DyadMath.exp((selfRegulate - reference) * inverseTemperature)
        let total = weightNeutral + weightPursue + weightWithdraw + weightValidate + weightSelfRegulate
        var threshold = stream.uniform() * total

        threshold -= weightNeutral
        if threshold < 0 { return .neutral }
        threshold -= weightPursue
        if threshold < 0 { return styledPursuit(k, stream: &stream) }
        threshold -= weightWithdraw
        if threshold < 0 { return modifiedWithdrawal(k, flooded: flooded, stream: &stream) }
        threshold -= weightValidate
        if threshold < 0 { return .validate }
        if weightSelfRegulate > 0 { return styledBreak(k, stream: &stream) }
        // Rounding left u·Σw at the top of the CDF: take the last category with weight.
        if weightValidate > 0 { return .validate }
        if weightWithdraw > 0 { return modifiedWithdrawal(k, flooded: flooded, stream: &stream) }
        if weightPursue > 0 { return styledPursuit(k, stream: &stream) }
        return .neutral
    }

    /// PURSUE: soft with probability p_soft, else harsh.
    @inline(__always)
    private static func styledPursuit(_ k: borrowing PartnerState, stream: inout RandomStream) -> Action {
        stream.uniform() < k.softPursuitProbability() ? .pursueSoft : .pursueHarsh
    }

    /// SELF_REGULATE: announced with probability p_ann.
    @inline(__always)
    private static func styledBreak(_ k: borrowing PartnerState, stream: inout RandomStream) -> Action {
        stream.uniform() < k.announceProbability() ? .breakAnnounced : .breakUnannounced
    }

    /// §7.6 modifications 1–2: a flooded WITHDRAW becomes a break w.p. s^SS·ss_replace; an aroused
    /// WITHDRAW becomes a soft PURSUE (no style draw) w.p. s^SV·sv_convert.
    @inline(__always)
    private static func modifiedWithdrawal(_ k: borrowing PartnerState, flooded: Bool, stream: inout RandomStream)
        -> Action
    {
        let soothing = k.soothingStrength
        if flooded && soothing > 0 {
            if stream.uniform() < soothing * k.parameters.soothingReplaceProbability {
                return styledBreak(k, stream: &stream)
            }
        }
        let vulnerability = k.vulnerabilityStrength
        let convertible = k.arousal > k.parameters.vulnerabilityArousalMinimum
        if vulnerability > 0 && convertible {
            if stream.uniform() < vulnerability * k.parameters.vulnerabilityConvertProbability {
                return .pursueSoft
            }
        }
        return .withdraw
    }
}
