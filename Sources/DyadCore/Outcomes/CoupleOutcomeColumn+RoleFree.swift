extension CoupleOutcomeColumn {
    /// Where a role-free column takes its value: the column of partner a when a is the `partner`
    /// the column is about (``RoleFreeGrouping``), else the column of partner b. Nil for the
    /// columns of docs/model.md §9.1. The one place the role-free columns are defined.
    public var roleFreeSource: (partner: RoleFreeGrouping.Partner, a: CoupleOutcomeColumn, b: CoupleOutcomeColumn)? {
        switch self {
        case .aMoreAnxious: (.moreAnxious, .aA, .aB)
        case .aMoreAvoidant: (.moreAvoidant, .aA, .aB)
        case .vMoreAnxious: (.moreAnxious, .vA, .vB)
        case .vMoreAvoidant: (.moreAvoidant, .vA, .vB)
        case .satMoreAnxious: (.moreAnxious, .satA, .satB)
        case .satMoreAvoidant: (.moreAvoidant, .satA, .satB)
        case .meanEMoreAnxious: (.moreAnxious, .meanEA, .meanEB)
        case .meanEMoreAvoidant: (.moreAvoidant, .meanEA, .meanEB)
        case .floodFracMoreAnxious: (.moreAnxious, .floodFracA, .floodFracB)
        case .floodFracMoreAvoidant: (.moreAvoidant, .floodFracA, .floodFracB)
        case .pursueFracMoreAnxious: (.moreAnxious, .pursueFracA, .pursueFracB)
        case .pursueFracMoreAvoidant: (.moreAvoidant, .pursueFracA, .pursueFracB)
        case .withdrawFracMoreAnxious: (.moreAnxious, .withdrawFracA, .withdrawFracB)
        case .withdrawFracMoreAvoidant: (.moreAvoidant, .withdrawFracA, .withdrawFracB)
        case .securityMoreAnxious: (.moreAnxious, .securityA, .securityB)
        case .securityMoreAvoidant: (.moreAvoidant, .securityA, .securityB)
        default: nil
        }
    }

    /// The columns DyadSim appends after those of docs/model.md §9.1.
    public static let roleFree = allCases.filter { $0.roleFreeSource != nil }

    /// Name, kind, unit and meaning of a role-free column, derived from its partner-a column:
    /// `sat_a` → `sat_more_anxious`, `sat_more_avoidant`.
    var roleFreeDefinition: (name: String, kind: ColumnKind, unit: String, meaning: String) {
        // Reached only for role-free columns; the empty name of any other column would fail the
        // unique-names test.
        guard let source = roleFreeSource else { return ("", .real, "", "") }
        let base = source.a.name.dropLast(2)
        let (suffix, rule) =
            source.partner == .moreAnxious
            ? ("more_anxious", "the more anxious partner: higher a0, ties a")
            : ("more_avoidant", "the more avoidant partner: higher v0, ties a")
        return ("\(base)_\(suffix)", source.a.kind, source.a.unit, "\(base)_x of \(rule)")
    }
}
