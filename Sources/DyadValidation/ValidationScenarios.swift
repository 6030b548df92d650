import DyadCore

/// Builders of the docs/model.md §10.2 scenario configurations (default parameters, burn_in_days 90,
/// one replicate, run key `StreamKey.run(seed:pointKey: 0, replicate: 0)`).
package enum ValidationScenarios {
    /// burn_in_days of every scenario.
    package static let burnInDays = 90

    /// The run key of a plain (non-sweep) scenario with `seed`, replicate 0.
    package static func runKey(seed: UInt64) -> UInt64 { StreamKey.run(seed: seed, pointKey: 0, replicate: 0) }

    /// P: traits population, 365 days, seed 1, one arm "control".
    package static func population(couples: Int = 20_000) -> RunConfiguration {
        RunConfiguration(
            coupleCount: couples, days: 365, burnInDays: burnInDays, arms: [Arm(name: "control")],
            runKey: runKey(seed: 1))
    }

    /// S: styles population with the 16 default pairings (stratified allocation), 365 days,
    /// seed 3, one arm "control". `couples` must be a multiple of the pairing count (16) so every
    /// pairing gets exactly couples/16 couples.
    package static func pairings(couples: Int = 32_000) -> RunConfiguration {
        var population = PopulationParameters()
        population.mode = .styles
        precondition(
            couples > 0 && couples % population.pairings.count == 0,
            "scenario S needs a multiple of \(population.pairings.count) couples")
        return RunConfiguration(
            coupleCount: couples, days: 365, burnInDays: burnInDays, population: population,
            arms: [Arm(name: "control")], runKey: runKey(seed: 3))
    }

    /// The target of `type`'s arm in scenario I (docs/model.md §10.2), or nil for a type scenario I
    /// leaves out (`eft` has its own scenario E; `set` is a tool, not a treatment).
    package static func interventionTarget(of type: InterventionType) -> InterventionTarget? {
        switch type {
        case .consistentValidation, .withholdValidation: .partnerOfMoreAnxious
        case .selfSoothing: .both
        case .softStartup: .moreAnxious
        case .communicateIntentions, .shareVulnerability: .moreAvoidant
        case .eft, .set: nil
        }
    }

    /// The intervention arms of scenario I with their targets (strength 1, start_day 0), in
    /// ``InterventionType`` order.
    package static let interventionArms: [(kind: InterventionKind, target: InterventionTarget)] =
        InterventionKind.parameterFree.compactMap { kind in interventionTarget(of: kind.type).map { (kind, $0) } }

    /// I: traits population, 365 days, seed 7; arm "control" then one arm per intervention
    /// type, named by its type (``interventionArms``).
    package static func interventions(couples: Int = 20_000) -> RunConfiguration {
        var arms = [Arm(name: "control")]
        for (kind, target) in interventionArms {
            arms.append(
                Arm(
                    name: kind.typeName,
                    interventions: [
                        Intervention(kind: kind, target: target, strength: 1, startDay: 0)
                    ]))
        }
        return RunConfiguration(
            coupleCount: couples, days: 365, burnInDays: burnInDays, arms: arms, runKey: runKey(seed: 7))
    }

    /// Day on which scenario E records sat_baseline and starts EFT.
    package static let therapyBaselineDay = 60

    /// E: traits population, 194 days (post = end of day 193, four weeks after session 16 on
    /// day 165), seed 11, baseline_day 60; arms "waitlist" and "eft" (target both, start_day 60,
    /// eligibility distressed).
    package static func therapy(couples: Int = 20_000) -> RunConfiguration {
        let eft = Intervention(
            kind: .eft, target: .both, strength: 1, startDay: therapyBaselineDay, eligibility: .distressed)
        return RunConfiguration(
            coupleCount: couples, days: 194, burnInDays: burnInDays, baselineDay: therapyBaselineDay,
            arms: [Arm(name: "waitlist"), Arm(name: "eft", interventions: [eft])], runKey: runKey(seed: 11))
    }
}
