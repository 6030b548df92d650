import DyadCore

/// The four scenarios of docs/model.md §10.2 on which the stylized facts are measured.
package enum ValidationScenario: String, Sendable, CaseIterable {
    /// P: traits, one control arm, 365 days, seed 1 (SF1–SF14).
    case population = "P"
    /// S: styles, 16 pairings × 2,000 couples, 365 days, seed 3 (SF15–SF17).
    case pairings = "S"
    /// I: traits, control + one arm per intervention type, 365 days, seed 7 (SF18–SF23).
    case interventions = "I"
    /// E: traits, waitlist and EFT arms, 194 days, seed 11, baseline day 60 (SF24–SF26).
    case therapy = "E"

    /// Couples of the full-size scenario (docs/model.md §10.2).
    package var defaultCouples: Int { self == .pairings ? 32_000 : 20_000 }

    /// Couples of the reduced-size (quick) run for CI on two cores: large enough that every fact's
    /// margin stays several SE (P keeps ≈ 340 dissolved couples for SF12's median contrast; S keeps
    /// 2,000 anxious–avoidant couples for SF16), small enough that all four run in ≈ 10 s.
    package var quickCouples: Int {
        switch self {
        case .population: 10_000
        case .pairings: 16_000
        case .interventions: 5_000
        case .therapy: 8_000
        }
    }

    /// The scenario's run configuration with `couples` couples (defaults otherwise).
    package func configuration(couples: Int? = nil) -> RunConfiguration {
        let n = couples ?? defaultCouples
        switch self {
        case .population: return ValidationScenarios.population(couples: n)
        case .pairings: return ValidationScenarios.pairings(couples: n)
        case .interventions: return ValidationScenarios.interventions(couples: n)
        case .therapy: return ValidationScenarios.therapy(couples: n)
        }
    }
}
