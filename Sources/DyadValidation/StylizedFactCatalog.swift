/// The statements, scenarios and sources of docs/model.md §10.2's stylized facts SF1–SF26.
package enum StylizedFactCatalog {
    /// One row of the docs/model.md §10.2 table.
    package struct Entry: Sendable {
        /// "SF1" … "SF26".
        package let id: String
        /// The scenario the fact is measured on.
        package let scenario: ValidationScenario
        /// Citation (docs/model.md §10.2 "source" column).
        package let source: String
        /// The measurable comparison (docs/model.md §10.2 "measurable comparison" column).
        package let description: String
    }

    /// SF1 … SF26 in docs/model.md order.
    package static let entries: [Entry] = [
        Entry(
            id: "SF1", scenario: .population, source: "[C] Mickelson 1997",
            description: "style shares secure / anxious / avoidant+fearful within 3 points of 59 / 16 / 25 %"),
        Entry(
            id: "SF2", scenario: .population, source: "[C] dir. Cameron 2012",
            description: "within-role r(a0, v0) in .10–.25"),
        Entry(
            id: "SF3", scenario: .population, source: "[C] Del Giudice 2011",
            description: "role a more anxious, role b more avoidant; bivariate D in .10–.35"),
        Entry(
            id: "SF4", scenario: .population, source: "[C] Li & Chan 2012",
            description:
                "r(a_i, sat_i) and r(v_i, sat_i) in −.45…−.20, avoidance stronger; r(a_a+a_b, episodes) > r(v_a+v_b, episodes)"
        ),
        Entry(
            id: "SF5", scenario: .population, source: "[C] Christensen & Shenk 1991",
            description: "pw_cycle_frac higher in distressed than non-distressed couples"),
        Entry(
            id: "SF6", scenario: .population, source: "[C] Holley 2010; Papp 2009",
            description: "the more anxious partner is the pursuer in > 50 % of PW pairs"),
        Entry(
            id: "SF7", scenario: .population, source: "[C] Christensen & Shenk 1991",
            description: "Σ pw_ab > Σ pw_ba (women-like pursue, men-like withdraw)"),
        Entry(
            id: "SF8", scenario: .population, source: "[C] Frontiers 2022; [M] Schrodt 2014",
            description: "r(pw_cycle_frac, satisfaction) < 0"),
        Entry(
            id: "SF9", scenario: .population, source: "[C] Evraire 2022; Frontiers 2022",
            description: "r(a_i, pursue_frac_i) > .1 and r(v_i, withdraw_frac_i) > .1"),
        Entry(
            id: "SF10", scenario: .population, source: "[C] Campbell 2005",
            description: "r(a_i, peak_e_i) > .1 (anxious escalate; more episodes, SF4)"),
        Entry(
            id: "SF11", scenario: .population, source: "[C] Sbarra 2006 (direction)",
            description: "recovery_time longer in the top than the bottom anxiety tertile"),
        Entry(
            id: "SF12", scenario: .population, source: "[C] Gottman 5:1 (direction)",
            description: "median ratio_conflict higher in surviving than in dissolved couples"),
        Entry(
            id: "SF13", scenario: .population, source: "[C/M] Gottman bids",
            description: "mean turn_toward higher in surviving than in dissolved couples"),
        Entry(
            id: "SF14", scenario: .population, source: "[C/M] base rates",
            description: "one-year dissolution 2–5 % (married calibration)"),
        Entry(
            id: "SF15", scenario: .pairings, source: "seed; [M] Domingue & Mollen 2009",
            description:
                "of the 9 pairings of secure/anxious/avoidant, both anxious–avoidant orders have the highest pw_cycle_frac; secure–secure the lowest of all 16"
        ),
        Entry(
            id: "SF16", scenario: .pairings, source: "[C] Kirkpatrick & Davis 1994",
            description:
                "anxious–avoidant: Sat below every pairing with a secure partner, yet dissolution below every insecure pairing with a fearful partner"
        ),
        Entry(
            id: "SF17", scenario: .pairings, source: "[C] literature review (its section 5)",
            description: "repair_rmst: secure–secure < secure–anxious < anxious–anxious"),
        Entry(
            id: "SF18", scenario: .interventions, source: "[C] Simpson & Overall 2014; Arriaga 2018",
            description:
                "consistent_validation (partner_of_more_anxious): more anxious partner's mean_e↓, security↑, pursue_frac↓, a↓ vs control"
        ),
        Entry(
            id: "SF19", scenario: .interventions, source: "seed",
            description: "withhold_validation (same target): the four move the other way"),
        Entry(
            id: "SF20", scenario: .interventions, source: "[C] 20-min rule",
            description: "self_soothing (both): flood_frac↓, repair_rmst↓, withdrawal↓, resolved_frac↑"),
        Entry(
            id: "SF21", scenario: .interventions, source: "[C] Overall 2013; Carrère & Gottman 1999",
            description: "soft_startup (more_anxious): partner's withdraw_frac↓ and peak_e↓"),
        Entry(
            id: "SF22", scenario: .interventions, source: "[A] seed",
            description: "communicate_intentions (more_avoidant): anxious partner's mean_e↓, resolved_frac↑"),
        Entry(
            id: "SF23", scenario: .interventions, source: "[C] Laurenceau 1998",
            description: "share_vulnerability (more_avoidant): satisfaction↑, pw_cycle_frac↓"),
        Entry(
            id: "SF24", scenario: .therapy, source: "[C] Spengler 2022; Johnson 1999; Roddy 2020",
            description: "EFT pre–post d (pooled SD) in 0.9–1.3; 60–75 % non-distressed at post; waitlist abs(d) ≤ 0.2"),
        Entry(
            id: "SF25", scenario: .therapy, source: "[C] Burgess Moser 2016",
            description: "EFT lowers mean a and v vs waitlist"),
        Entry(
            id: "SF26", scenario: .therapy, source: "[C] Roddy 2020",
            description:
                "paired EFT effect (same couple, EFT − waitlist Sat at post) larger in the more distressed half"),
    ]

    /// The entry of `id` ("SF1" … "SF26").
    package static func entry(_ id: String) -> Entry {
        guard let entry = entries.first(where: { $0.id == id }) else { preconditionFailure("unknown fact \(id)") }
        return entry
    }

    /// A result for fact `id` with the catalogue's description, scenario and source.
    static func result(
        _ id: String, measured: Double, standardError: Double?, expected: String, pass: Bool, detail: String
    ) -> ValidationResult {
        let entry = entry(id)
        return ValidationResult(
            id: id, description: entry.description, scenario: entry.scenario.rawValue, measured: measured,
            standardError: standardError, expected: expected, pass: pass, detail: detail, source: entry.source)
    }
}
