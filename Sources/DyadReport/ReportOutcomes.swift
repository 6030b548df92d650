/// How the report names an outcome: a readable label, its unit, and which direction is better
/// (for the ↑/↓ marks that let a reader see at a glance whether an arm helps).
struct ReportOutcome {
    /// Which direction of change is an improvement.
    enum Better {
        case higher, lower
        /// "↑" or "↓".
        var arrow: String { self == .higher ? "\u{2191}" : "\u{2193}" }
    }

    /// Column name in couples.csv / outcome label in effects.csv and summary.csv.
    let name: String
    /// Readable label without the partner (the group heading names it).
    let label: String
    /// Unit of raw values and differences.
    let unit: String
    let better: Better

    /// A group of rows in the forest plot and the effects table.
    struct Group {
        let heading: String
        let outcomes: [ReportOutcome]
    }

    /// The key outcomes of effects.csv, grouped: the couple, partner a, partner b.
    static let effectGroups: [Group] = [
        Group(
            heading: "Couple",
            outcomes: [
                ReportOutcome(name: "satisfaction", label: "satisfaction", unit: "0\u{2013}1 scale", better: .higher),
                ReportOutcome(name: "distressed", label: "distressed", unit: "share of couples", better: .lower),
                ReportOutcome(name: "dissolved", label: "dissolved", unit: "share of couples", better: .lower),
                ReportOutcome(
                    name: "pw_cycle_frac", label: "pursue\u{2013}withdraw cycles", unit: "share of action pairs",
                    better: .lower),
                ReportOutcome(
                    name: "resolved_frac", label: "resolved episodes", unit: "share of episodes", better: .higher),
                ReportOutcome(name: "repair_rmst", label: "time to repair (RMST)", unit: "min", better: .lower),
            ]),
        partnerGroup("a"),
        partnerGroup("b"),
    ]

    private static func partnerGroup(_ role: String) -> Group {
        Group(
            heading: "Partner \(role)",
            outcomes: [
                ReportOutcome(
                    name: "mean_e_\(role)", label: "arousal in conflict", unit: "0\u{2013}1 scale", better: .lower),
                ReportOutcome(
                    name: "security_\(role)", label: "felt security", unit: "0\u{2013}1 scale", better: .higher),
                ReportOutcome(
                    name: "flood_frac_\(role)", label: "flooded turns", unit: "share of turns", better: .lower),
                ReportOutcome(name: "a_\(role)", label: "anxiety at end", unit: "0\u{2013}1 scale", better: .lower),
                ReportOutcome(name: "v_\(role)", label: "avoidance at end", unit: "0\u{2013}1 scale", better: .lower),
            ])
    }

    /// Outcomes of the partner who was more anxious on day 0 (derived from couples.csv; `name`
    /// is the couples.csv stem without `_a`/`_b`).
    static let moreAnxiousPartner = Group(
        heading: "More anxious partner (day 0)",
        outcomes: [
            ReportOutcome(name: "mean_e", label: "arousal in conflict", unit: "0\u{2013}1 scale", better: .lower),
            ReportOutcome(name: "security", label: "felt security", unit: "0\u{2013}1 scale", better: .higher),
            ReportOutcome(name: "pursue_frac", label: "pursuit", unit: "share of actions", better: .lower),
            ReportOutcome(name: "a", label: "anxiety at end", unit: "0\u{2013}1 scale", better: .lower),
        ])
}
