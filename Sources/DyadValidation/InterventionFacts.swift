import DyadCore

/// Stylized facts SF18–SF23 of docs/model.md §10.2, measured on scenario I: paired differences
/// arm − control over the same couples (common random numbers), SE = sd(diff)/√n; every
/// stated direction must hold by 4 SE.
package enum InterventionFacts {
    /// (fact, arm, [(measure, expected sign)], measures reported only).
    /// The arm of each fact is named by its intervention type.
    static let facts:
        [(id: String, arm: InterventionType, checks: [(InterventionMeasure, Double)], extra: [InterventionMeasure])] = [
            (
                "SF18", .consistentValidation,
                [(.anxiousArousal, -1), (.anxiousSecurity, 1), (.anxiousPursuit, -1), (.anxiousAnxietyChange, -1)], []
            ),
            (
                "SF19", .withholdValidation,
                [(.anxiousArousal, 1), (.anxiousSecurity, -1), (.anxiousPursuit, 1), (.anxiousAnxietyChange, 1)], []
            ),
            (
                "SF20", .selfSoothing,
                [(.flooding, -1), (.repairRMST, -1), (.resolvedFraction, 1), (.withdrawal, -1)], [.repairTime]
            ),
            ("SF21", .softStartup, [(.partnerWithdrawal, -1), (.partnerPeakArousal, -1)], []),
            ("SF22", .communicateIntentions, [(.anxiousArousal, -1), (.resolvedFraction, 1)], []),
            ("SF23", .shareVulnerability, [(.satisfaction, 1), (.pursueWithdrawCycle, -1)], []),
        ]

    /// SF18–SF23 from a scenario-I result with arms "control" and one arm per intervention type.
    package static func evaluate(_ result: RunResult, configuration: RunConfiguration, quick: Bool)
        -> [ValidationResult]
    {
        let control = result.arms.first { $0.name == "control" }?.outcomes
        return facts.map { fact in
            let armName = fact.arm.rawValue
            guard let control, let arm = result.arms.first(where: { $0.name == armName })?.outcomes else {
                return StylizedFactCatalog.result(
                    fact.id, measured: .nan, standardError: nil, expected: "arms control and \(armName)", pass: false,
                    detail: "missing arm control or \(armName)")
            }
            let effects = fact.checks.map { measure, sign in
                (measure, sign, ValidationStatistics.pairedDifference(measure.values(arm), measure.values(control)))
            }
            let pass = effects.allSatisfy { _, sign, effect in
                ValidationCriteria.holdsDirection(effect.value, standardError: effect.standardError, sign: sign)
            }
            let reported =
                effects.map { ($0.0, $0.2) }
                + fact.extra.map {
                    ($0, ValidationStatistics.pairedDifference($0.values(arm), $0.values(control)))
                }
            let expected = fact.checks.map { "\($0.0.rawValue) \($0.1 > 0 ? "↑" : "↓")" }.joined(separator: ", ")
            return StylizedFactCatalog.result(
                fact.id, measured: effects[0].2.value, standardError: effects[0].2.standardError,
                expected: expected + " vs control by 4 SE", pass: pass,
                detail: reported.map { "\($0.0.rawValue) \(ValidationText.withError($0.1, 4, signed: true))" }
                    .joined(separator: "; "))
        }
    }

    /// Every measure × every non-control arm (docs/model.md §12.4), arms in result order.
    package static func effects(_ result: RunResult, controlArm: String = "control") -> [InterventionEffect] {
        guard let control = result.arms.first(where: { $0.name == controlArm })?.outcomes else { return [] }
        return InterventionMeasure.allCases.flatMap { measure in
            let reference = measure.values(control)
            let controlMean = ValidationStatistics.mean(reference)
            return result.arms.filter { $0.name != controlArm }.map { arm in
                InterventionEffect(
                    arm: arm.name, measure: measure, controlMean: controlMean,
                    effect: ValidationStatistics.pairedDifference(measure.values(arm.outcomes), reference))
            }
        }
    }
}
