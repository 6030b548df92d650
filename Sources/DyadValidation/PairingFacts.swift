import DyadCore

/// Stylized facts SF15–SF17 of docs/model.md §10.2, measured on scenario S (styles, 16 ordered
/// pairings of the default prototypes, stratified allocation).
///
/// A pairing "x-y" is role a's prototype x and role b's prototype y (`proto_a`, `proto_b`);
/// names are abbreviated to three letters (sec, anx, avo, fea). Means are over the pairing's
/// couples with SE sd/√n; comparisons of pairings are independent groups,
/// SE √(se₁² + se₂²).
package enum PairingFacts {
    /// The SF16 dissolution comparison is a contrast of rare-event rates (≈ 6 % vs ≈ 10 %) with
    /// a small margin: the independent implementation's own numbers in docs/model.md §12.2 (0.066,
    /// se 0.006, vs 0.099) clear it by less than 4 SE, so this one sub-check requires 2 SE.
    package static let dissolutionContrastStandardErrors = 2.0

    /// SF15–SF17 from the outcomes of the run's first arm; `result.prototypeNames` must contain
    /// the default prototype names (secure, anxious, avoidant, fearful).
    package static func evaluate(_ result: RunResult, configuration: RunConfiguration, quick: Bool)
        -> [ValidationResult]
    {
        let groups = PairingGroups(table: result.arms[0].outcomes, prototypeNames: result.prototypeNames)
        return [pursueWithdrawRanking(groups), anxiousAvoidantParadox(groups), repairRanking(groups)]
    }

    /// SF15: mean pw_cycle_frac by ordered pairing. Each anxious–avoidant order (anx-avo,
    /// avo-anx) exceeds the highest of the other 7 secure/anxious/avoidant pairings by 4 SE, and
    /// sec-sec is below the lowest of the other 15 pairings by 4 SE. Headline: the smaller
    /// anxious–avoidant order minus the highest other classic pairing.
    static func pursueWithdrawRanking(_ groups: PairingGroups) -> ValidationResult {
        let cycle = { (pairing: Pairing) in groups.mean(.pwCycleFrac, pairing) }
        let anxiousAvoidant = [Pairing("anxious", "avoidant"), Pairing("avoidant", "anxious")]
        let others = Pairing.classic.filter { !anxiousAvoidant.contains($0) }
        let nextHighest = others.largest { cycle($0).value }
        let lowerOrder = anxiousAvoidant.smallest { cycle($0).value }
        let gap = difference(cycle(lowerOrder), cycle(nextHighest))
        let secure = Pairing("secure", "secure")
        let nextLowest = Pairing.all.filter { $0 != secure }.smallest { cycle($0).value }
        let floorGap = difference(cycle(nextLowest), cycle(secure))
        let highest = Pairing.all.largest { cycle($0).value }
        let pass =
            ValidationCriteria.holdsDirection(gap.value, standardError: gap.standardError, sign: 1)
            && ValidationCriteria.holdsDirection(floorGap.value, standardError: floorGap.standardError, sign: 1)
        let text = { (pairing: Pairing) in "\(pairing.label) \(ValidationText.fixed(cycle(pairing).value, 3))" }
        return StylizedFactCatalog.result(
            "SF15", measured: gap.value, standardError: gap.standardError,
            expected: "both anx-avo orders above the other classic pairings and sec-sec below all others, by 4 SE",
            pass: pass,
            detail: "\(text(anxiousAvoidant[0])) \(text(anxiousAvoidant[1])) next \(text(nextHighest)); "
                + "\(text(secure)) next \(text(nextLowest)); max incl. fearful \(text(highest)) "
                + "(se of gaps \(ValidationText.fixed(gap.standardError, 4)), \(ValidationText.fixed(floorGap.standardError, 4)))"
        )
    }

    /// SF16: (1) each anxious–avoidant order's mean satisfaction is below the lowest of the
    /// pairings of a secure partner with a secure, anxious or avoidant partner (sec-sec, sec-anx,
    /// anx-sec, sec-avo, avo-sec; as in docs/model.md §12.2) by 4 SE; (2) the dissolution share of
    /// anxious–avoidant couples (both orders pooled) is below that of every insecure pairing with
    /// a fearful partner, orders pooled ({anx, fea}, {avo, fea}, {fea, fea}), by
    /// ``dissolutionContrastStandardErrors``. Headline: the dissolution gap to the nearest one.
    static func anxiousAvoidantParadox(_ groups: PairingGroups) -> ValidationResult {
        let anxiousAvoidant = [Pairing("anxious", "avoidant"), Pairing("avoidant", "anxious")]
        let withSecure = Pairing.classic.filter { $0.first == "secure" || $0.second == "secure" }
        let satisfaction = { (pairing: Pairing) in groups.mean(.satisfaction, pairing) }
        let lowestSecure = withSecure.smallest { satisfaction($0).value }
        let satisfactionPass = anxiousAvoidant.allSatisfy { order in
            let gap = difference(satisfaction(lowestSecure), satisfaction(order))
            return ValidationCriteria.holdsDirection(gap.value, standardError: gap.standardError, sign: 1)
        }
        let pooledAnxiousAvoidant = groups.mean(.dissolved, anxiousAvoidant)
        let fearfulGroups = [("anx+fea", "anxious"), ("avo+fea", "avoidant"), ("fea-fea", "fearful")].map {
            label, other in
            (label, groups.mean(.dissolved, [Pairing(other, "fearful"), Pairing("fearful", other)]))
        }
        let nearest = fearfulGroups.smallest { $0.1.value }
        let gap = difference(nearest.1, pooledAnxiousAvoidant)
        let dissolutionPass = gap.value > 0 && gap.value >= dissolutionContrastStandardErrors * gap.standardError
        let dissolved = { (pairing: Pairing) in ValidationText.fixed(groups.mean(.dissolved, pairing).value, 3) }
        return StylizedFactCatalog.result(
            "SF16", measured: gap.value, standardError: gap.standardError,
            expected:
                "Sat of each anx-avo order below sec pairings by 4 SE; dissolution below fearful-insecure by 2 SE",
            pass: satisfactionPass && dissolutionPass,
            detail:
                "anx-avo (both orders) dissolved \(ValidationText.withError(pooledAnxiousAvoidant, 3)) vs min fearful-insecure "
                + "\(nearest.0) \(ValidationText.withError(nearest.1, 3)) (anx-anx \(dissolved(Pairing("anxious", "anxious"))), "
                + "sec-sec \(dissolved(Pairing("secure", "secure")))); Sat anx-avo "
                + "\(ValidationText.fixed(satisfaction(anxiousAvoidant[0]).value, 3)) avo-anx "
                + "\(ValidationText.fixed(satisfaction(anxiousAvoidant[1]).value, 3)) vs >= "
                + "\(ValidationText.fixed(satisfaction(lowestSecure).value, 3)) (\(lowestSecure.label))")
    }

    /// SF17: mean repair_rmst sec-sec < sec-anx and anx-sec (each order) < anx-anx, every step by
    /// 4 SE. Headline: the smallest of the four steps (minutes).
    static func repairRanking(_ groups: PairingGroups) -> ValidationResult {
        let repair = { (pairing: Pairing) in groups.mean(.repairRMST, pairing) }
        let secure = repair(Pairing("secure", "secure")), anxious = repair(Pairing("anxious", "anxious"))
        let mixed = [repair(Pairing("secure", "anxious")), repair(Pairing("anxious", "secure"))]
        let steps = mixed.flatMap { [difference($0, secure), difference(anxious, $0)] }
        let smallest = steps.smallest { $0.value / $0.standardError }
        let largestError = ([secure, anxious] + mixed).map(\.standardError).reduce(0) { Swift.max($0, $1) }
        return StylizedFactCatalog.result(
            "SF17", measured: smallest.value, standardError: smallest.standardError,
            expected: "each step > 0 by 4 SE",
            pass: steps.allSatisfy {
                ValidationCriteria.holdsDirection($0.value, standardError: $0.standardError, sign: 1)
            },
            detail: "\(ValidationText.fixed(secure.value, 2)) < \(ValidationText.fixed(mixed[0].value, 2)) (anx-sec "
                + "\(ValidationText.fixed(mixed[1].value, 2))) < \(ValidationText.fixed(anxious.value, 2)) min "
                + "(se<=\(ValidationText.fixed(largestError, 2)))")
    }

    /// first − second with SE √(se₁² + se₂²) (independent groups).
    static func difference(_ first: ValidationEstimate, _ second: ValidationEstimate) -> ValidationEstimate {
        ValidationEstimate(
            value: first.value - second.value,
            standardError: (first.standardError * first.standardError + second.standardError * second.standardError)
                .squareRoot(),
            count: first.count + second.count)
    }
}
