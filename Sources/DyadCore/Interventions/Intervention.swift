/// One intervention of a trial arm (docs/model.md §7.17).
public struct Intervention: Sendable, Equatable {
    /// The mechanism (docs/model.md §7.17–§7.19), with a `set` intervention's parameter and value.
    public var kind: InterventionKind
    /// Which partners it targets, resolved at enrolment: a, b, both, or one chosen by the current
    /// traits (the more anxious or more avoidant partner, or that partner's partner).
    public var target: InterventionTarget
    /// Strength s in [0, 1]; s = 0 has no effect.
    public var strength: Double
    /// First active day (≥ 0); enrolment happens in step 0 of this day.
    public var startDay: Int
    /// First inactive day (exclusive), or nil for "until the end".
    public var endDay: Int?
    /// Which couples enrol at `startDay` (all, or those distressed that day; docs/model.md §7.17).
    public var eligibility: Eligibility

    /// An intervention of `kind` at full strength on both partners of every couple, from day 0 to the end
    /// unless the arguments say otherwise.
    public init(
        kind: InterventionKind, target: InterventionTarget = .both, strength: Double = 1,
        startDay: Int = 0, endDay: Int? = nil, eligibility: Eligibility = .all
    ) {
        self.kind = kind
        self.target = target
        self.strength = strength
        self.startDay = startDay
        self.endDay = endDay
        self.eligibility = eligibility
    }

    /// Active on day d iff start_day ≤ d < end_day.
    public func isActive(day: Int) -> Bool {
        day >= startDay && day < (endDay ?? Int.max)
    }
}
