/// Which partner of a couple is "the more anxious" and "the more avoidant" one in every
/// role-free output (`more_anxious`/`more_avoidant` of partners.csv, the report's effects on the
/// more anxious partner): decided by the day-0 traits, a0_a ≥ a0_b → a is the more anxious
/// partner, v0_a ≥ v0_b → a is the more avoidant partner; ties go to a. It is the rule of the
/// intervention targets `more_anxious` and `more_avoidant` at enrolment on day 0 (docs/model.md
/// §7.17; burn-in leaves the traits unchanged), so "the more anxious partner" of an output is the
/// partner such a target enrols when the intervention starts on day 0.
public enum RoleFreeGrouping {
    /// The partner a role-free output is about.
    public enum Partner: Sendable, Equatable {
        case moreAnxious, moreAvoidant
    }

    /// True when partner a is `partner`, from the day-0 traits of both partners.
    @inline(__always)
    public static func aIs(_ partner: Partner, a0A: Double, v0A: Double, a0B: Double, v0B: Double) -> Bool {
        switch partner {
        case .moreAnxious: aIsMoreAnxious(a0A: a0A, a0B: a0B)
        case .moreAvoidant: aIsMoreAvoidant(v0A: v0A, v0B: v0B)
        }
    }

    /// True when partner a is the more anxious partner: a0_a ≥ a0_b (ties → a).
    @inline(__always)
    public static func aIsMoreAnxious(a0A: Double, a0B: Double) -> Bool { a0A >= a0B }

    /// True when partner a is the more avoidant partner: v0_a ≥ v0_b (ties → a).
    @inline(__always)
    public static func aIsMoreAvoidant(v0A: Double, v0B: Double) -> Bool { v0A >= v0B }

    /// Whether the partner in `role` is the more anxious partner, from a couples.csv row
    /// (values in ``CoupleOutcomeColumn`` order).
    public static func isMoreAnxious(_ role: Role, row: UnsafeBufferPointer<Double>) -> Bool {
        aIsMoreAnxious(a0A: row[CoupleOutcomeColumn.a0A.rawValue], a0B: row[CoupleOutcomeColumn.a0B.rawValue])
            == (role == .a)
    }

    /// Whether the partner in `role` is the more avoidant partner, from a couples.csv row.
    public static func isMoreAvoidant(_ role: Role, row: UnsafeBufferPointer<Double>) -> Bool {
        aIsMoreAvoidant(v0A: row[CoupleOutcomeColumn.v0A.rawValue], v0B: row[CoupleOutcomeColumn.v0B.rawValue])
            == (role == .a)
    }
}
